// The contract between the controller and the components: the typed state they read and the actions they
// call. Components never touch Cytoscape or the API directly; they call an action, which changes the state
// and refreshes.
import type { ApiError } from '../api/http.ts';
import type { FilterCounts, VisibleSet } from '../model/element-store.ts';
import type { MessageKey } from '../model/i18n.ts';
import type {
  CyEdgeData,
  CyNodeData,
  FoundPath,
  Lang,
  LayoutName,
  NodeDetails,
  ViewState,
} from '../types.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface PathState {
  from: string | null;
  to: string | null;
  found: FoundPath[] | null;
  /** The path drawn on its own; null draws all found paths. */
  active: number | null;
  loading: boolean;
}

export interface AppState {
  view: ViewState;
  selected: string | null;
  lang: Lang;
  status: LoadStatus;
  error: ApiError | Error | null;
  details: NodeDetails | null;
  detailsLoading: boolean;
  /** The selected id names no node (a bad link): the details panel says so instead of loading forever. */
  detailsMissing: boolean;
  paths: PathState;
  canUndo: boolean;
  canRedo: boolean;
  visible: VisibleSet;
  /** Nodes the filters let through that the overview keeps inside closed domains (counted, not drawn). */
  folded: number;
  /** Aggregated links drawn between closed domains in the overview (not in `visible`). */
  domainLinks: number;
  counts: FilterCounts;
  busy: boolean;
}

export interface AppActions {
  changeView(change: (view: ViewState) => ViewState): void;
  undo(): void;
  redo(): void;
  select(id: string | null, options?: { focus?: boolean }): void;
  /** Puts the node in the view (expanding around it if needed), selects, focuses and highlights it. */
  reveal(id: string): void;
  setLang(lang: Lang): void;
  setLayout(layout: LayoutName): void;
  /** Expands or folds a node; in the overview, opens a domain in place or closes it into one node. */
  toggleExpansion(id: string): void;
  /** Back to the first view: every domain one node with its counts. */
  showOverview(): void;
  /** Every domain open: all tasks, agencies and pilots drawn. */
  openAll(): void;
  hideSelected(): void;
  showHidden(): void;
  setPathEnd(end: 'from' | 'to', id: string | null): void;
  findPaths(): void;
  showPath(index: number | null): void;
  clearPaths(): void;
  retry(): void;
  fit(): void;
  zoomBy(factor: number): void;
  exportPng(): Promise<void>;
  exportSvg(): void;
  exportViewData(format: 'json' | 'graphml'): Promise<void>;
  copyLink(): Promise<boolean>;
}

export interface AppContext extends AppActions {
  readonly state: AppState;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  node(id: string): CyNodeData | undefined;
  edge(id: string): CyEdgeData | undefined;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface Component {
  teardown(): void;
}
