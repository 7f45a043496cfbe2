// Writes one plan's graph in a single transaction: the plan's previous nodes are deleted and the new graph
// merged inside the same transaction, so a failure anywhere leaves the stored graph exactly as it was and
// other plans (and non-plan nodes such as scenes) are never touched.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  NodeLabel as Label,
  NODE_LABELS,
  type NodeLabel,
  PLAN_DATA_LABEL,
  REL_TYPES,
  type RelType,
} from '../domain/model.ts';
import type { PlanGraph, PropertyValue } from '../domain/types.ts';
import type { BuildResult, ImportSummary } from '../ingest/build-plan-graph.ts';
import { rebuildWithCuration } from '../ingest/curation-yaml.ts';
import { buildPlanFromFiles, type PlanSource } from '../ingest/plan-files.ts';
import { curationWriter, storedDecisions } from './curation-store.ts';
import { ensurePlanSchema } from './plan-schema.ts';
import { storedPlanOrigin } from './seed-marker.ts';

const BATCH = 1000;

export interface ImportTimings {
  buildMs: number;
  schemaMs: number;
  /** From the first statement to the end of the commit. */
  writeMs: number;
  /** The commit alone (part of writeMs): where the store and the indexes' updates are written. */
  commitMs: number;
  totalMs: number;
}

export interface ImportOutcome {
  planId: string;
  summary: ImportSummary;
  timings: ImportTimings;
  /** False when importPlanIfChanged found the same plan and annotation already stored. */
  written: boolean;
}

export type ImportProgress = (
  stage: 'build' | 'schema' | 'write' | 'commit' | 'done',
  done: number,
  total: number,
) => void;

type Neo4jValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | number[]
  | ReturnType<typeof neo4j.int>
  | Array<ReturnType<typeof neo4j.int>>;

/** Integral numbers are stored as Neo4j integers, so that `order`, `number`, `year` sort and compare as such. */
function toNeo4j(properties: Record<string, PropertyValue>): Record<string, Neo4jValue> {
  const out: Record<string, Neo4jValue> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null) continue;
    if (typeof value === 'number') out[key] = Number.isInteger(value) ? neo4j.int(value) : value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
      const numbers = value as number[];
      out[key] = numbers.every(Number.isInteger) ? numbers.map((v) => neo4j.int(v)) : numbers;
    } else out[key] = value;
  }
  return out;
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

function checkLabel(label: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`unknown node label ${label}`);
  return label as NodeLabel;
}

function checkType(type: string): RelType {
  if (!(REL_TYPES as readonly string[]).includes(type)) throw new Error(`unknown relationship type ${type}`);
  return type as RelType;
}

