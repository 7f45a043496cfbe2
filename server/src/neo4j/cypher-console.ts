// The read-only Cypher console. The database decides what a query does: EXPLAIN's summary says whether it
// would write (query type), and its plan whether it reaches anything but plan data (console-guard.ts); the
// READ transaction makes the server itself refuse any write that gets past that. The text of the query is
// never inspected. Queries run in the console's database (console-database.ts): a replica holding plan data
// only, which is killed and restarted when a query outlives its deadline, or the main database.
import neo4j, {
  isNode,
  isPath,
  isRelationship,
  Neo4jError,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import { AppError } from '../domain/errors.ts';
import { NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import type { CypherResponse, CypherValue, GraphEdge, GraphNode } from '../domain/types.ts';
import type { ReadOnlyQuery } from '../graph/repository.ts';
import type { ConsoleDatabase } from './console-database.ts';
import { CONSOLE_LABELS, CONSOLE_REL_TYPES, consoleRefusals, type PlanTree } from './console-guard.ts';
import { exactValuesDriver } from './driver.ts';
import { MEMORY_LIMIT_CODE, translateNeo4jError } from './errors.ts';
import { mintEdges, nodeFromDriver, toPropertyValue, uniqueNodes } from './graph-mapper.ts';
import { withDeadline } from './query-deadline.ts';
import { type RawReadTx, readTransaction } from './read-session.ts';
import { exactScalar } from './value-mapper.ts';

/** JSON has one number type; whole numbers go to Cypher as integers so that `LIMIT $n` works. */
function cypherParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(cypherParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cypherParams(item)]));
  }
  return value;
}

async function refuseUnlessPlanDataOnly(tx: RawReadTx, query: ReadOnlyQuery): Promise<void> {
  const explained = await tx.run(`EXPLAIN ${query.query}`, query.params);
  const { queryType, plan } = explained.summary;
  if (queryType !== 'r') {
    const why =
      queryType === 's'
        ? 'this one would change the schema or act on the server (administrator procedures).'
        : 'this one would change the graph.';
    throw new AppError('QUERY_REFUSED', `The console only runs read-only queries; ${why}`, {
      details: { queryType },
    });
  }
  const refusals = consoleRefusals(plan as PlanTree | false);
  if (refusals.length > 0) {
    throw new AppError(
      'QUERY_REFUSED',
      `The console reads plan data only (labels ${[...CONSOLE_LABELS].join(', ')}); this query would use ${refusals.join('; ')}.`,
      { details: { refusals } },
    );
  }
}

/** Codes for mistakes in the user's own query: their messages are about that query, so they are shown. */
function consoleError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return translateNeo4jError(error);
  const details = { neo4jCode: error.code, neo4jMessage: error.message.slice(0, 1000) };
  if (
    error.code === 'Neo.ClientError.Statement.AccessMode' ||
    error.code === 'Neo.ClientError.Security.Forbidden' ||
    error.code === 'Neo.DatabaseError.Transaction.TransactionStartFailed'
  ) {
    return new AppError('QUERY_REFUSED', 'The database refused this query in read-only mode.', {
      cause: error,
      details,
    });
  }
  if (error.code === MEMORY_LIMIT_CODE) {
    return new AppError(
      'INVALID_REQUEST',
      'The query needed more memory than one query may use (db.memory.transaction.max); narrow it down.',
      { cause: error, details },
    );
  }
  if (
    error.code.startsWith('Neo.ClientError.Statement.') ||
    error.code.startsWith('Neo.ClientError.Procedure.') ||
    // A statement that fails while running on the data it was given, e.g. shortestPath with equal ends.
    error.code === 'Neo.DatabaseError.Statement.ExecutionFailed'
  ) {
    return new AppError('INVALID_REQUEST', 'The query could not be run as written.', {
      cause: error,
      details,
    });
  }
  return translateNeo4jError(error);
}

interface Collected {
  nodes: Map<string, Node>;
  rels: Map<string, Relationship>;
}

function collect(value: unknown, into: Collected): void {
  if (isNode(value)) into.nodes.set(value.elementId, value);
  else if (isRelationship(value)) into.rels.set(value.elementId, value);
  else if (isPath(value)) {
    for (const segment of value.segments) {
      into.nodes.set(segment.start.elementId, segment.start);
      into.nodes.set(segment.end.elementId, segment.end);
      into.rels.set(segment.relationship.elementId, segment.relationship);
    }
    into.nodes.set(value.start.elementId, value.start);
  } else if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collect(item, into);
  }
}

/**
 * A second wall behind the plan check: every node and relationship in the answer must be plan data, or the
 * whole answer is withheld.
 */
function refuseUnlessPlanEntities(collected: Collected): void {
  const foreignNode = [...collected.nodes.values()].some(
    (node) => !node.labels.some((label) => label === NodeLabel.Plan || label === PLAN_DATA_LABEL),
  );
  const foreignRel = [...collected.rels.values()].some((rel) => !CONSOLE_REL_TYPES.has(rel.type));
  if (foreignNode || foreignRel) {
    throw new AppError(
      'QUERY_REFUSED',
      'The console answers with plan data only; this answer held other data.',
    );
  }
}

