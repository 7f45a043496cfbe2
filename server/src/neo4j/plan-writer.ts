// Writes finished plan graphs (built by server/src/ingest, never here): one plan, or several plans in one
// transaction. Each plan's previous nodes are deleted and its new graph merged inside the same transaction, so
// a failure anywhere leaves the stored graph exactly as it was and other plans (and non-plan nodes such as
// scenes) are never touched. The corpus-level identity of agencies and pilots is linked in corpus-links.ts.
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
import { linkCorpusIdentities } from './corpus-links.ts';
import { storedPlanOrigin } from './seed-marker.ts';

const BATCH = 1000;

/** The driver type callers outside server/src/neo4j/ pass through without importing neo4j-driver. */
export type PlanDriver = Driver;

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

/** Replaces one plan's stored graph inside the caller's transaction; onBatch after each batch of rows. */
async function writeInTransaction(
  tx: ManagedTransaction,
  graph: PlanGraph,
  onBatch: () => void,
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
  await linkCorpusIdentities(tx, planId);
}

/** Work that must commit with a plan's graph, in its transaction (the curation layer's document and decisions,
 * see curation-store.ts `curationWriter`; the browser import's audit event). */
export type PlanWriteExtra = (tx: ManagedTransaction) => Promise<void>;

/** How many batches writing this graph takes (for a progress bar over one plan's write). */
export function batchCount(graph: PlanGraph): number {
  const labels = new Set(graph.nodes.map((n) => n.labels[0]));
  const shapes = new Set(graph.relationships.map((r) => r.type));
  return (
    labels.size + shapes.size + Math.floor((graph.nodes.length + graph.relationships.length) / BATCH) + 1
  );
}

/**
 * Writes built graphs in one transaction, replacing each plan's previous graph atomically: all of them are
 * stored, or none (the error of the failing statement is thrown). `onStatementsDone` runs just before the commit;
 * `extras[i]` runs in the transaction right after `graphs[i]` is written.
 */
export async function writePlanGraphs(
  driver: Driver,
  database: string,
  graphs: PlanGraph[],
  onBatch: () => void = () => {},
  onStatementsDone: () => void = () => {},
  extras: ReadonlyArray<PlanWriteExtra | null> = [],
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(
      async (tx) => {
        for (const [i, graph] of graphs.entries()) {
          await writeInTransaction(tx, graph, onBatch);
          await extras[i]?.(tx);
        }
        onStatementsDone();
      },
      { timeout: 120_000 * Math.max(1, graphs.length) },
    );
  } finally {
    await session.close();
  }
}

/** Writes one built graph, replacing the plan's previous graph atomically; `extra` commits with it. */
export function writePlanGraph(
  driver: Driver,
  database: string,
  graph: PlanGraph,
  onBatch: () => void = () => {},
  onStatementsDone: () => void = () => {},
  extra: PlanWriteExtra | null = null,
): Promise<void> {
  return writePlanGraphs(driver, database, [graph], onBatch, onStatementsDone, [extra]);
}

export async function isPlanImported(driver: Driver, database: string, planId: string): Promise<boolean> {
  return (await storedPlanDigest(driver, database, planId)) !== null;
}

export interface StoredDigest {
  sha256: string;
  annotationSha256: string | null;
}

/** The stored plan's digests (plan text and annotation file), or null when no plan has this id. */
export async function storedPlanDigest(
  driver: Driver,
  database: string,
  planId: string,
): Promise<StoredDigest | null> {
  const stored = await storedPlanOrigin(driver, database, planId);
  return stored ? { sha256: stored.sha256, annotationSha256: stored.annotationSha256 } : null;
}

/** The stored digests of the plans with these ids, in one read: plan id → digests (absent ids are left out). */
export async function storedPlanDigests(
  driver: Driver,
  database: string,
  planIds: string[],
): Promise<Map<string, StoredDigest>> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Plan) WHERE p.id IN $ids
     RETURN p.id AS id, p.sha256 AS sha256, p.annotationSha256 AS annotationSha256`,
    { ids: planIds },
    { database, routing: neo4j.routing.READ },
  );
  return new Map(
    records.map((r) => [
      String(r.get('id')),
      { sha256: String(r.get('sha256') ?? ''), annotationSha256: r.get('annotationSha256') ?? null },
    ]),
  );
}
