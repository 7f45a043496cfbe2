// The client's vocabulary: the wire DTOs (declared once, on the server side, imported as types only) and the
// client's own closed sets. It imports nothing at runtime, so every layer may depend on it.
import type { Basis, NodeLabel, RelType } from '../../server/src/domain/model.ts';
import type {
  ApiErrorBody,
  ApiErrorCode,
  CyEdgeData,
  CyElements,
  CyNodeData,
  GraphEdge,
  GraphNode,
  NodeDetails,
  PlanSummary,
  PropertyValue,
  ProvenanceQuote,
  SearchHit,
  Subgraph,
} from '../../server/src/domain/types.ts';

export type {
  ApiErrorBody,
  ApiErrorCode,
  Basis,
  CyEdgeData,
  CyElements,
  CyNodeData,
  GraphEdge,
  GraphNode,
  NodeDetails,
  NodeLabel,
  PlanSummary,
  PropertyValue,
  ProvenanceQuote,
  RelType,
  SearchHit,
  Subgraph,
};

export type ValueOf<T> = T[keyof T];

export const Lang = { zh: 'zh', en: 'en' } as const;
export type Lang = ValueOf<typeof Lang>;

export const LayoutName = {
  grouped: 'grouped',
  hierarchy: 'hierarchy',
  concentric: 'concentric',
  circle: 'circle',
} as const;
export type LayoutName = ValueOf<typeof LayoutName>;
export const LAYOUT_NAMES: readonly LayoutName[] = Object.values(LayoutName);

/** What the user filtered out; empty lists show everything. */
export interface Filters {
  hiddenLabels: NodeLabel[];
  hiddenTypes: RelType[];
  hiddenDomains: string[];
  hiddenBasis: Basis[];
  /** Edges carrying a `weight` below this are not drawn. */
  minWeight: number;
  /** Draw nodes that no drawn edge touches (tasks in their domain box always count as connected). */
  showIsolated: boolean;
}

/** Everything that decides which elements are drawn and how they are placed: the unit of undo/redo. */
export interface ViewState {
  /** Nodes whose neighbourhood has been fetched into the view, in the order they were expanded. */
  expanded: string[];
  /** Nodes whose children and leaf neighbours are folded away. */
  collapsed: string[];
  /** Nodes the user hid (the data stays; "show hidden" brings them back). */
  hidden: string[];
  filters: Filters;
  layout: LayoutName;
  /**
   * Level of detail: true draws each domain as one node with its counts and aggregated links between domains
   * (the first view); false draws every task, agency and pilot.
   */
  overview: boolean;
  /** Domains drawn in full, in place, while the overview is on. */
  opened: string[];
}

/**
 * Where the camera looks: the zoom and the model coordinates at the centre of the graph area, so a link shows
 * the same part of the graph at the same scale on a window of another size.
 */
export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

/** What a link carries: the view plus what the reader looks at. */
export interface UrlState {
  view: ViewState;
  selected: string | null;
  lang: Lang;
  /** Null: fit the graph (or focus the selection) as on a first visit. */
  camera?: Camera | null;
  /** The ends of the path finder: a link with both finds and frames the paths between them. */
  pathEnds?: { from: string | null; to: string | null };
}

/** A path found between two nodes, in order. */
export interface FoundPath {
  nodes: string[];
  edges: string[];
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
