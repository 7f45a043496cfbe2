// The controller: one typed state, small actions that change it, and one refresh that brings the graph view,
// the URL and the components in line. View changes go through the undo history; selection, language and
// found paths do not (they are what the reader looks at, not the view they built).

import { activePlan, importedPlans, MissingPlanError, missingPlan, PLAN_KEY } from '../api/active-plan.ts';
import {
  fetchFullGraph,
  fetchGraph,
  fetchNeighbors,
  fetchNode,
  fetchPaths,
  subgraphToElements,
} from '../api/graph-api.ts';
import { ApiError } from '../api/http.ts';
import type { GraphView } from '../graph/graph-view.ts';
import { usesCompounds } from '../graph/layouts.ts';
import {
  BASE_FRAGMENT,
  ElementStore,
  expansionFragment,
  filterCounts,
  loadedSet,
  PATH_FRAGMENT,
  visibleSet,
} from '../model/element-store.ts';
import { toCytoscapeJson, toGraphml } from '../model/graphml.ts';
import { History } from '../model/history.ts';
import { type MessageKey, t } from '../model/i18n.ts';
import { encodeUrlState } from '../model/url-state.ts';
import * as actions from '../model/view-state.ts';
import { OVERVIEW_LABELS } from '../model/vocabulary.ts';
import type { Camera, CyEdgeData, CyElements, CyNodeData, UrlState, ViewState } from '../types.ts';
import type { AppContext, AppState } from './context.ts';
import { download } from './dom.ts';

interface RefreshOptions {
  /** 'auto' lays out when elements were added or the layout changed. */
  layout?: 'auto' | 'force' | 'none';
  origin?: string | null;
}

