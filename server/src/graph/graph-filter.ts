// Narrows a plan graph to what a view asked for: labels, relationship types, domains and evidence basis.
import { type Basis, NodeLabel, type RelType } from '../domain/model.ts';
import type { GraphNode, Subgraph } from '../domain/types.ts';

export interface GraphFilter {
  labels: NodeLabel[] | null;
  types: RelType[] | null;
  /** Domain ids: keep those domains, their tasks and measures, and what links to them. */
  domains: string[] | null;
  /** Relationships carrying a `basis` keep only these; relationships without one are structural and stay. */
  basis: Basis[] | null;
}

const DOMAIN_SCOPED: readonly NodeLabel[] = [NodeLabel.Domain, NodeLabel.Task, NodeLabel.Measure];

function within(graph: Subgraph, domains: Set<string>): Subgraph {
  const inScope = new Set<string>(domains);
  // Domain → task → measure: two structural steps down from the chosen domains.
  for (let step = 0; step < 2; step++) {
    for (const edge of graph.edges)
      if (inScope.has(edge.start) && edge.type.startsWith('HAS_')) inScope.add(edge.end);
  }
  const scoped = (node: GraphNode) => node.labels.some((label) => DOMAIN_SCOPED.includes(label));
  const linked = new Set<string>();
  for (const edge of graph.edges) {
    if (inScope.has(edge.start)) linked.add(edge.end);
    if (inScope.has(edge.end)) linked.add(edge.start);
  }
  const nodes = graph.nodes.filter((node) => (scoped(node) ? inScope.has(node.id) : linked.has(node.id)));
  return { nodes, edges: graph.edges };
}

export function filterGraph(graph: Subgraph, filter: GraphFilter): Subgraph {
  let result = filter.domains ? within(graph, new Set(filter.domains)) : graph;
  if (filter.labels) {
    const labels = filter.labels;
    result = {
      ...result,
      nodes: result.nodes.filter((node) => node.labels.some((label) => labels.includes(label))),
    };
  }
  const kept = new Set<string>(result.nodes.map((node) => node.id));
  const edges = result.edges.filter((edge) => {
    if (!kept.has(edge.start) || !kept.has(edge.end)) return false;
    if (filter.types && !filter.types.includes(edge.type)) return false;
    const basis = edge.properties.basis;
    if (filter.basis && typeof basis === 'string' && !filter.basis.some((b) => b === basis)) return false;
    return true;
  });
  return { nodes: result.nodes, edges };
}