async function writeInTransaction(
  tx: ManagedTransaction,
  graph: PlanGraph,
  onBatch: () => void,
  onStatementsDone: () => void,
  extra: ((tx: ManagedTransaction) => Promise<void>) | null,
): Promise<void> {
  const planId = graph.plan.id;
  const planNode = graph.nodes.find((n) => n.labels.includes(Label.Plan));
  if (!planNode) throw new Error('the plan graph has no Plan node');
  // The Plan node is kept (merged), so references to it from outside the plan's data survive a re-import.
  const plan = await tx.run('MERGE (p:Plan {id: $id}) SET p = $props RETURN elementId(p) AS element', {
    id: planId,
    props: toNeo4j(planNode.properties),
  });
  // Every node written here is known by its element id from then on, so that relationships find their ends
  // by a direct record lookup instead of an index seek that has to merge this transaction's new entries.
  const elementOf = new Map<string, string>([[planNode.id, String(plan.records[0]?.get('element'))]]);
  // User data outside the plan (ledger entries, scenes …) may point at plan nodes. Those links are kept by
  // the plan node's id and recreated after the rewrite, so a re-import never cuts them.
  const outsideLinks = await tx.run(
    `MATCH (o)-[r]->(n:${PLAN_DATA_LABEL} {plan: $plan}) USING INDEX n:${PLAN_DATA_LABEL}(plan)
     WHERE NOT o:${PLAN_DATA_LABEL} AND NOT o:${Label.Plan}
     RETURN elementId(o) AS source, type(r) AS type, properties(r) AS props, n.id AS target`,
    { plan: planId },
  );
  await tx.run(`MATCH (n:${PLAN_DATA_LABEL} {plan: $plan}) DETACH DELETE n`, { plan: planId });

  const labelOf = new Map<string, NodeLabel>();
  const byLabel = new Map<NodeLabel, Array<{ id: string; props: Record<string, Neo4jValue> }>>();
  for (const node of graph.nodes) {
    const label = checkLabel(node.labels[0] ?? '');
    labelOf.set(node.id, label);
    if (label === Label.Plan) continue;
    const rows = byLabel.get(label) ?? [];
    rows.push({ id: node.id, props: toNeo4j(node.properties) });
    byLabel.set(label, rows);
  }
  for (const [label, rows] of byLabel) {
    for (const batch of chunks(rows)) {
      const written = await tx.run(
        `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n = row.props, n:${PLAN_DATA_LABEL} ` +
          'RETURN row.id AS id, elementId(n) AS element',
        { rows: batch },
      );
      for (const record of written.records) elementOf.set(record.get('id'), record.get('element'));
      onBatch();
    }
  }

  const byType = new Map<RelType, unknown[]>();
  const elementIdOf = (id: string): string => {
    const element = elementOf.get(id);
    if (!element) throw new Error(`a relationship refers to a missing node: ${id}`);
    return element;
  };
  for (const rel of graph.relationships) {
    const type = checkType(rel.type);
    const rows = byType.get(type) ?? [];
    rows.push({ start: elementIdOf(rel.start), end: elementIdOf(rel.end), props: toNeo4j(rel.properties) });
    byType.set(type, rows);
  }
  for (const [type, rows] of byType) {
    for (const batch of chunks(rows)) {
      await tx.run(
        'UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.start MATCH (b) WHERE elementId(b) = row.end ' +
          `CREATE (a)-[r:${type}]->(b) SET r = row.props`,
        { rows: batch },
      );
      onBatch();
    }
  }

  // Links whose plan node no longer exists stay cut: the node's id left the plan.
  const links = outsideLinks.records
    .map((r) => ({ ...r.toObject(), target: elementOf.get(r.get('target')) }))
    .filter((link) => link.target !== undefined);
  for (const batch of chunks(links)) {
    await tx.run(
      `UNWIND $links AS link MATCH (o) WHERE elementId(o) = link.source
       MATCH (n) WHERE elementId(n) = link.target
       CREATE (o)-[r:$(link.type)]->(n) SET r = link.props`,
      { links: batch },
    );
  }
  if (extra) await extra(tx);
  onStatementsDone();
}

function batchCount(graph: PlanGraph): number {
  const labels = new Set(graph.nodes.map((n) => n.labels[0]));
  const shapes = new Set(graph.relationships.map((r) => r.type));
  return (
    labels.size + shapes.size + Math.floor((graph.nodes.length + graph.relationships.length) / BATCH) + 1
  );
}

/**
 * Writes a built graph, replacing the plan's previous graph atomically. `extra` runs in the same transaction
 * after the graph (the curation layer's document and decisions, see curation-store.ts).
 */
export async function writePlanGraph(
  driver: Driver,
  database: string,
  graph: PlanGraph,
  onBatch: () => void = () => {},
  onStatementsDone: () => void = () => {},
  extra: ((tx: ManagedTransaction) => Promise<void>) | null = null,
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) => writeInTransaction(tx, graph, onBatch, onStatementsDone, extra), {
      timeout: 120_000,
    });
  } finally {
    await session.close();
  }
}

