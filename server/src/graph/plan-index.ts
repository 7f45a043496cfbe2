// Lookups over a plan's subgraph that several services share: nodes by id, edges by endpoint and type.
import type { NodeLabel, RelType } from '../domain/model.ts';
import type { GraphEdge, GraphNode, Subgraph } from '../domain/types.ts';

export class PlanIndex {
  readonly byId = new Map<string, GraphNode>();
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly in = new Map<string, GraphEdge[]>();

  constructor(readonly graph: Subgraph) {
    for (const node of graph.nodes) this.byId.set(node.id, node);
    for (const edge of graph.edges) {
      this.out.set(edge.start, [...(this.out.get(edge.start) ?? []), edge]);
      this.in.set(edge.end, [...(this.in.get(edge.end) ?? []), edge]);
    }
  }

  withLabel(label: NodeLabel): GraphNode[] {
    return this.graph.nodes.filter((node) => node.labels.includes(label));
  }

  outgoing(id: string, types: readonly RelType[]): GraphEdge[] {
    return (this.out.get(id) ?? []).filter((edge) => types.includes(edge.type));
  }

  incoming(id: string, types: readonly RelType[]): GraphEdge[] {
    return (this.in.get(id) ?? []).filter((edge) => types.includes(edge.type));
  }

  hasLabel(id: string, label: NodeLabel): boolean {
    return this.byId.get(id)?.labels.includes(label) ?? false;
  }
}

export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Document order: by the `start` offset where a node has one, then by id. */
export function byDocumentOrder(a: GraphNode, b: GraphNode): number {
  const sa = num(a.properties.start) ?? Number.MAX_SAFE_INTEGER;
  const sb = num(b.properties.start) ?? Number.MAX_SAFE_INTEGER;
  return sa - sb || a.id.localeCompare(b.id, 'en', { numeric: true });
}
