// The vocabulary shared by server, client and tests: graph DTOs and the API's request/response shapes.
// It imports nothing but the model's closed sets, so any side may depend on it.
import type { Basis, DependencyKind, NodeLabel, RelType } from './model.ts';

declare const nodeIdBrand: unique symbol;
/** Our stable business key (`id` property), never Neo4j's elementId. */
export type NodeId = string & { readonly [nodeIdBrand]: 'NodeId' };
declare const edgeIdBrand: unique symbol;
export type EdgeId = string & { readonly [edgeIdBrand]: 'EdgeId' };

export type PropertyValue = string | number | boolean | null | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export interface GraphNode {
  id: NodeId;
  labels: NodeLabel[];
  properties: Properties;
}

export interface GraphEdge {
  /** Deterministic: `${start}|${type}|${end}` plus a suffix where one pair has several edges of a type. */
  id: EdgeId;
  type: RelType;
  start: NodeId;
  end: NodeId;
  properties: Properties;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A passage of the plan text: `Plan.text.slice(start, end) === quote`. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
}

/** The import's in-memory result, also what `npm run import -- --dry-run --format json` prints. */
export interface PlanGraph {
  plan: Properties & { id: string; title: string };
  nodes: Array<{ id: string; labels: NodeLabel[]; properties: Properties }>;
  relationships: Array<{ type: RelType; start: string; end: string; properties: Properties }>;
}

// ---- Cytoscape.js JSON, as served by GET /api/graph and the JSON export ----
export interface CyNodeData extends Properties {
  id: string;
  label: NodeLabel;
  labels: string[];
  name: string;
  nameEn: string | null;
  /** Compound parent (a task's domain). */
  parent: string | null;
}
export interface CyEdgeData extends Properties {
  id: string;
  source: string;
  target: string;
  type: RelType;
}
export interface CyElements {
  nodes: Array<{ data: CyNodeData }>;
  edges: Array<{ data: CyEdgeData }>;
}

// ---- API DTOs ----
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: unknown };
}
export type ApiErrorCode =
  | 'INVALID_REQUEST'
  | 'NOT_FOUND'
  | 'DB_UNAVAILABLE'
  | 'QUERY_REFUSED'
  | 'QUERY_TIMEOUT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INTERNAL';

export interface HealthResponse {
  status: 'ok';
  neo4j: { version: string; edition: string };
}

export interface PlanSummary {
  id: string;
  title: string;
  titleEn: string | null;
  issuer: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  source: string;
  sha256: string;
  counts: Record<string, number>;
}

export interface ProvenanceQuote extends Evidence {
  /** Which fact the quote supports: the node itself or one of its relationships. */
  via: string;
  before: string;
  after: string;
}

export interface NodeDetails {
  node: GraphNode;
  degree: Record<string, number>;
  provenance: ProvenanceQuote[];
  neighbors: Array<{ type: RelType; direction: 'out' | 'in'; node: GraphNode; properties: Properties }>;
}

export interface SearchHit {
  id: NodeId;
  label: NodeLabel;
  name: string;
  nameEn: string | null;
  score: number;
  /** Snippet with the matched part between «» markers, safe to render as text. */
  snippet: string;
  matchedOn: 'name' | 'nameEn' | 'alias' | 'pinyin' | 'text';
}

export interface MatrixCell {
  a: NodeId;
  b: NodeId;
  count: number;
  tasks: NodeId[];
}
export interface AgencyMatrix {
  agencies: Array<{ id: NodeId; name: string; nameEn: string | null; taskCount: number }>;
  cells: MatrixCell[];
}

export interface DependencyEdgeProps {
  kind: DependencyKind;
  weight: number;
  basis: Basis;
  evidence: string[];
}