/** Builds the plan from its files and writes it; the timings let a bench report each stage. */
export async function importPlan(
  driver: Driver,
  database: string,
  source: PlanSource,
  progress: ImportProgress = () => {},
): Promise<ImportOutcome> {
  const started = performance.now();
  progress('build', 0, 1);
  const built = await withStoredCuration(driver, database, await buildPlanFromFiles(source));
  progress('schema', 0, 1);
  const schemaStart = performance.now();
  await ensurePlanSchema(driver, database);
  const writeStart = performance.now();
  const total = batchCount(built.graph);
  let done = 0;
  let commitStart = 0;
  progress('write', done, total);
  await writePlanGraph(
    driver,
    database,
    built.graph,
    () => {
      done += 1;
      progress('write', Math.min(done, total), total);
    },
    () => {
      commitStart = performance.now();
      progress('commit', total, total);
    },
    curationWriter(built),
  );
  const end = performance.now();
  progress('done', total, total);
  return {
    planId: built.summary.planId,
    summary: built.summary,
    written: true,
    timings: {
      buildMs: built.buildMs,
      schemaMs: writeStart - schemaStart,
      writeMs: end - writeStart,
      commitMs: end - (commitStart || end),
      totalMs: end - started,
    },
  };
}

/**
 * The plan as built, with the curation stored for it re-applied (DESIGN.md: overlay = annotation file and stored
 * curation): decisions whose target is gone come back orphaned in `summary.curation`. Throws ImportInputError as
 * the build does.
 */
export async function withStoredCuration<T extends BuildResult>(
  driver: Driver,
  database: string,
  built: T,
): Promise<T> {
  const stored = await storedDecisions(driver, database, built.summary.planId);
  if (stored.length === 0) return built;
  const rebuilt = rebuildWithCuration(
    built,
    stored.map((s) => s.decision),
  );
  if (rebuilt === built) return built;
  // The reader's warnings (file lines) stay those of the first build.
  return { ...built, ...rebuilt, summary: { ...rebuilt.summary, warnings: built.summary.warnings } };
}

/**
 * For the browser import: re-applies the plan's stored curation, then writes the plan (schema first) with its
 * document and decisions in one transaction; `also` (the import's audit event) runs in that transaction too.
 * Returns what was written.
 */
export async function importBuiltPlan<T extends BuildResult>(
  driver: Driver,
  database: string,
  built: T,
  also: (tx: ManagedTransaction, written: T) => Promise<void> = async () => {},
): Promise<T> {
  const curated = await withStoredCuration(driver, database, built);
  await ensurePlanSchema(driver, database);
  const curation = curationWriter(curated);
  await writePlanGraph(driver, database, curated.graph, undefined, undefined, async (tx) => {
    await curation(tx);
    await also(tx, curated);
  });
  return curated;
}

export async function isPlanImported(driver: Driver, database: string, planId: string): Promise<boolean> {
  return (await storedPlanDigest(driver, database, planId)) !== null;
}

/** The stored plan's digests (plan text and annotation file), or null when no plan has this id. */
export async function storedPlanDigest(
  driver: Driver,
  database: string,
  planId: string,
): Promise<{ sha256: string; annotationSha256: string | null } | null> {
  const stored = await storedPlanOrigin(driver, database, planId);
  return stored ? { sha256: stored.sha256, annotationSha256: stored.annotationSha256 } : null;
}

/** For `npm start`: imports the plan when it is missing or its plan or annotation file changed since. */
export async function importPlanIfChanged(
  driver: Driver,
  database: string,
  source: PlanSource,
  progress?: ImportProgress,
): Promise<ImportOutcome> {
  const started = performance.now();
  const built = await withStoredCuration(driver, database, await buildPlanFromFiles(source));
  const stored = await storedPlanDigest(driver, database, built.summary.planId);
  const plan = built.graph.plan;
  if (
    stored &&
    stored.sha256 === plan.sha256 &&
    stored.annotationSha256 === (plan.annotationSha256 ?? null)
  ) {
    return {
      planId: built.summary.planId,
      summary: built.summary,
      written: false,
      timings: {
        buildMs: built.buildMs,
        schemaMs: 0,
        writeMs: 0,
        commitMs: 0,
        totalMs: performance.now() - started,
      },
    };
  }
  return importPlan(driver, database, source, progress);
}
