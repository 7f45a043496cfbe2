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

/**
 * The plan's own contiguous text around a quote: the quote's whole sentence plus one sentence on each side.
 * `Plan.text.slice(start, end) === text`, and it holds the quote: `start <= quote.start`, `quote.end <= end`.
 */
export interface PassageContext {
  text: string;
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

/**
 * A node as GET /api/graph sends it by default: enough to draw, filter and label it. A name that is a whole
 * passage (a measure's sentence) or very long is cut and ends in '…'; the full node, with its text and
 * evidence, is at GET /api/nodes/:id. Absent fields have no value.
 */
export interface CyOverviewNodeData {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn?: string;
  parent?: string;
}
/**
 * An edge of the overview. `id` is sent only where it is not `${source}|${type}|${target}` (one pair holding
 * several edges of a type), so a client restores the ids GraphEdge carries elsewhere in the API.
 */
export interface CyOverviewEdgeData {
  id?: string;
  source: string;
  target: string;
  type: RelType;
  basis?: Basis;
  weight?: number;
  kind?: DependencyKind;
}
export interface CyOverviewElements {
  nodes: Array<{ data: CyOverviewNodeData }>;
  edges: Array<{ data: CyOverviewEdgeData }>;
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
  /** An uploaded document that holds no readable plan (empty, binary, not a Word file …): 422. */
  | 'UNREADABLE_DOCUMENT'
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
  /** Document number from the title block (国发〔2019〕5号), null when the document has none. */
  docNumber: string | null;
  /** Kind of document read from its title (意见, 方案, 规划, 通知, 条例 …). */
  kind: string | null;
  /** Date of issue from the sign-off, ISO 8601 (2019-01-27). */
  issuedOn: string | null;
  /** True for the plan `npm start` imported from the seed file (the explorer's default plan). */
  seed: boolean;
  periodStart: number | null;
  periodEnd: number | null;
  source: string;
  sha256: string;
  counts: Record<string, number>;
}

export interface ProvenanceQuote extends Evidence {
  /** Which fact the quote supports: the node itself or one of its relationships. */
  via: string;
  /** The contiguous text around the quote (see PassageContext). */
  context: PassageContext;
  /** `context.text` before the quote: `before + quote + after === context.text`. */
  before: string;
  /** `context.text` after the quote. */
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

// ---- API DTOs added with the API (issue 4) ----
export interface PlansResponse {
  plans: PlanSummary[];
}

/** GET /api/plans/:id/text: the whole normalised text or the slice [from, to). */
export interface PlanTextResponse {
  plan: string;
  from: number;
  to: number;
  /** Length of the whole text, so a reader can page through it. */
  length: number;
  text: string;
}

export interface NeighborhoodResponse extends Subgraph {
  center: NodeId;
  depth: number;
  /** True when the node limit cut the neighbourhood short. */
  truncated: boolean;
}

export interface GraphPath {
  length: number;
  /** Node ids from `from` to `to`, in walking order. */
  nodes: NodeId[];
  /** Edge ids in walking order (edges may be walked against their direction). */
  edges: EdgeId[];
}
export interface PathsResponse extends Subgraph {
  from: NodeId;
  to: NodeId;
  paths: GraphPath[];
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

/** A passage of the plan that involves the traced pilot, in document order. */
export interface TracePassage extends Evidence {
  /** The node whose text holds the passage (a measure, task or section). */
  node: NodeId;
  label: NodeLabel;
  /** The contiguous text around the quote (see PassageContext). */
  context: PassageContext;
  /** `context.text` before the quote: `before + quote + after === context.text`. */
  before: string;
  /** `context.text` after the quote. */
  after: string;
}
export interface PilotTrace {
  pilot: GraphNode;
  tasks: GraphNode[];
  domains: GraphNode[];
  agencies: GraphNode[];
  targets: GraphNode[];
  passages: TracePassage[];
}

export interface TaskRanking {
  id: NodeId;
  name: string;
  nameEn: string | null;
  domain: NodeId | null;
  value: number;
}
export interface PlanStats {
  plan: string;
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Which graph the rankings were computed on, in words (shown next to the numbers). */
  rankingGraph: string;
  byDegree: TaskRanking[];
  byBetweenness: TaskRanking[];
}

export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
}
/** A JSON-safe value of a Cypher result: nodes and relationships become GraphNode / GraphEdge shapes. */
export type CypherValue = string | number | boolean | null | CypherValue[] | { [key: string]: CypherValue };
export interface CypherResponse {
  columns: string[];
  rows: Array<Record<string, CypherValue>>;
  /** Nodes and relationships found anywhere in the rows, for drawing. */
  graph: Subgraph | null;
  truncated: boolean;
  rowCap: number;
  elapsedMs: number;
}

export type ExportFormat = 'graphml' | 'csv' | 'json';

// ---- Scenes (presentation mode, issue 6): saved views stored as :Scene nodes, apart from plan data ----
/** How writes are allowed: freely on a loopback server, with the editor token, or not at all. */
export type SceneWriteAccess = 'open' | 'token' | 'disabled';

/**
 * What a scene restores in the explorer: its link (the explorer's own URL query, which carries view, filters,
 * layout, selection and language, so the scene follows the explorer's link format as it grows) and the model
 * positions of the drawn nodes, by node id.
 */
export interface SceneState {
  link: string;
  positions: Record<string, { x: number; y: number }>;
}

export interface SceneInput {
  name: string;
  caption: string;
  state: SceneState;
}

export interface Scene extends SceneInput {
  id: string;
  /** Position in the presentation, from 0. */
  order: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScenesResponse {
  scenes: Scene[];
  writeAccess: SceneWriteAccess;
}

/** The export file: scenes without ids, in order, so it imports into any server. */
export interface ScenesFile {
  format: 'reform-graph-scenes';
  version: 1;
  exportedAt: string;
  scenes: SceneInput[];
}
