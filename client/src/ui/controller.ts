// The controller: one typed state, small actions that change it, and one refresh that brings the graph view,
// the URL and the components in line. View changes go through the undo history; selection, language and
// found paths do not (they are what the reader looks at, not the view they built).

import { MissingPlanError, missingPlan } from '../api/active-plan.ts';
import { fetchGraph, fetchNeighbors, fetchPaths, subgraphToElements } from '../api/graph-api.ts';
import { ApiError } from '../api/http.ts';
import type { GraphView } from '../graph/graph-view.ts';
import { usesCompounds } from '../graph/layouts.ts';
import { drawPlan } from '../model/draw-plan.ts';
import {
  BASE_FRAGMENT,
  ElementStore,
  expansionFragment,
  filterCounts,
  PATH_FRAGMENT,
} from '../model/element-store.ts';
import { History } from '../model/history.ts';
import { type MessageKey, t } from '../model/i18n.ts';
import { domainsHolding } from '../model/overview.ts';
import * as actions from '../model/view-state.ts';
import { OVERVIEW_LABELS } from '../model/vocabulary.ts';
import type { Camera, UrlState, ViewState } from '../types.ts';
import type { AppContext, AppState } from './context.ts';
import { createDetailsLoader } from './details-loader.ts';
import { download } from './dom.ts';
import { applyHighlight } from './highlight.ts';
import { writeViewUrl } from './plan-link.ts';
import { downloadViewData } from './view-export.ts';

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

