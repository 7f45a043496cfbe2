// The curation layer's vocabulary: one decision a person takes about what the importer extracted (accept,
// reject, rename, merge, set English name, set lead / involved, add), keyed by the graph's stable ids. The same
// decisions are stored in Neo4j and written in the annotation YAML's `curation:` list (docs/curation.md), so
// the browser and the CLI are two doors to one thing.
import { z } from 'zod';
import { AgencyKind, PilotKind, type ValueOf } from './model.ts';

/** What a decision is about: an entity (`<plan>:agency:<key>`), a role or a link (see `factId`). */
const target = z.string().min(1).max(400);
const agencyKinds = Object.values(AgencyKind) as [AgencyKind, ...AgencyKind[]];
const pilotKinds = Object.values(PilotKind) as [PilotKind, ...PilotKind[]];

/** What the fact looked like when the decision was taken: lets a rejected or orphaned fact stay readable. */
export const factSnapshotSchema = z.strictObject({
  name: z.string(),
  quote: z.string().nullable().default(null),
  confidence: z.number().nullable().default(null),
});
export type FactSnapshot = z.infer<typeof factSnapshotSchema>;

const shapes = {
  accept: { action: z.literal('accept'), target },
  reject: { action: z.literal('reject'), target },
  rename: { action: z.literal('rename'), target, name: z.string().trim().min(1).max(200) },
  /** `target` (agency or pilot) disappears into `into` (same label): aliases combined, links moved. */
  merge: { action: z.literal('merge'), target, into: target },
  setNameEn: { action: z.literal('setNameEn'), target, nameEn: z.string().trim().min(1).max(300) },
  /** `task` and `agency` are node ids; the role replaces any other role of that agency on that task. */
  setRole: { action: z.literal('setRole'), task: target, agency: target, role: z.enum(['lead', 'involved']) },
  /** A body the extractor missed; `quote` must occur in the plan's text (the name inside it is the mention). */
  add: {
    action: z.literal('add'),
    entity: z.enum(['agency', 'pilot']),
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a key is lower-case ASCII letters, digits and dashes'),
    name: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(300).optional(),
    kind: z.string().min(1),
    quote: z.string().min(2).max(2000),
  },
};

const provenance = {
  /** `c-<uuid>`: unique across plans, stable through export and import. */
  id: z
    .string()
    .regex(/^c-[0-9a-z-]+$/, 'a decision id is c- followed by lower-case letters, digits, dashes'),
  /** Who decided (a username), null for a decision written by hand in a YAML file. */
  by: z.string().nullable().default(null),
  /** When (ISO 8601). */
  at: z.string().min(1),
  was: factSnapshotSchema.optional(),
};

/** The decision without its provenance: what an editor sends. */
export const decisionInputSchema = z.discriminatedUnion('action', [
  z.strictObject(shapes.accept),
  z.strictObject(shapes.reject),
  z.strictObject(shapes.rename),
  z.strictObject(shapes.merge),
  z.strictObject(shapes.setNameEn),
  z.strictObject(shapes.setRole),
  z.strictObject(shapes.add),
]);
export type DecisionInput = z.infer<typeof decisionInputSchema>;
export type DecisionAction = DecisionInput['action'];

/** A decision as stored and exported: the input plus who, when and what the fact looked like. */
export const decisionSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...shapes.accept, ...provenance }),
  z.strictObject({ ...shapes.reject, ...provenance }),
  z.strictObject({ ...shapes.rename, ...provenance }),
  z.strictObject({ ...shapes.merge, ...provenance }),
  z.strictObject({ ...shapes.setNameEn, ...provenance }),
  z.strictObject({ ...shapes.setRole, ...provenance }),
  z.strictObject({ ...shapes.add, ...provenance }),
]);
export type CurationDecision = z.infer<typeof decisionSchema>;

/** Whether a decision still found its target at the last build of the plan. */
export const DecisionState = { applied: 'applied', orphaned: 'orphaned' } as const;
export type DecisionState = ValueOf<typeof DecisionState>;

export interface DecisionOutcome {
  id: string;
  state: DecisionState;
  /** Why an orphaned decision could not be applied. */
  reason: string | null;
}

/** The kinds an added entity may take: AgencyKind for agencies, PilotKind for pilots. */
export function validAddKind(entity: 'agency' | 'pilot', kind: string): boolean {
  return entity === 'agency'
    ? (agencyKinds as string[]).includes(kind)
    : (pilotKinds as string[]).includes(kind);
}

/**
 * The stable id of a role or link: `<start id>|<TYPE>|<end id>`, plus `|<kind>` for DEPENDS_ON (two tasks may be
 * linked by several kinds). Entities are named by their node id.
 */
export function factId(type: string, start: string, end: string, kind?: string | null): string {
  return kind ? `${start}|${type}|${end}|${kind}` : `${start}|${type}|${end}`;
}

/** Decisions in the order they apply: by time, then id (so the YAML and the store give the same order). */
export function decisionOrder(a: CurationDecision, b: CurationDecision): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The kinds of fact the review page lists. */
export const FactKind = { agency: 'agency', pilot: 'pilot', role: 'role', link: 'link' } as const;
export type FactKind = ValueOf<typeof FactKind>;

/** Where a fact stands for the reviewer: untouched, accepted (or curated), or rejected (gone from the graph). */
export const FactStatus = { open: 'open', accepted: 'accepted', rejected: 'rejected' } as const;
export type FactStatus = ValueOf<typeof FactStatus>;

/** One row of the review page: an agency, pilot, role (task → agency) or link (task → task). */
export const reviewFactSchema = z.object({
  /** Node id for an entity, `factId` for a role or link: what decisions target. */
  id: z.string(),
  kind: z.enum(['agency', 'pilot', 'role', 'link']),
  name: z.string(),
  nameEn: z.string().nullable(),
  basis: z.string().nullable(),
  /** 0..1; null where the fact carries none (a curated one). */
  confidence: z.number().nullable(),
  quotes: z.array(z.string()),
  aliases: z.array(z.string()),
  /** For a role: `lead` / `involved`; for a link: its DEPENDS_ON kind. */
  role: z.string().nullable(),
  /** For a role or link: the task (from) and the agency or task (to), ids and names. */
  from: z.object({ id: z.string(), name: z.string() }).nullable(),
  to: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(['open', 'accepted', 'rejected']),
});
export type ReviewFact = z.infer<typeof reviewFactSchema>;

/** A stored decision with where it stands since the plan's last build. */
export const storedDecisionSchema = z.object({
  decision: decisionSchema,
  state: z.enum(['applied', 'orphaned']),
  reason: z.string().nullable(),
});
export type StoredDecision = z.infer<typeof storedDecisionSchema>;

export const reviewSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string(), titleEn: z.string().nullable() }),
  facts: z.array(reviewFactSchema),
  decisions: z.array(storedDecisionSchema),
  /** The plan's tasks, for set lead / involved. */
  tasks: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Review = z.infer<typeof reviewSchema>;
