// Copies the plan data of the main database into the console's own database (the replica), so that the console
// runs where accounts, sessions, the audit trail and the ledger never exist. Only the labels and relationship
// types of the graph model are copied (CONSOLE_LABELS, CONSOLE_REL_TYPES of console-guard.ts), in UNWIND
// batches, in one write transaction: a console query sees the old copy or the new one, never half of each.
import neo4j, { type Driver } from 'neo4j-driver';
import { NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import { CONSOLE_LABELS, CONSOLE_REL_TYPES } from './console-guard.ts';
import { exactValuesDriver } from './driver.ts';

/** A database on a server: where to read or write. */
export interface DatabaseRef {
  driver: Driver;
  database: string;
}

/** What one sync did: the main database's version it copied (a bookmark), counts, and how long it took. */
export interface SyncOutcome {
  version: string;
  nodes: number;
  relationships: number;
  ms: number;
}

const BATCH_ROWS = 1_000;
const SYNC_TIMEOUT_MS = 300_000;

const READ_NODES = `MATCH (n:${NodeLabel.Plan}) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props
UNION ALL
MATCH (n:${PLAN_DATA_LABEL}) WHERE NOT n:${NodeLabel.Plan}
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props`;

const READ_RELATIONSHIPS = `MATCH (a:${NodeLabel.Plan}|${PLAN_DATA_LABEL})-[r]->(b:${NodeLabel.Plan}|${PLAN_DATA_LABEL})
WHERE type(r) IN $types
RETURN elementId(a) AS s, elementId(b) AS e, type(r) AS type, properties(r) AS props`;

/** Labels and types are values here (dynamic labels of Cypher 5), so two query texts do the whole copy. */
const WRITE_NODES = `UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props
RETURN row.key AS key, elementId(n) AS elementId`;
const WRITE_RELATIONSHIPS = `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.s MATCH (b) WHERE elementId(b) = row.e
CREATE (a)-[r:$(row.type)]->(b) SET r = row.props RETURN count(r) AS n`;

const FOREIGN_DATA = `MATCH (n) WHERE NOT n:${NodeLabel.Plan} AND NOT n:${PLAN_DATA_LABEL} RETURN count(n) AS n`;

interface NodeRow {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
}

interface RelRow {
  s: string;
  e: string;
  type: string;
  props: Record<string, unknown>;
}

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

/** Reads the plan data and the version it belongs to (the read's bookmark), values exact (bigint integers). */
async function readPlanData(
  main: DatabaseRef,
): Promise<{ version: string; nodes: NodeRow[]; rels: RelRow[] }> {
  const session = exactValuesDriver(main.driver).session({
    database: main.database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    const { nodes, rels } = await session.executeRead(async (tx) => {
      const nodeResult = await tx.run<NodeRow>(READ_NODES);
      const relResult = await tx.run<RelRow>(READ_RELATIONSHIPS, { types: [...CONSOLE_REL_TYPES] });
      return {
        nodes: nodeResult.records.map((record) => record.toObject()),
        rels: relResult.records.map((record) => record.toObject()),
      };
    });
    return { version: session.lastBookmarks().join(','), nodes, rels };
  } finally {
    await session.close();
  }
}

/**
 * Refuses to overwrite a database that holds anything but plan data: an operator's CONSOLE_NEO4J_URI that
 * points at the main database by mistake must not be wiped. Throws an Error naming the setting.
 */
export async function assertPlanDataOnly(replica: DatabaseRef): Promise<void> {
  const { records } = await replica.driver.executeQuery(FOREIGN_DATA, {}, { database: replica.database });
  const foreign = Number(records[0]?.get('n') ?? 0);
  if (foreign > 0) {
    throw new Error(
      `Config: the console database holds ${foreign} node(s) that are not plan data; CONSOLE_NEO4J_URI must point at an empty database of its own, which the server overwrites with plan data.`,
    );
  }
}

/**
 * Replaces the replica's content with the main database's plan data: the labels of the graph model and the
 * relationship types between plan nodes, properties as stored. Returns what it copied and the main database's
 * version it copied from (compare with dataVersionReader to know when to sync again). Driver errors propagate.
 */
export async function syncPlanData(main: DatabaseRef, replica: DatabaseRef): Promise<SyncOutcome> {
  const started = performance.now();
  const { version, nodes, rels } = await readPlanData(main);
  const session = replica.driver.session({
    database: replica.database,
    defaultAccessMode: neo4j.session.WRITE,
  });
  let relationships = 0;
  try {
    await session.executeWrite(
      async (tx) => {
        await tx.run('MATCH (n) DETACH DELETE n');
        // Main's elementIds, valid in this copy's read, map to the new nodes' elementIds, valid in this write.
        const copied = new Map<string, string>();
        for (const batch of batches(nodes)) {
          const rows = batch.map(({ key, labels, props }) => ({
            key,
            labels: labels.filter((label) => CONSOLE_LABELS.has(label)),
            props,
          }));
          const result = await tx.run<{ key: string; elementId: string }>(WRITE_NODES, { rows });
          for (const record of result.records) copied.set(record.get('key'), record.get('elementId'));
        }
        const linkable = rels.flatMap(({ s, e, type, props }) => {
          const start = copied.get(s);
          const end = copied.get(e);
          return start && end && CONSOLE_REL_TYPES.has(type) ? [{ s: start, e: end, type, props }] : [];
        });
        for (const batch of batches(linkable)) {
          const result = await tx.run(WRITE_RELATIONSHIPS, { rows: batch });
          relationships += Number(result.records[0]?.get('n') ?? 0);
        }
      },
      { timeout: SYNC_TIMEOUT_MS },
    );
  } finally {
    await session.close();
  }
  return { version, nodes: nodes.length, relationships, ms: Math.round(performance.now() - started) };
}