const DOUBLE_CLICK_MS = 600;
const ZOOM_OPEN_SHARE = 0.4; // a closed domain under the centre this share of the graph area wide opens
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
    ...{ canUndo: false, canRedo: false, folded: 0, domainLinks: 0 },
    visible: { nodes: new Set(), edges: new Set() },
    counts: { labels: new Map(), types: new Map(), domains: new Map(), basis: new Map() },
    busy: false,
  };
  let chain: Promise<void> = Promise.resolve();
  let focusDone: Promise<void> = Promise.resolve();
  let laidOut: string | null = null;
  /** The domain a click last opened, and when: the same double click must not close it again. */
  let openedAt: { id: string; at: number } | null = null;
  /** The zoom after the last layout or settled camera: zooming in from there may open a domain. */
  let lastZoom = Number.POSITIVE_INFINITY;
  /** The camera the link asked for (restored after the first layout), then wherever the user moved it. */
  let camera: Camera | null = initial.camera ?? null;

  const notify = () => {
    state.canUndo = history.canUndo;
    state.canRedo = history.canRedo;
    for (const listener of listeners) listener();
  };

  const writeUrl = () => writeViewUrl(state, camera);

  const fail = (error: unknown) => {
    state.error = error instanceof Error ? error : new Error(String(error));
    state.status = store.has(BASE_FRAGMENT) ? 'ready' : 'error';
    state.busy = false;
    notify();
  };
  const details = createDetailsLoader(state, notify, fail);

  const parentOf = (id: string) => {
    const parent = store.nodes.get(id)?.parent;
    return typeof parent === 'string' ? parent : null;
  };
  const isClosedDomain = (id: string) =>
    state.view.overview && store.nodes.get(id)?.label === 'Domain' && !state.view.opened.includes(id);

  /** A link selecting a node the overview folds away opens its domains (a task's; an agency's tasks'). */
  const holding = (id: string) => domainsHolding(store.nodes, store.edges, id);
  /** The view that draws a node the overview folds: its domains opened, or every domain when none holds it. */
  const unfoldFor = (v: ViewState, id: string): ViewState => {
    const domains = holding(id);
    return domains.length > 0 ? domains.reduce(actions.openDomain, v) : { ...v, overview: false, opened: [] };
  };
  const openSelectedDomain = () => {
    const id = state.selected;
    if (!id || !state.view.overview || !store.nodes.has(id)) return;
    const next = holding(id).reduce(actions.openDomain, state.view);
    if (next === state.view) return;
    history.reset(next);
    state.view = history.present;
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

  async function doRefresh(options: RefreshOptions) {
    state.busy = true;
    state.error = null;
    await load();
    const extra = state.paths.found ? [PATH_FRAGMENT] : [];
    const first = laidOut === null;
    if (first) openSelectedDomain();
    const plan = drawPlan(store, state.view, extra, usesCompounds(state.view.layout));
    const { visible, nodes, edges } = plan;
    state.folded = plan.folded;
    state.domainLinks = plan.links;
    state.visible = visible;
    state.counts = filterCounts(store, plan.loaded, plan.kept);
    const result = view.sync({ nodes, edges, layout: state.view.layout, origin: options.origin ?? null });
    state.status = (store.fragment(BASE_FRAGMENT)?.nodes.length ?? 0) === 0 ? 'empty' : 'ready';
    view.select(state.selected && visible.nodes.has(state.selected) ? state.selected : null);
    applyHighlight(view, state);
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
      lastZoom = view.camera().zoom;
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

  const select: AppContext['select'] = (id, options = {}) => {
    // A domain drawn as one node opens in place when it is chosen (click, keyboard list, search).
    const opening = id !== null && isClosedDomain(id);
    // A node folded into closed domains (chosen on another page, or in search) opens them.
    const folded = id !== null && !opening && state.view.overview && !state.visible.nodes.has(id);
    const unfolded = folded ? unfoldFor(state.view, id) : state.view;
    const unfolding = unfolded !== state.view;
    if (opening) {
      openedAt = { id, at: performance.now() };
      changeView((v) => actions.openDomain(v, id), { origin: id });
    } else if (unfolding) changeView(() => unfolded, { origin: id });
    state.selected = id;
    view.select(id);
    applyHighlight(view, state);
    details.load(id);
    writeUrl();
    notify();
    // After the panels render (the centre is theirs to leave) and any opening layout (a focus would stop it).
    const ready = opening || unfolding ? chain.then(nextFrame) : nextFrame();
    if (id && options.focus) focusDone = ready.then(() => view.focus(id));
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
      const zoomedIn = next.zoom > lastZoom * 1.02;
      lastZoom = next.zoom;
      camera = next;
      writeUrl();
      // Zooming into a domain of the overview until it fills much of the graph area opens it there.
      const id = zoomedIn && !state.busy && state.view.overview ? view.domainInFocus(ZOOM_OPEN_SHARE) : null;
      if (id === null) return;
      changeView((v) => actions.openDomain(v, id), { origin: id });
      void chain.then(() => view.frame([id, ...[...state.visible.nodes].filter((n) => parentOf(n) === id)]));
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
            // Opened in place when the overview folds it (another page's "open in graph").
            let next = actions.expand(v.overview && store.nodes.has(id) ? unfoldFor(v, id) : v, id);
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
      if (state.view.overview && store.nodes.get(id)?.label === 'Domain') {
        // The double click's own first click opened it: closing it again would undo what the reader asked.
        if (openedAt?.id === id && performance.now() - openedAt.at < DOUBLE_CLICK_MS) return;
        changeView((v) => actions.toggleDomainOpen(v, id), { origin: id });
      } else changeView((v) => actions.toggleExpansion(v, id), { origin: id });
    },
    showOverview() {
      // Laid out again: the overview's own arrangement, not wherever the open boxes had pushed the domains.
      changeView(actions.showOverview, { layout: 'force' });
    },
    openAll() {
      changeView(actions.openAll);
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
      applyHighlight(view, state);
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
      if (state.selected && !state.details) details.load(state.selected);
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
      try {
        await downloadViewData(format, visibleNodes(), visibleEdges());
      } catch (error) {
        fail(error);
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
        await details.done();
        await focusDone;
      } while (seen !== chain);
    },
    teardown() {
      details.abort();
      listeners.clear();
    },
  };
  if (state.selected) details.load(state.selected);
  return controller;
}
