// The API routes the explorer calls, with typed answers. The overview arrives slim and sub-graphs
// (neighbourhoods, paths) arrive as GraphNode/GraphEdge; both are turned into the same Cytoscape data, with the
// edge ids the rest of the API uses, so fragments of one edge meet under one id.

import { NODE_LABELS } from '../../../server/src/domain/model.ts';
import type {
  CyOverviewElements,
  NeighborhoodResponse,
  PathsResponse,
  PlansResponse,
  SearchResponse,
} from '../../../server/src/domain/types.ts';
import type {
  CyEdgeData,
  CyElements,
  CyNodeData,
  GraphEdge,
  GraphNode,
  NodeDetails,
  NodeLabel,
  PlanSummary,
  SearchHit,
  Subgraph,
} from '../types.ts';
import { withActivePlan } from './active-plan.ts';
import { getJson, query } from './http.ts';

export interface GraphQuery {
  plan?: string;
  labels?: readonly NodeLabel[];
}

export async function fetchPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  return (await getJson<PlansResponse>('/api/plans', signal)).plans;
}

/** The plan's overview: enough to draw and filter; texts and evidence come with fetchNode. */
export async function fetchGraph(params: GraphQuery, signal?: AbortSignal): Promise<CyElements> {
  const path = `/api/graph${query({ plan: params.plan, labels: params.labels })}`;
  return overviewToElements(await getJson<CyOverviewElements>(path, signal));
}

/** Every property of the same elements, for exporting what the view shows. */
export function fetchFullGraph(params: GraphQuery, signal?: AbortSignal): Promise<CyElements> {
  return getJson<CyElements>(
    `/api/graph${query({ plan: params.plan, labels: params.labels, detail: 'full' })}`,
    signal,
  );
}

/** The overview as the explorer's Cytoscape data; an edge without an id gets the API's `source|type|target`. */
export function overviewToElements(overview: CyOverviewElements): CyElements {
  const nodes = overview.nodes.map(({ data }) => {
    const { nameEn, parent, ...rest } = data;
    const node: CyNodeData = {
      ...rest,
      labels: [data.label],
      nameEn: nameEn ?? null,
      parent: parent ?? null,
    };
    return { data: node };
  });
  const edges = overview.edges.map(({ data }) => {
    const edge: CyEdgeData = { ...data, id: data.id ?? `${data.source}|${data.type}|${data.target}` };
    return { data: edge };
  });
  return { nodes, edges };
}

export function fetchNode(id: string, signal?: AbortSignal): Promise<NodeDetails> {
  return getJson<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`, signal);
}

export async function fetchNeighbors(id: string, depth = 1, limit = 150): Promise<NeighborhoodResponse> {
  return getJson<NeighborhoodResponse>(
    `/api/nodes/${encodeURIComponent(id)}/neighbors${query({ depth, limit })}`,
  );
}

export function fetchPaths(from: string, to: string, k = 5, maxLength = 6): Promise<PathsResponse> {
  return getJson<PathsResponse>(`/api/paths${query({ from, to, k, maxLength })}`);
}

export async function searchNodes(q: string, limit = 12, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await getJson<SearchResponse>(`/api/search${query({ q, limit })}`, signal)).hits;
}

export function exportUrl(format: 'graphml' | 'json', plan?: string): string {
  return withActivePlan(`/api/export${query({ plan, format })}`);
}

/** The node's main label: the first one of the model (import bookkeeping labels are skipped). */
export function mainLabel(labels: readonly string[]): NodeLabel {
  const model: readonly string[] = NODE_LABELS;
  return (labels.find((label) => model.includes(label)) as NodeLabel | undefined) ?? 'Plan';
}

/**
 * Sub-graph DTOs as Cytoscape data. `parentOf` supplies the compound parent of nodes the client already
 * knows (a task's domain), which the sub-graph DTOs do not carry.
 */
export function subgraphToElements(graph: Subgraph, parentOf: (id: string) => string | null): CyElements {
  const nodes = graph.nodes.map((node: GraphNode) => {
    const { properties } = node;
    const data: CyNodeData = {
      ...properties,
      id: node.id,
      label: mainLabel(node.labels),
      labels: node.labels,
      name: typeof properties.name === 'string' ? properties.name : node.id,
      nameEn: typeof properties.nameEn === 'string' ? properties.nameEn : null,
      parent: parentOf(node.id),
    };
    return { data };
  });
  const edges = graph.edges.map((edge: GraphEdge) => {
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
