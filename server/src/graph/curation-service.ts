// Curation of a plan (issue 17): records a person's decision, rebuilds the plan from its stored document with the
// annotation plus every decision (the same build `npm run import` runs), and writes graph, decision and audit
// event in one transaction — so the graph, search and exports show the decision at once, and a re-import or the
// exported YAML gives the same graph. Also the review rows and the YAML round trip.
import { randomUUID } from 'node:crypto';
import type {
  CurationDecision,
  DecisionInput,
  FactSnapshot,
  Review,
  ReviewFact,
  StoredDecision,
} from '../domain/curation.ts';
import { AppError } from '../domain/errors.ts';
import type { BuildResult } from '../ingest/build-plan-graph.ts';
import { buildPlanGraph } from '../ingest/build-plan-graph.ts';
import { curationFileName, curationYaml, loadCurationYaml } from '../ingest/curation-yaml.ts';
import { ImportInputError } from '../ingest/errors.ts';

/** What a plan was last built from (see neo4j/curation-store.ts). */
export interface CurationDocument {
  markup: string;
  file: string;
  annotationFile: string | null;
  annotationSource: string | null;
}

/** Who acts, for the audit trail. */
export interface CurationActor {
  username: string;
  ip: string | null;
}

/** The audit event written with a change: action `curation.<what>`, the target, the decision. */
export interface CurationAudit {
  actor: CurationActor;
  action: string;
  target: string;
  after: unknown;
}

/** The database side, implemented by neo4j/curation-store.ts. */
export interface CurationStore {
  plan(plan: string): Promise<{ id: string; title: string; titleEn: string | null } | null>;
  document(plan: string): Promise<CurationDocument | null>;
  decisions(plan: string): Promise<StoredDecision[]>;
  facts(plan: string): Promise<{ facts: ReviewFact[]; tasks: Array<{ id: string; name: string }> }>;
  /** Replaces the plan's graph, document and decisions with the build's, and records the audit event. */
  write(built: BuildResult, audit: CurationAudit): Promise<void>;
}

export type Clock = () => Date;

function kindOf(target: string): ReviewFact['kind'] {
  if (target.includes('|')) return target.includes('|DEPENDS_ON|') ? 'link' : 'role';
  return target.includes(':pilot:') ? 'pilot' : 'agency';
}

/** A role's kind from its stable key (`task|LED_BY|agency`, `task|INVOLVES|agency`); null for other facts. */
function roleOf(target: string): ReviewFact['role'] {
  if (target.includes('|LED_BY|')) return 'lead';
  return target.includes('|INVOLVES|') ? 'involved' : null;
}

function snapshot(fact: ReviewFact | undefined): FactSnapshot | undefined {
  return fact ? { name: fact.name, quote: fact.quotes[0] ?? null, confidence: fact.confidence } : undefined;
}

/** The review rows: the graph's facts with their status, plus the facts rejected (gone from the graph). */
export function reviewRows(facts: ReviewFact[], decisions: StoredDecision[]): ReviewFact[] {
  const rows = new Map(facts.map((f) => [f.id, { ...f }]));
  for (const { decision: d, state } of decisions) {
    if (state !== 'applied' || (d.action !== 'accept' && d.action !== 'reject')) continue;
    const row = rows.get(d.target);
    if (d.action === 'accept' && row) row.status = 'accepted';
    if (d.action === 'reject' && !row) {
      rows.set(d.target, {
        id: d.target,
        kind: kindOf(d.target),
        name: d.was?.name ?? d.target,
        nameEn: null,
        basis: null,
        confidence: d.was?.confidence ?? null,
        quotes: d.was?.quote ? [d.was.quote] : [],
        aliases: [],
        role: roleOf(d.target),
        from: null,
        to: null,
        status: 'rejected',
      });
    }
  }
  // Lowest confidence first (a fact without one, curated, last); then by name.
  return [...rows.values()].sort(
    (a, b) => (a.confidence ?? 2) - (b.confidence ?? 2) || a.name.localeCompare(b.name, 'zh'),
  );
}

/** The stored document a plan was last built from; CONFLICT when it predates curation, NOT_FOUND when no plan. */
async function documentOf(store: CurationStore, plan: string): Promise<CurationDocument> {
  const doc = await store.document(plan);
  if (doc) return doc;
  if (await store.plan(plan)) {
    throw new AppError(
      'CONFLICT',
      `Plan ${plan} was imported before curation was kept: import it again first.`,
    );
  }
  throw new AppError('NOT_FOUND', `No plan ${plan}.`);
}

/** The plan built from its document and annotation `yaml` (read as `file`); INVALID_REQUEST for bad input. */
function build(plan: string, doc: CurationDocument, yaml: string, file: string): BuildResult {
  try {
    return buildPlanGraph({
      markdown: doc.markup,
      markdownFile: doc.file,
      annotation: loadCurationYaml(yaml, file),
      annotationSource: yaml,
      planId: plan,
    });
  } catch (error) {
    if (error instanceof ImportInputError) throw new AppError('INVALID_REQUEST', error.message);
    throw error;
  }
}

