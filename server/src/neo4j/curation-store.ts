// The curation layer in Neo4j: a plan's :CurationDecision nodes (each a decision as JSON, with its state since
// the last build) and its :PlanDocument (the document's canonical text and annotation YAML, to rebuild from).
// Neither carries the PlanData label, so a re-import, which replaces the plan's data, keeps them; the writer
// re-applies the decisions (plan-writer.ts) and records here which ones found their target.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  type CurationDecision,
  type DecisionOutcome,
  decisionOrder,
  decisionSchema,
  factId,
  type ReviewFact,
  type StoredDecision,
} from '../domain/curation.ts';
import { RelType } from '../domain/model.ts';
import type { CurationStore } from '../graph/curation-service.ts';
import type { BuildResult } from '../ingest/build-plan-graph.ts';
import { translateNeo4jError } from './errors.ts';
import { recordAudit } from './ledger-audit-store.ts';
import { writePlanGraph } from './plan-writer.ts';
import { readTransaction } from './read-session.ts';

/** Bookkeeping beside a plan's data, not part of it: keyed by `ofPlan` (not `plan`), so that no query over a
 * plan's data (`{plan: $plan}`) meets them, and without the PlanData label, so that a re-import keeps them. */
export const CurationLabel = { Decision: 'CurationDecision', Document: 'PlanDocument' } as const;

/** What a plan was last built from. */
export interface PlanDocument {
  plan: string;
  /** The document's canonical markup (what buildPlanGraph reads). */
  markup: string;
  /** The document's file name (Plan.source). */
  file: string;
  annotationFile: string | null;
  /** The annotation YAML the plan was built with, null for none. */
  annotationSource: string | null;
}

const READ_DECISIONS = `
MATCH (c:${CurationLabel.Decision} {ofPlan: $plan})
RETURN c.json AS json, c.state AS state, c.reason AS reason`;

const READ_DOCUMENT = `
MATCH (d:${CurationLabel.Document} {ofPlan: $plan})
RETURN d.markup AS markup, d.file AS file, d.annotationFile AS annotationFile,
       d.annotationSource AS annotationSource`;

const WRITE_DOCUMENT = `
MERGE (d:${CurationLabel.Document} {ofPlan: $plan})
SET d.markup = $markup, d.file = $file, d.annotationFile = $annotationFile,
    d.annotationSource = $annotationSource`;

const DELETE_OTHER_DECISIONS = `
MATCH (c:${CurationLabel.Decision} {ofPlan: $plan}) WHERE NOT c.id IN $keep DETACH DELETE c`;

const WRITE_DECISIONS = `
UNWIND $rows AS row
MERGE (c:${CurationLabel.Decision} {id: row.id})
SET c.ofPlan = $plan, c.action = row.action, c.at = row.at, c.by = row.by, c.json = row.json,
    c.state = row.state, c.reason = row.reason`;

function parseDecision(json: unknown): CurationDecision | null {
  if (typeof json !== 'string') return null;
  const parsed = decisionSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** The plan's stored decisions, in the order they apply, with their state at the last build. */
export async function storedDecisions(
  driver: Driver,
  database: string,
  plan: string,
): Promise<StoredDecision[]> {
  const rows = await readTransaction(driver, database, async (tx) =>
    (await tx.run(READ_DECISIONS, { plan })).records.map((r) => r.toObject()),
  );
  const out: StoredDecision[] = [];
  for (const row of rows) {
    const decision = parseDecision(row.json);
    if (!decision) continue;
    out.push({
      decision,
      state: row.state === 'orphaned' ? 'orphaned' : 'applied',
      reason: typeof row.reason === 'string' ? row.reason : null,
    });
  }
  return out.sort((a, b) => decisionOrder(a.decision, b.decision));
}

/** What the plan was last built from, or null when it was imported before documents were kept. */
export async function storedDocument(
  driver: Driver,
  database: string,
  plan: string,
): Promise<PlanDocument | null> {
  const rows = await readTransaction(driver, database, async (tx) =>
    (await tx.run(READ_DOCUMENT, { plan })).records.map((r) => r.toObject()),
  );
  const row = rows[0];
  if (!row || typeof row.markup !== 'string') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    plan,
    markup: row.markup,
    file: text(row.file) ?? `${plan}.md`,
    annotationFile: text(row.annotationFile),
    annotationSource: text(row.annotationSource),
  };
}

/**
 * For writePlanGraph's `extra`: in the plan's write transaction, keeps the document it was built from and makes
 * the stored decisions exactly the built annotation's curation list, each with its outcome (applied / orphaned).
 */
export function curationWriter(built: BuildResult): (tx: ManagedTransaction) => Promise<void> {
  const plan = built.summary.planId;
  const { source } = built;
  const outcome = new Map<string, DecisionOutcome>(built.summary.curation.map((o) => [o.id, o]));
  const decisions = builtDecisions(built);
  return async (tx) => {
    await tx.run(WRITE_DOCUMENT, {
      plan,
      markup: source.markup,
      file: source.file,
      annotationFile: source.annotationFile,
      annotationSource: source.annotationSource,
    });
    await tx.run(DELETE_OTHER_DECISIONS, { plan, keep: decisions.map((d) => d.id) });
    const rows = decisions.map((d) => ({
      id: d.id,
      action: d.action,
      at: d.at,
      by: d.by,
      json: JSON.stringify(d),
      state: outcome.get(d.id)?.state ?? 'applied',
      reason: outcome.get(d.id)?.reason ?? null,
    }));
    if (rows.length > 0) await tx.run(WRITE_DECISIONS, { plan, rows });
  };
}

