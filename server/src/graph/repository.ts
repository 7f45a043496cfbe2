// What the services need from the graph store. server/src/neo4j implements it against the real database;
// unit tests of the services pass a fake. Everything crossing this line is a plain DTO keyed by our `id`.
import type { NodeLabel, RelType } from '../domain/model.ts';
import type {
  CypherResponse,
  GraphEdge,
  GraphNode,
  GraphPath,
  NodeId,
  PlanSummary,
  Subgraph,
} from '../domain/types.ts';

export interface NodeWithRelationships {
  node: GraphNode;
  /** Every relationship touching the node, with the node at its other end. */
  relationships: Array<{ edge: GraphEdge; other: GraphNode }>;
}

export interface NeighborhoodQuery {
  depth: number;
  labels: NodeLabel[] | null;
  types: RelType[] | null;
  limit: number;
}

/** Bounds of path searches: the query fixes them as literals, requests stay within them. */
export const MAX_PATH_LENGTH = 6;
export const MAX_PATHS = 10;

export interface PathQuery {
  maxLength: number;
  k: number;
  types: RelType[] | null;
}

export interface SearchCandidateQuery {
  plan: string;
  /** The user's text as typed, trimmed; matched as a literal, never parsed. */
  text: string;
  /** Lower-cased text for case-insensitive matches. */
  lower: string;
  /** Lower-case ASCII letters and digits of the text, for pinyin matches; empty when none. */
  pinyin: string;
  labels: NodeLabel[] | null;
  limit: number;
}

export interface SearchCandidate {
  node: GraphNode;
}

export interface ReadOnlyQuery {
  query: string;
  params: Record<string, unknown>;
  rowCap: number;
  timeoutMs: number;
}

export interface GraphRepository {
  plans(): Promise<PlanSummary[]>;
  /** Ids of the imported plans, sorted: cheap, unlike plans(), which counts every plan's nodes. */
  /** Plan ids in order, the first `limit` of them. */
  planIds(limit?: number): Promise<string[]>;
  hasPlan(id: string): Promise<boolean>;
  planText(planId: string): Promise<string | null>;
  /** All nodes and relationships of a plan (the Plan node's full text left out unless asked for). */
  planGraph(planId: string, options?: { withPlanText?: boolean }): Promise<Subgraph>;
  node(id: string): Promise<NodeWithRelationships | null>;
  neighborhood(id: string, query: NeighborhoodQuery): Promise<(Subgraph & { truncated: boolean }) | null>;
  shortestPaths(from: string, to: string, query: PathQuery): Promise<{ paths: GraphPath[]; graph: Subgraph }>;
  /** Nodes whose names, aliases, pinyin or text contain the query: ranking is the service's job. */
  searchCandidates(query: SearchCandidateQuery): Promise<SearchCandidate[]>;
  /** Nodes of the given labels still lacking pinyin properties (older imports). */
  namesWithoutPinyin(plan: string, labels: NodeLabel[]): Promise<GraphNode[]>;
  /** Our id of the node, when it exists. */
  findNodeId(id: string): Promise<NodeId | null>;
  /** Runs a user's query read-only; refuses writes and file access before and while running it. */
  runReadOnly(query: ReadOnlyQuery): Promise<Omit<CypherResponse, 'elapsedMs'>>;
}