export interface Controller extends AppContext {
  /** The camera settled: the URL keeps it (once the first layout has placed the graph). */
  cameraMoved(camera: Camera): void;
  refresh(options?: RefreshOptions): Promise<void>;
  idle(): Promise<void>;
  teardown(): void;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function createController(view: GraphView, initial: UrlState): Controller {
  const store = new ElementStore();
  const history = new History<ViewState>(initial.view);
  const listeners = new Set<() => void>();
  const state: AppState = {
    view: initial.view,
    selected: initial.selected,
    lang: initial.lang,
    status: 'loading',
    error: null,
    details: null,
    detailsLoading: false,
    detailsMissing: false,
    paths: {
      from: initial.pathEnds?.from ?? null,
      to: initial.pathEnds?.to ?? null,
      found: null,
      active: null,
      loading: false,
    },
    canUndo: false,
    canRedo: false,
    visible: { nodes: new Set(), edges: new Set() },
    counts: { labels: new Map(), types: new Map(), domains: new Map(), basis: new Map() },
    busy: false,
  };
  let chain: Promise<void> = Promise.resolve();
  let detailsRequest: AbortController | null = null;
  let detailsDone: Promise<void> = Promise.resolve();
  let focusDone: Promise<void> = Promise.resolve();
  let laidOut: string | null = null;
  /** The camera the link asked for (restored after the first layout), then wherever the user moved it. */
  let camera: Camera | null = initial.camera ?? null;

  const notify = () => {
    state.canUndo = history.canUndo;
    state.canRedo = history.canRedo;
    for (const listener of listeners) listener();
  };

  /**
   * The view's query with the plan (and page) the link was opened on in front: with several plans imported, a
   * copied link must name its plan, or it opens another plan's graph around this one's selection.
   */
  const planScoped = (search: string): string => {
    const current = new URLSearchParams(window.location.search);
    const scope = new URLSearchParams();
    const page = current.get('page');
    if (page) scope.set('page', page);
    const plan = current.get(PLAN_KEY) ?? (importedPlans().length > 1 ? activePlan() : null);
    if (plan) scope.set(PLAN_KEY, plan);
    const head = scope.toString();
    if (head === '') return search;
    return search === '' ? `?${head}` : `?${head}&${search.slice(1)}`;
  };

  const writeUrl = () => {
    const { from, to } = state.paths;
    const search = encodeUrlState({
      view: state.view,
      selected: state.selected,
      lang: state.lang,
      camera,
      pathEnds: { from, to },
    });
    window.history.replaceState(null, '', `${window.location.pathname}${planScoped(search)}`);
  };

  const fail = (error: unknown) => {
    state.error = error instanceof Error ? error : new Error(String(error));
    state.status = store.has(BASE_FRAGMENT) ? 'ready' : 'error';
    state.busy = false;
    notify();
  };

  const parentOf = (id: string) => {
    const parent = store.nodes.get(id)?.parent;
    return typeof parent === 'string' ? parent : null;
  };

  async function load(): Promise<void> {
    const missing = missingPlan();
    if (missing !== null) throw new MissingPlanError(missing);
    if (!store.has(BASE_FRAGMENT)) {
      state.status = 'loading';
      notify();
      store.put(BASE_FRAGMENT, await fetchGraph({ labels: OVERVIEW_LABELS }));
    }
    for (const id of state.view.expanded) {
      const key = expansionFragment(id);
      if (store.has(key)) continue;
      try {
        store.put(key, subgraphToElements(await fetchNeighbors(id), parentOf));
      } catch (error) {
        // A link may name a node that no longer exists: it expands to nothing rather than blocking the view.
        if (error instanceof ApiError && error.code === 'NOT_FOUND') store.put(key, { nodes: [], edges: [] });
        else throw error;
      }
    }
  }

  /** Appearance derived from state: found paths win, then the selection's neighbourhood. */
  function applyHighlight() {
    const { found, active } = state.paths;
    if (found && found.length > 0) {
      const shown = active === null ? found : found.slice(active, active + 1);
      view.highlight(
        shown.flatMap((p) => p.nodes),
        shown.flatMap((p) => p.edges),
        'path',
      );
      return;
    }
    const selected = state.selected ? view.cy.getElementById(state.selected) : null;
    if (selected?.nonempty() && selected.isNode()) {
      const hood = selected.closedNeighborhood();
      view.highlight(
        hood.nodes().map((n) => n.id()),
        hood.edges().map((e) => e.id()),
      );
    } else view.highlight([], []);
  }

  async function doRefresh(options: RefreshOptions) {
    state.busy = true;
    state.error = null;
    await load();
    const extra = state.paths.found ? [PATH_FRAGMENT] : [];
    const visible = visibleSet(store, state.view, extra);
    const loaded = loadedSet(store, state.view, extra);
    if (usesCompounds(state.view.layout)) {
      // The box already says "this task belongs to this domain"; an edge into its own box only adds noise.
      for (const set of [visible.edges, loaded.edges]) {
        for (const id of set) {
          const edge = store.edges.get(id);
          if (edge && parentOf(edge.target) === edge.source) set.delete(id);
        }
      }
    }
    state.visible = visible;
    state.counts = filterCounts(store, loaded, visible);
    const nodes = [...visible.nodes].flatMap((id) => store.nodes.get(id) ?? []);
    const edges = [...visible.edges].flatMap((id) => store.edges.get(id) ?? []);
    const first = laidOut === null;
    const result = view.sync({ nodes, edges, layout: state.view.layout, origin: options.origin ?? null });
    state.status = (store.fragment(BASE_FRAGMENT)?.nodes.length ?? 0) === 0 ? 'empty' : 'ready';
    view.select(state.selected && visible.nodes.has(state.selected) ? state.selected : null);
    applyHighlight();
    writeUrl();
    notify();
    const mode = options.layout ?? 'auto';
    const layoutChanged = laidOut !== state.view.layout;
    if (mode === 'force' || (mode === 'auto' && (result.added > 0 || layoutChanged))) {
      laidOut = state.view.layout;
      await view.runLayout(state.view.layout, { animate: !first, fresh: first || layoutChanged });
      if (first && camera) view.setCamera(camera);
      else if (first && state.selected) {
        const id = state.selected;
        focusDone = nextFrame().then(() => view.focus(id));
      }
    }
    state.busy = false;
    notify();
  }

  const refresh = (options: RefreshOptions = {}) => {
    chain = chain.then(() => doRefresh(options)).catch(fail);
    return chain;
  };

  const changeView = (change: (view: ViewState) => ViewState, options: RefreshOptions = {}) => {
    if (history.push(change(state.view))) {
      state.view = history.present;
      void refresh(options);
    }
  };

  function loadDetails(id: string | null) {
    detailsRequest?.abort();
    state.details = null;
    state.detailsMissing = false;
    if (!id) {
      state.detailsLoading = false;
      return;
    }
    const request = new AbortController();
    detailsRequest = request;
    state.detailsLoading = true;
    detailsDone = fetchNode(id, request.signal).then(
      (details) => {
        if (request.signal.aborted) return;
        state.details = details;
        state.detailsLoading = false;
        notify();
      },
      (error: unknown) => {
        if (request.signal.aborted) return;
        state.detailsLoading = false;
        if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_REQUEST')) {
          state.detailsMissing = true;
          notify();
        } else fail(error);
      },
    );
  }

  const select: AppContext['select'] = (id, options = {}) => {
    state.selected = id;
    view.select(id);
    applyHighlight();
    loadDetails(id);
    writeUrl();
    notify();
    // After the panels have rendered, so the centre is the centre of the graph area they leave.
    if (id && options.focus) focusDone = nextFrame().then(() => view.focus(id));
  };

  /** Frames the drawn path(s) in the graph area, so the reader sees the path, not the whole plan. */
  const frameFoundPaths = () => {
    const { found, active } = state.paths;
    if (!found || found.length === 0) return Promise.resolve();
    const shown = active === null ? found : found.slice(active, active + 1);
    focusDone = view.frame(shown.flatMap((p) => p.nodes));
    return focusDone;
  };

