// One node with everything touching it, and the bounded neighbourhood around it.
import neo4j from 'neo4j-driver';
import type { GraphNode, NodeId, Subgraph } from '../domain/types.ts';
import type { NeighborhoodQuery, NodeWithRelationships } from '../graph/repository.ts';
import {
  asNodeId,
  type EdgeRow,
  edgesFromRows,
  type NodeRow,
  nodeFromRow,
  uniqueNodes,
} from './graph-mapper.ts';
import { nodeById } from './node-lookup.ts';
import type { ReadTx } from './read-session.ts';

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

const NEXT_RING = `
UNWIND $frontier AS frontierId
${nodeById('n', 'frontierId', 'frontierId')}
MATCH (n)-[r]-(m)
WHERE NOT m.id IN $seen
  AND ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR any(label IN labels(m) WHERE label IN $labels))
WITH DISTINCT m
ORDER BY m.id
LIMIT $take
RETURN labels(m) AS labels, properties(m) AS props`;

const EDGES_AMONG = `
UNWIND $ids AS startId
${nodeById('a', 'startId', 'startId')}
MATCH (a)-[r]->(b)
WHERE b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
RETURN type(r) AS type, a.id AS s, b.id AS e, properties(r) AS props`;

const NODE_ROW = `${nodeById('n', '$id')} RETURN labels(n) AS labels, properties(n) AS props LIMIT 1`;

/** Breadth-first, one ring per query, so depth and the node limit bound the work however dense the graph. */
export async function readNeighborhood(
  tx: ReadTx,
  id: string,
  query: NeighborhoodQuery,
): Promise<(Subgraph & { truncated: boolean }) | null> {
  const centerResult = await tx.run<NodeRow>(NODE_ROW, { id });
  const centerRecord = centerResult.records[0];
  if (!centerRecord) return null;
  const center = nodeFromRow(withoutPlanText(centerRecord.toObject()));
  if (!center) return null;
  const nodes: GraphNode[] = [center];
  const seen = [id];
  let frontier = [id];
  let truncated = false;
  for (let ring = 1; ring <= query.depth && frontier.length > 0 && !truncated; ring++) {
    const room = query.limit - nodes.length;
    const result = await tx.run<NodeRow>(NEXT_RING, {
      frontier,
      seen,
      types: query.types,
      labels: query.labels,
      take: neo4j.int(room + 1),
    });
    const found = uniqueNodes(
      result.records.map((record) => nodeFromRow(withoutPlanText(record.toObject()))),
    );
    if (found.length > room) truncated = true;
    const kept = found.slice(0, room);
    nodes.push(...kept);
    frontier = kept.map((node) => node.id);
    seen.push(...frontier);
  }
  const edges = await tx.run<EdgeRow>(EDGES_AMONG, { ids: seen, types: query.types });
  return {
    nodes: uniqueNodes(nodes),
    edges: edgesFromRows(edges.records.map((record) => record.toObject())),
    truncated,
  };
}
