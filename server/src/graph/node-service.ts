// One node for the detail panel (degree per relationship type, provenance with context, neighbours) and the
// bounded neighbourhood around it.
import { AppError } from '../domain/errors.ts';
import type {
  GraphEdge,
  GraphNode,
  NeighborhoodResponse,
  NodeDetails,
  NodeId,
  ProvenanceQuote,
} from '../domain/types.ts';
import { contextAround, evidenceQuotes, locateQuote } from './passages.ts';
import { num } from './plan-index.ts';
import type { GraphRepository, NeighborhoodQuery } from './repository.ts';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id "${id}".`, { details: { id } });
}

export function provenanceOf(
  node: GraphNode,
  edges: readonly GraphEdge[],
  planText: string | null,
): ProvenanceQuote[] {
  if (planText === null) return [];
  const raw = evidenceQuotes(node.properties).map((quote) => ({ ...quote, via: 'node' }));
  const start = num(node.properties.start);
  const end = num(node.properties.end);
  if (raw.length === 0 && start !== null && end !== null && end > start) {
    raw.push({ via: 'node', quote: planText.slice(start, end), start, end });
  }
  for (const edge of edges)
    raw.push(...evidenceQuotes(edge.properties).map((quote) => ({ ...quote, via: edge.id })));
  const seen = new Set<string>();
  const quotes: ProvenanceQuote[] = [];
  for (const item of raw) {
    const at = locateQuote(planText, item.quote, item.start, item.end);
    if (!at) continue;
    const key = `${item.via}|${at.start}|${at.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    quotes.push({ via: item.via, quote: item.quote, ...at, ...contextAround(planText, at.start, at.end) });
  }
  return quotes.sort((a, b) => a.start - b.start || a.via.localeCompare(b.via));
}

export async function nodeDetails(repo: GraphRepository, id: string): Promise<NodeDetails> {
  const found = await repo.node(id);
  if (!found) throw notFound(id);
  const { node, relationships } = found;
  const degree: Record<string, number> = {};
  for (const { edge } of relationships) degree[edge.type] = (degree[edge.type] ?? 0) + 1;
  const plan = node.properties.plan;
  const text = typeof plan === 'string' ? await repo.planText(plan) : null;
  return {
    node,
    degree,
    provenance: provenanceOf(
      node,
      relationships.map((rel) => rel.edge),
      text,
    ),
    neighbors: relationships.map(({ edge, other }) => ({
      type: edge.type,
      direction: edge.start === node.id ? ('out' as const) : ('in' as const),
      node: other,
      properties: edge.properties,
    })),
  };
}

export async function neighborhood(
  repo: GraphRepository,
  id: string,
  query: NeighborhoodQuery,
): Promise<NeighborhoodResponse> {
  const found = await repo.neighborhood(id, query);
  const center = found?.nodes.find((node) => node.id === id);
  if (!found || !center) throw notFound(id);
  return { center: center.id, depth: query.depth, ...found };
}

export async function requireNode(repo: GraphRepository, id: string): Promise<NodeId> {
  const found = await repo.findNodeId(id);
  if (!found) throw notFound(id);
  return found;
}