  const visibleNodes = () => [...state.visible.nodes].flatMap((id) => store.nodes.get(id) ?? []);
  const visibleEdges = () => [...state.visible.edges].flatMap((id) => store.edges.get(id) ?? []);

  const controller: Controller = {
    state,
    t: (key: MessageKey, values?: Record<string, string | number>) => t(state.lang, key, values),
    node: (id) => store.nodes.get(id),
    edge: (id) => store.edges.get(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    changeView,
    cameraMoved(next) {
      if (laidOut === null) return;
      camera = next;
      writeUrl();
    },
    undo() {
      const previous = history.undo();
      if (previous) {
        state.view = previous;
        void refresh();
      }
    },
    redo() {
      const next = history.redo();
      if (next) {
        state.view = next;
        void refresh();
      }
    },
    select,
    reveal(id) {
      const node = store.nodes.get(id);
      const shown = state.visible.nodes.has(id);
      if (!shown) {
        changeView(
          (v) => {
            let next = actions.expand(v, id);
            next = { ...next, hidden: next.hidden.filter((h) => h !== id) };
            if (node && next.filters.hiddenLabels.includes(node.label))
              next = actions.toggleLabel(next, node.label, false);
            return next;
          },
          { origin: id },
        );
      }
      void chain.then(() => select(id, { focus: true }));
    },
    setLang(lang) {
      state.lang = lang;
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      view.refreshLabels();
      writeUrl();
      notify();
    },
    setLayout(layout) {
      changeView((v) => actions.setLayout(v, layout));
    },
    toggleExpansion(id) {
      changeView((v) => actions.toggleExpansion(v, id), { origin: id });
    },
    hideSelected() {
      const ids = view.cy.$('node:selected').map((n) => n.id());
      if (ids.length === 0) return;
      changeView((v) => actions.hide(v, ids));
      if (state.selected && ids.includes(state.selected)) select(null);
    },
    showHidden() {
      changeView(actions.showHidden);
    },
    setPathEnd(end, id) {
      state.paths = { ...state.paths, [end]: id, found: null, active: null };
      writeUrl();
      notify();
    },
    findPaths() {
      const { from, to } = state.paths;
      if (!from || !to) return;
      state.paths = { ...state.paths, loading: true };
      notify();
      chain = chain
        .then(async () => {
          const response = await fetchPaths(from, to);
          store.put(PATH_FRAGMENT, subgraphToElements(response, parentOf));
          state.paths = {
            ...state.paths,
            loading: false,
            active: null,
            found: response.paths.map((p) => ({ nodes: [...p.nodes], edges: [...p.edges] })),
          };
        })
        .catch((error: unknown) => {
          state.paths = { ...state.paths, loading: false };
          fail(error);
        });
      void refresh().then(() => frameFoundPaths());
    },
    showPath(index) {
      state.paths = { ...state.paths, active: index };
      applyHighlight();
      notify();
      void frameFoundPaths();
    },
    clearPaths() {
      state.paths = { ...state.paths, found: null, active: null };
      void refresh();
    },
    retry() {
      state.error = null;
      state.status = store.has(BASE_FRAGMENT) ? state.status : 'loading';
      notify();
      void refresh();
      if (state.selected && !state.details) loadDetails(state.selected);
    },
    fit: () => view.fit(),
    zoomBy: (factor) => view.zoomBy(factor),
    async exportPng() {
      download(await view.png(), 'reform-graph.png');
    },
    exportSvg() {
      download(new Blob([view.svg()], { type: 'image/svg+xml' }), 'reform-graph.svg');
    },
    async exportViewData(format) {
      // The overview holds slim elements; the file carries every property, as the plan's export does.
      let complete: CyElements;
      try {
        complete = await fetchFullGraph({ labels: OVERVIEW_LABELS });
      } catch (error) {
        fail(error);
        return;
      }
      const fullNodes = new Map(complete.nodes.map(({ data }) => [data.id, data]));
      const fullEdges = new Map(complete.edges.map(({ data }) => [data.id, data]));
      const nodes: CyNodeData[] = visibleNodes().map((node) => fullNodes.get(node.id) ?? node);
      const edges: CyEdgeData[] = visibleEdges().map((edge) => fullEdges.get(edge.id) ?? edge);
      if (format === 'json') {
        const text = JSON.stringify(toCytoscapeJson(nodes, edges), null, 2);
        download(new Blob([text], { type: 'application/json' }), 'reform-graph-view.json');
      } else {
        download(
          new Blob([toGraphml(nodes, edges)], { type: 'application/graphml+xml' }),
          'reform-graph-view.graphml',
        );
      }
    },
    async copyLink() {
      writeUrl();
      try {
        await navigator.clipboard.writeText(window.location.href);
        return true;
      } catch {
        return false;
      }
    },
    async idle() {
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
        await detailsDone;
        await focusDone;
      } while (seen !== chain);
    },
    teardown() {
      detailsRequest?.abort();
      listeners.clear();
    },
  };
  if (state.selected) loadDetails(state.selected);
  return controller;
}