/** The curation list the plan was built with (empty without one). */
export function builtDecisions(built: BuildResult): CurationDecision[] {
  return built.curation;
}

const FACTS_ENTITIES = `
MATCH (n:Agency|Pilot {plan: $plan})
OPTIONAL MATCH (m)-[r:${RelType.MENTIONS}]->(n)
WITH n, collect(r.quote)[0..3] AS quotes
RETURN n.id AS id, CASE WHEN n:Agency THEN 'agency' ELSE 'pilot' END AS kind, n.name AS name,
       n.nameEn AS nameEn, n.basis AS basis, n.confidence AS confidence, n.origin AS origin,
       coalesce(n.aliases, []) AS aliases, quotes`;

const FACTS_RELS = `
MATCH (t:Task {plan: $plan})-[r:${RelType.LED_BY}|${RelType.INVOLVES}|${RelType.DEPENDS_ON}]->(x)
RETURN t.id AS fromId, t.name AS fromName, x.id AS toId, x.name AS toName, type(r) AS type, r.kind AS kind,
       r.basis AS basis, r.confidence AS confidence, r.evidence AS evidence, r.reviewed AS reviewed`;

/** The review reads every fact of a plan: a page load, not a hot path, so it may take longer than a graph read. */
const REVIEW_TIMEOUT_MS = 30_000;

const TASKS = `MATCH (t:Task {plan: $plan}) RETURN t.id AS id, t.name AS name ORDER BY t.id`;

const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : v && typeof v === 'object' && 'toNumber' in v ? Number(v) : null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** The plan's agencies, pilots, roles and links as review rows (status open; the service sets it). */
export async function reviewFacts(
  driver: Driver,
  database: string,
  plan: string,
): Promise<{ facts: ReviewFact[]; tasks: Array<{ id: string; name: string }> }> {
  return readTransaction(
    driver,
    database,
    async (tx) => {
      const entities = (await tx.run(FACTS_ENTITIES, { plan })).records.map((r) => r.toObject());
      const rels = (await tx.run(FACTS_RELS, { plan })).records.map((r) => r.toObject());
      const tasks = (await tx.run(TASKS, { plan })).records.map((r) => ({
        id: String(r.get('id')),
        name: String(r.get('name') ?? ''),
      }));
      const facts: ReviewFact[] = entities.map((e) => ({
        id: String(e.id),
        kind: e.kind === 'agency' ? 'agency' : 'pilot',
        name: String(e.name ?? ''),
        nameEn: str(e.nameEn),
        basis: str(e.basis),
        confidence: num(e.confidence),
        quotes: strings(e.quotes),
        aliases: strings(e.aliases),
        role: null,
        from: null,
        to: null,
        status: e.origin === 'extracted' ? 'open' : 'accepted',
      }));
      for (const r of rels) {
        const type = String(r.type);
        const link = type === RelType.DEPENDS_ON;
        const role = link ? (str(r.kind) ?? '') : type === RelType.LED_BY ? 'lead' : 'involved';
        const from = { id: String(r.fromId), name: String(r.fromName ?? '') };
        const to = { id: String(r.toId), name: String(r.toName ?? '') };
        facts.push({
          id: factId(type, from.id, to.id, link ? role : null),
          kind: link ? 'link' : 'role',
          name: `${from.name} → ${to.name}`,
          nameEn: null,
          basis: str(r.basis),
          confidence: num(r.confidence),
          quotes: strings(r.evidence),
          aliases: [],
          role,
          from,
          to,
          status: r.reviewed === 'accepted' || r.basis === 'curated' ? 'accepted' : 'open',
        });
      }
      return { facts, tasks };
    },
    REVIEW_TIMEOUT_MS,
  );
}

const PLAN_INFO = `MATCH (p:Plan {id: $plan}) RETURN p.id AS id, coalesce(p.title, p.name, p.id) AS title,
  p.titleEn AS titleEn`;

/** The CurationStore of graph/curation-service.ts over one database. */
export function neo4jCurationStore(driver: Driver, database: string): CurationStore {
  return {
    async plan(plan) {
      const rows = await readTransaction(driver, database, async (tx) =>
        (await tx.run(PLAN_INFO, { plan })).records.map((r) => r.toObject()),
      );
      const row = rows[0];
      return row ? { id: String(row.id), title: String(row.title), titleEn: str(row.titleEn) } : null;
    },
    document: (plan) => storedDocument(driver, database, plan),
    decisions: (plan) => storedDecisions(driver, database, plan),
    facts: (plan) => reviewFacts(driver, database, plan),
    async write(built, audit) {
      const keep = curationWriter(built);
      try {
        await writePlanGraph(driver, database, built.graph, undefined, undefined, async (tx) => {
          await keep(tx);
          await recordAudit(tx, {
            actor: audit.actor.username,
            ip: audit.actor.ip,
            action: audit.action,
            target: audit.target,
            outcome: 'ok',
            after: audit.after,
          });
        });
      } catch (error) {
        throw translateNeo4jError(error);
      }
    },
  };
}
