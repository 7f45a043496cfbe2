// Cytoscape.js JSON from a subgraph: tasks carry their domain as compound `parent` when that domain is present.
import { NodeLabel, RelType } from '../domain/model.ts';
import type { CyEdgeData, CyElements, CyNodeData, Subgraph } from '../domain/types.ts';

export function toCyElements(graph: Subgraph): CyElements {
  const present = new Set<string>(graph.nodes.map((node) => node.id));
  const domainOf = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.type === RelType.HAS_TASK && present.has(edge.start)) domainOf.set(edge.end, edge.start);
  }
  const nodes = graph.nodes.map((node) => {
    const label = node.labels[0] ?? NodeLabel.Plan;
    const name = node.properties.name;
    const nameEn = node.properties.nameEn;
    const data: CyNodeData = {
      ...node.properties,
      id: node.id,
      label,
      labels: node.labels,
      name: typeof name === 'string' ? name : node.id,
      nameEn: typeof nameEn === 'string' ? nameEn : null,
      parent: label === NodeLabel.Task ? (domainOf.get(node.id) ?? null) : null,
    };
    return { data };
  });
  const edges = graph.edges
    .filter((edge) => present.has(edge.start) && present.has(edge.end))
    .map((edge) => {
      const data: CyEdgeData = {
        ...edge.properties,
        id: edge.id,
        source: edge.start,
        target: edge.end,
        type: edge.type,
      };
      return { data };
    });
  return { nodes, edges };
}