const IDS_OF = 'MATCH (n) WHERE elementId(n) IN $elementIds RETURN elementId(n) AS elementId, n.id AS id';

/** Relationships name their ends by elementId, which stays inside this transaction: we answer with `id`s. */
async function endpointIds(tx: RawReadTx, collected: Collected): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const node of collected.nodes.values()) {
    const id = node.properties.id;
    if (typeof id === 'string') ids.set(node.elementId, id);
  }
  const missing = [...collected.rels.values()]
    .flatMap((rel) => [rel.startNodeElementId, rel.endNodeElementId])
    .filter((elementId) => !ids.has(elementId));
  if (missing.length > 0) {
    const result = await tx.run<{ elementId: string; id: unknown }>(IDS_OF, {
      elementIds: [...new Set(missing)],
    });
    for (const record of result.records) {
      const id = record.get('id');
      if (typeof id === 'string') ids.set(record.get('elementId'), id);
    }
  }
  return ids;
}

function toCypherValue(value: unknown, edges: Map<string, GraphEdge>): CypherValue {
  if (isNode(value)) {
    const node = nodeFromDriver(value);
    return node
      ? graphNodeValue(node)
      : { labels: value.labels, properties: propertiesValue(value.properties) };
  }
  if (isRelationship(value)) {
    const edge = edges.get(value.elementId);
    return edge
      ? { id: edge.id, type: edge.type, start: edge.start, end: edge.end, properties: edge.properties }
      : { type: value.type, properties: propertiesValue(value.properties) };
  }
  if (isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((segment) => segment.end)].map((node) =>
        toCypherValue(node, edges),
      ),
      relationships: value.segments.map((segment) => toCypherValue(segment.relationship, edges)),
    };
  }
  if (Array.isArray(value)) return value.map((item) => toCypherValue(item, edges));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCypherValue(item, edges)]));
  }
  const exact = exactScalar(value);
  // Typed objects of value-mapper.ts are plain JSON objects whose fields are strings and numbers.
  return exact === undefined ? String(value) : (exact as CypherValue);
}

function graphNodeValue(node: GraphNode): CypherValue {
  return { id: node.id, labels: node.labels, properties: node.properties };
}

function propertiesValue(properties: Record<string, unknown>): CypherValue {
  return Object.fromEntries(Object.entries(properties).map(([key, item]) => [key, toPropertyValue(item)]));
}

/**
 * Runs a console query in the console's database (a plan-data replica, or the main database): refused with
 * QUERY_REFUSED (403) unless its EXPLAIN plan reads plan data only, answered within the time-out + 1 s or
 * QUERY_TIMEOUT (504), rows capped at `rowCap`. DB_UNAVAILABLE (503) while the console's database starts.
 */
export async function runReadOnlyQuery(
  consoleDb: ConsoleDatabase,
  query: ReadOnlyQuery,
): Promise<Omit<CypherResponse, 'elapsedMs'>> {
  const params = cypherParams(query.params) as Record<string, unknown>;
  const target = await consoleDb.acquire();
  const { database } = target;
  const exact = exactValuesDriver(target.driver);
  return withDeadline(
    exact,
    database,
    query.timeoutMs,
    (metadata) =>
      readTransaction(
        exact,
        database,
        async (tx) => {
          await refuseUnlessPlanDataOnly(tx, { ...query, params });
          const result = tx.run(query.query, params);
          const columns = (await result.keys()).map(String);
          const records = [];
          let truncated = false;
          for await (const record of result) {
            if (records.length === query.rowCap) {
              truncated = true;
              break;
            }
            records.push(record);
          }
          const collected: Collected = { nodes: new Map(), rels: new Map() };
          for (const record of records) for (const key of record.keys) collect(record.get(key), collected);
          refuseUnlessPlanEntities(collected);
          const ids = await endpointIds(tx, collected);
          const minted = mintEdges(
            [...collected.rels.values()].map((rel) => ({
              elementId: rel.elementId,
              type: rel.type,
              s: ids.get(rel.startNodeElementId) ?? null,
              e: ids.get(rel.endNodeElementId) ?? null,
              props: rel.properties as Record<string, unknown>,
            })),
          );
          const edges = new Map<string, GraphEdge>(minted.map(({ row, edge }) => [row.elementId, edge]));
          const rows = records.map((record) =>
            Object.fromEntries(
              record.keys.map((key) => [String(key), toCypherValue(record.get(key), edges)]),
            ),
          );
          const nodes = uniqueNodes([...collected.nodes.values()].map(nodeFromDriver));
          const graph =
            nodes.length > 0 || edges.size > 0
              ? { nodes, edges: [...edges.values()].sort((a, b) => a.id.localeCompare(b.id)) }
              : null;
          return { columns, rows, graph, truncated, rowCap: query.rowCap };
        },
        query.timeoutMs,
        consoleError,
        metadata,
      ),
    target.overran,
  );
}
