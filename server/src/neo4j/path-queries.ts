// Up to k shortest paths between two nodes, walked in either direction.
import neo4j from 'neo4j-driver';
import type { EdgeId, GraphPath, NodeId, Subgraph } from '../domain/types.ts';
import { MAX_PATH_LENGTH, MAX_PATHS, type PathQuery } from '../graph/repository.ts';
import type { ReadTx } from './exact-read.ts';
import {
  asNodeId,
  type EdgeRow,
  edgesFromRows,
  type NodeRow,
  nodeFromRow,
  toProperties,
  uniqueNodes,
} from './graph-mapper.ts';
import { nodeById } from './node-lookup.ts';

// Cypher takes neither the k of SHORTEST nor a quantifier bound as a parameter, so both are fixed at the
// API's maxima here and the request's own bounds are applied with parameters afterwards.

const SHORTEST_PATHS = `
${nodeById('a', '$from')} WITH a LIMIT 1
${nodeById('b', '$to', 'a')} WITH a, b LIMIT 1
MATCH p = SHORTEST ${MAX_PATHS} (a)(()-[r WHERE $types IS NULL OR type(r) IN $types]-()){1,${MAX_PATH_LENGTH}}(b)
WITH p WHERE length(p) <= $maxLength
WITH p ORDER BY length(p), [n IN nodes(p) | n.id]
LIMIT $k
RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
  [r IN relationships(p) | {type: type(r), s: startNode(r).id, e: endNode(r).id, props: properties(r)}] AS rels`;

interface PathRow {
  nodes: NodeRow[];
  rels: EdgeRow[];
}

export async function readShortestPaths(
  tx: ReadTx,
  from: string,
  to: string,
  query: PathQuery,
): Promise<{ paths: GraphPath[]; graph: Subgraph }> {
  const result = await tx.run<PathRow>(SHORTEST_PATHS, {
    from,
    to,
    types: query.types,
    maxLength: query.maxLength,
    k: neo4j.int(query.k),
  });
  const rows = result.records.map((record) => record.toObject());
  const edges = edgesFromRows(rows.flatMap((row) => row.rels));
  const paths = rows.map((row): GraphPath => {
    const order: NodeId[] = row.nodes.flatMap((node) =>
      typeof node.props.id === 'string' ? [asNodeId(node.props.id)] : [],
    );
    // The i-th edge joins the i-th and (i+1)-th nodes, whichever way it points.
    const walked: EdgeId[] = [];
    for (let i = 0; i + 1 < order.length; i++) {
      const a = order[i];
      const b = order[i + 1];
      const rel = row.rels[i];
      const edge = edges.find(
        (e) =>
          e.type === rel?.type &&
          ((e.start === a && e.end === b) || (e.start === b && e.end === a)) &&
          JSON.stringify(e.properties) === JSON.stringify(toProperties(rel.props)),
      );
      if (edge) walked.push(edge.id);
    }
    return { length: row.rels.length, nodes: order, edges: walked };
  });
  const usedEdges = new Set(paths.flatMap((path) => path.edges));
  return {
    paths,
    graph: {
      nodes: uniqueNodes(rows.flatMap((row) => row.nodes.map(nodeFromRow))),
      edges: edges.filter((edge) => usedEdges.has(edge.id)),
    },
  };
}
