// Schema of a plan's annotation file (seeds/<plan>.yaml): everything specific to one plan that its text
// does not state in a machine-readable way. It is an overlay on what the extractor finds (extract/overlay.ts):
// it confirms (same name or alias), renames (its name wins), merges (all that share a name), rejects and adds. The importer validates the YAML against this at the edge and
// then every evidence quote against the normalised plan text: markdown decoration (`#`, `**`) removed,
// paragraphs that a page break split re-joined without a gap, runs of spaces/tabs collapsed to one space,
// NFC. `npm run import -- <plan.md> --dry-run --format json` prints that text as `plan.text`.
import { z } from 'zod';
import { decisionSchema } from '../domain/curation.ts';
import { AgencyKind, Basis, PilotKind, PilotLevel, PilotStatus } from '../domain/model.ts';

/** A slug used to build node ids (`<plan>:agency:<key>`): lower-case ASCII, digits and dashes. */
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a key is lower-case ASCII letters, digits and dashes');
/** A task reference by its place in the key-tasks chapter: `<domain number>.<task order>`, e.g. "1.2". */
const taskRef = z.string().regex(/^\d+\.\d+$/, 'a task reference is "<domain>.<task>", e.g. "1.2"');
/** A quote that must occur verbatim in the normalised plan text. */
const quote = z.string().min(2);

export const agencySchema = z.strictObject({
  key,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.enum(Object.values(AgencyKind) as [AgencyKind, ...AgencyKind[]]),
  aliases: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});

export const pilotSchema = z.strictObject({
  key,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.enum(Object.values(PilotKind) as [PilotKind, ...PilotKind[]]),
  level: z.enum(Object.values(PilotLevel) as [PilotLevel, ...PilotLevel[]]),
  status: z.enum(Object.values(PilotStatus) as [PilotStatus, ...PilotStatus[]]),
  /** The passage that shows the status (e.g. "获批" → approved, "申请" → applying). */
  statusEvidence: quote,
  aliases: z.array(z.string().min(1)).default([]),
});

export const responsibilitySchema = z.strictObject({
  agency: key,
  role: z.enum(['lead', 'involved']),
  basis: z.enum([Basis.text, Basis.curated]),
  /** Required when basis is text: the words of the plan that assign the responsibility. */
  evidence: quote.optional(),
  /** Why a curated responsibility holds (the department's remit), shown in the UI. */
  note: z.string().optional(),
});

export const taskAnnotationSchema = z.strictObject({
  ref: taskRef,
  /** The bold title as parsed; checked so that a renumbered plan cannot silently shift annotations. */
  title: z.string().min(1),
  nameEn: z.string().min(1),
  responsibilities: z.array(responsibilitySchema).default([]),
});

export const domainAnnotationSchema = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().min(1),
  nameEn: z.string().min(1),
});

export const dependencySchema = z.strictObject({
  from: taskRef,
  to: taskRef,
  why: z.string().min(1),
  /** One quote from each side: [from-task quote, to-task quote]. */
  evidence: z.tuple([quote, quote]),
});

/** A link from a task to an item of the plan's lists, identified by a quote inside that item. */
export const listLinkSchema = z.strictObject({
  task: taskRef,
  item: quote,
  basis: z.enum([Basis.text, Basis.curated]).default(Basis.curated),
  evidence: quote.optional(),
});

export const annotationSchema = z.strictObject({
  plan: z.strictObject({
    id: key,
    title: z.string().min(1),
    titleEn: z.string().min(1).optional(),
    issuer: z.string().min(1).optional(),
    issuerEn: z.string().min(1).optional(),
    /** Optional: without them the plan's period is read from its title. */
    periodStart: z.number().int().optional(),
    periodEnd: z.number().int().optional(),
  }),
  agencies: z.array(agencySchema).default([]),
  pilots: z.array(pilotSchema).default([]),
  domains: z.array(domainAnnotationSchema).default([]),
  tasks: z.array(taskAnnotationSchema).default([]),
  dependencies: z.array(dependencySchema).default([]),
  advances: z.array(listLinkSchema).default([]),
  addresses: z.array(listLinkSchema).default([]),
  /**
   * Agencies or pilots the extractor finds that are not what it takes them for: their names or extractor keys.
   * `npx tsx scripts/annotation-coverage.ts <plan> <yaml>` lists what the extractor finds.
   */
  rejected: z.array(z.string().min(1)).default([]),
  /** English names for chapters, sections and list items, keyed by their Chinese title. */
  translations: z.record(z.string(), z.string()).default({}),
  /**
   * Curation decisions taken in the browser (or written here), applied after the overlay above in their order
   * (docs/curation.md); a decision whose target the plan no longer yields is reported as orphaned, not an error.
   */
  curation: z.array(decisionSchema).default([]),
});

export type Annotation = z.infer<typeof annotationSchema>;
export type AgencyAnnotation = z.infer<typeof agencySchema>;
export type PilotAnnotation = z.infer<typeof pilotSchema>;
export type TaskAnnotation = z.infer<typeof taskAnnotationSchema>;