/** The annotation YAML of the plan with exactly `decisions` on top of its own annotation. */
async function yamlFor(
  store: CurationStore,
  plan: string,
  doc: CurationDocument,
  decisions: CurationDecision[],
): Promise<string> {
  const base = doc.annotationSource
    ? loadCurationYaml(doc.annotationSource, doc.annotationFile ?? curationFileName(plan)).annotation
    : null;
  const title = (await store.plan(plan))?.title ?? plan;
  return curationYaml(base, decisions, { id: plan, title });
}

/** The plan rebuilt with exactly `decisions` on top of its own annotation. */
async function rebuild(
  store: CurationStore,
  plan: string,
  decisions: CurationDecision[],
): Promise<BuildResult> {
  const doc = await documentOf(store, plan);
  return build(plan, doc, await yamlFor(store, plan, doc, decisions), curationFileName(plan));
}

/** The plan id an uploaded annotation YAML names; INVALID_REQUEST (file:line) when it does not parse. */
function planOfYaml(yaml: string, file: string): string {
  try {
    return loadCurationYaml(yaml, file).annotation.plan.id;
  } catch (error) {
    if (error instanceof ImportInputError) throw new AppError('INVALID_REQUEST', error.message);
    throw error;
  }
}

/** Curation of plans over `store`: review rows, decide and undo, and the YAML round trip; `clock` dates decisions. */
export function createCurationService(store: CurationStore, clock: Clock = () => new Date()) {
  return {
    /** The review page's data; NOT_FOUND for an unknown plan. */
    async review(plan: string): Promise<Review> {
      const info = await store.plan(plan);
      if (!info) throw new AppError('NOT_FOUND', `No plan ${plan}.`);
      const [{ facts, tasks }, decisions] = await Promise.all([store.facts(plan), store.decisions(plan)]);
      return { plan: info, facts: reviewRows(facts, decisions), decisions, tasks };
    },

    /**
     * Records one decision and applies it now. INVALID_REQUEST when it cannot apply (its target is not in the
     * plan, a quote is not in the text …): then nothing is stored.
     */
    async decide(plan: string, input: DecisionInput, actor: CurationActor): Promise<StoredDecision> {
      const stored = await store.decisions(plan);
      const { facts } = await store.facts(plan);
      const target = 'target' in input ? input.target : input.action === 'setRole' ? input.task : input.key;
      const decision = {
        ...input,
        id: `c-${randomUUID()}`,
        by: actor.username,
        at: clock().toISOString(),
        was: snapshot(facts.find((f) => f.id === target)),
      } as CurationDecision;
      const built = await rebuild(store, plan, [...stored.map((s) => s.decision), decision]);
      const outcome = built.summary.curation.find((o) => o.id === decision.id);
      if (outcome?.state === 'orphaned')
        throw new AppError('INVALID_REQUEST', outcome.reason ?? 'Not applicable.');
      await store.write(built, { actor, action: `curation.${input.action}`, target, after: decision });
      return { decision, state: 'applied', reason: null };
    },

    /** Takes a decision back (the plan is rebuilt without it); NOT_FOUND for an unknown decision. */
    async undo(plan: string, id: string, actor: CurationActor): Promise<void> {
      const stored = await store.decisions(plan);
      const gone = stored.find((s) => s.decision.id === id);
      if (!gone) throw new AppError('NOT_FOUND', `No decision ${id} on plan ${plan}.`);
      const built = await rebuild(
        store,
        plan,
        stored.filter((s) => s !== gone).map((s) => s.decision),
      );
      await store.write(built, { actor, action: 'curation.undo', target: id, after: gone.decision });
    },

    /** The curation as the annotation YAML `npm run import --annotations` reads. */
    async exportYaml(plan: string): Promise<{ file: string; yaml: string }> {
      const doc = await documentOf(store, plan);
      const stored = await store.decisions(plan);
      const yaml = await yamlFor(
        store,
        plan,
        doc,
        stored.map((s) => s.decision),
      );
      return { file: curationFileName(plan), yaml };
    },

    /**
     * Makes `yaml` the plan's annotation and curation (its decisions replace the stored ones) and rebuilds.
     * INVALID_REQUEST (file:line) for a YAML that does not parse, names another plan or does not fit the text.
     */
    async importYaml(
      plan: string,
      yaml: string,
      actor: CurationActor,
    ): Promise<{ decisions: number; orphaned: number }> {
      const doc = await documentOf(store, plan);
      const named = planOfYaml(yaml, curationFileName(plan));
      if (named !== plan)
        throw new AppError('INVALID_REQUEST', `The YAML is for plan ${named}, not ${plan}.`);
      const built = build(plan, doc, yaml, curationFileName(plan));
      await store.write(built, {
        actor,
        action: 'curation.import',
        target: plan,
        after: { decisions: built.curation.length },
      });
      const orphaned = built.summary.curation.filter((o) => o.state === 'orphaned').length;
      return { decisions: built.curation.length, orphaned };
    },
  };
}

export type CurationService = ReturnType<typeof createCurationService>;
