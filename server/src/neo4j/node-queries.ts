// One node with everything touching it, and the bounded neighbourhood around it.
import neo4j from 'neo4j-driver';
import type { GraphNode, NodeId, Subgraph } from '../domain/types.ts';
import type { NeighborhoodQuery, NodeWithRelationships } from '../graph/repository.ts';
import type { ReadTx } from './exact-read.ts';
import {
  asNodeId,
  type EdgeRow,
  edgesFromRows,
  type NodeRow,
  nodeFromRow,
  uniqueNodes,
} from './graph-mapper.ts';
import { nodeById } from './node-lookup.ts';

const NODE_WITH_RELATIONSHIPS = `
${nodeById('n', '$id')}
WITH n LIMIT 1
OPTIONAL MATCH (n)-[r]-(m)
RETURN labels(n) AS labels, properties(n) AS props,
  collect(CASE WHEN r IS NULL THEN null ELSE {
    edge: {type: type(r), s: startNode(r).id, e: endNode(r).id, props: properties(r)},
    other: {labels: labels(m), props: properties(m)}
  } END) AS rels`;

interface NodeWithRelsRow extends NodeRow {
  rels: Array<{ edge: EdgeRow; other: NodeRow }>;
}

/** Large texts of neighbours (a plan's full text) are left out: the node's own panel does not show them. */
function withoutPlanText(row: NodeRow): NodeRow {
  if (!row.labels.includes('Plan')) return row;
  const { text: _text, ...props } = row.props;
  return { labels: row.labels, props };
}

export async function readNodeWithRelationships(
  tx: ReadTx,
  id: string,
): Promise<NodeWithRelationships | null> {
  const result = await tx.run<NodeWithRelsRow>(NODE_WITH_RELATIONSHIPS, { id });
  const record = result.records[0];
  if (!record) return null;
  const node = nodeFromRow(withoutPlanText({ labels: record.get('labels'), props: record.get('props') }));
  if (!node) return null;
  const rels = record.get('rels');
  const others = new Map<string, GraphNode>();
  for (const rel of rels) {
    const other = nodeFromRow(withoutPlanText(rel.other));
    if (other) others.set(other.id, other);
  }
  // Minted together, so that several edges of one type between the same pair get their suffixes.
  const relationships: NodeWithRelationships['relationships'] = [];
  for (const edge of edgesFromRows(rels.map((rel) => rel.edge))) {
    const other = others.get(edge.start === node.id ? edge.end : edge.start);
    if (other) relationships.push({ edge, other });
  }
  return { node, relationships };
}

const NODE_ID = `${nodeById('n', '$id')} RETURN n.id AS id LIMIT 1`;

export async function readNodeId(tx: ReadTx, id: string): Promise<NodeId | null> {
  const result = await tx.run<{ id: unknown }>(NODE_ID, { id });
  const found = result.records[0]?.get('id');
  return typeof found === 'string' ? asNodeId(found) : null;
}

const NEIGHBOUR_FILTER = `m.id IS NOT NULL AND m.id <> n.id
    AND ($types IS NULL OR type(r) IN $types)
    AND ($labels IS NULL OR any(label IN labels(m) WHERE label IN $labels))`;

/**
 * Ring `k` of a breadth-first walk: the distinct neighbours of ring `k - 1` (the centre for the first) not
 * reached before, in id order. Each ring takes at most `$take` (the whole limit plus one), so the query's work
 * is bounded whatever the graph's density; the caller keeps what fits and tells whether anything was cut.
 */
function ringSubquery(k: number): string {
  const earlier = Array.from({ length: k - 1 }, (_, i) => `ring${i + 1}`);
  const frontier = k === 1 ? 'MATCH (n)-[r]-(m)' : `UNWIND ring${k - 1} AS f MATCH (f)-[r]-(m)`;
  const notSeen = earlier.map((ring) => ` AND NOT m IN ${ring}`).join('');
  return `CALL (${['n', ...earlier].join(', ')}) {
  ${frontier}
  WHERE ${NEIGHBOUR_FILTER}${notSeen}
  WITH DISTINCT m ORDER BY m.id LIMIT $take
  RETURN collect(m) AS ring${k}
}`;
}

/**
 * The whole neighbourhood in one statement (centre, rings, relationships among everything reached), so a
 * request costs one round trip to Neo4j rather than one per ring; depth is a validated 1–3, so there are
 * three fixed query texts.
 */
function neighbourhoodQuery(depth: number): string {
  const rings = Array.from({ length: depth }, (_, i) => `ring${i + 1}`);
  return `${nodeById('n', '$id')}
WITH n LIMIT 1
${rings.map((_, i) => ringSubquery(i + 1)).join('\n')}
WITH n, [${rings.join(', ')}] AS rings, [n] + ${rings.join(' + ')} AS reached
CALL (reached) {
  UNWIND reached AS a
  MATCH (a)-[r]->(b)
  WHERE b IN reached AND ($types IS NULL OR type(r) IN $types)
  RETURN collect({type: type(r), s: a.id, e: b.id, props: properties(r)}) AS edges
}
RETURN labels(n) AS labels, properties(n) AS props,
  [ring IN rings | [m IN ring | {labels: labels(m), props: properties(m)}]] AS rings, edges`;
}

const NEIGHBOURHOOD_QUERIES = new Map([1, 2, 3].map((depth) => [depth, neighbourhoodQuery(depth)]));

interface NeighbourhoodRow extends NodeRow {
  rings: NodeRow[][];
  edges: EdgeRow[];
}

/** Breadth-first, ring by ring: a ring that does not fit the limit is cut in id order and ends the walk. */
export async function readNeighborhood(
  tx: ReadTx,
  id: string,
  query: NeighborhoodQuery,
): Promise<(Subgraph & { truncated: boolean }) | null> {
  const text = NEIGHBOURHOOD_QUERIES.get(query.depth);
  if (!text) throw new Error(`neighbourhood depth must be 1, 2 or 3, not ${query.depth}`);
  const result = await tx.run<NeighbourhoodRow>(text, {
    id,
    types: query.types,
    labels: query.labels,
    take: neo4j.int(query.limit + 1),
  });
  const record = result.records[0];
  if (!record) return null;
  const center = nodeFromRow(withoutPlanText({ labels: record.get('labels'), props: record.get('props') }));
  if (!center) return null;
  const nodes: GraphNode[] = [center];
  let truncated = false;
  for (const ring of record.get('rings')) {
    if (ring.length === 0) break;
    const room = query.limit - nodes.length;
    const found = uniqueNodes(ring.map((row) => nodeFromRow(withoutPlanText(row))));
    if (found.length > room) truncated = true;
    nodes.push(...found.slice(0, room));
    if (truncated) break;
  }
  const kept = new Set<string>(nodes.map((node) => node.id));
  const edges = record
    .get('edges')
    .filter((edge) => edge.s !== null && edge.e !== null && kept.has(edge.s) && kept.has(edge.e));
  return { nodes: uniqueNodes(nodes), edges: edgesFromRows(edges), truncated };
}
