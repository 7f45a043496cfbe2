// The Cytoscape view: owns the instance, brings its elements in line with the visible set the UI computed
// (add/remove/move inside one batch), runs layouts, toggles appearance classes and raises typed events.
// Above DEFAULT_WEBGL_THRESHOLD elements it rebuilds itself on the WebGL renderer, when WebGL runs on a GPU.
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { DOMAIN_LINK } from '../model/overview.ts';
import type { Camera, Lang, LayoutName } from '../types.ts';
import { arrangeDomains } from './domain-boxes.ts';
import { Emitter, type ViewEvents } from './events.ts';
import { layoutOptions, usesCompounds } from './layouts.ts';
import { overviewLayout } from './overview-layout.ts';
import { withSeededRandom } from './seeded-random.ts';
import { buildStylesheet } from './style.ts';
import { type SyncInput, type SyncResult, syncElements } from './sync-elements.ts';
import { hasHardwareWebgl } from './webgl-support.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

export const DEFAULT_WEBGL_THRESHOLD = 4000;

/** Space around the graph when it is fitted to the graph area (CSS px), as the layouts use. */
const FIT_PADDING = 30;

/** How long the camera must be still before its position is reported (and written to the URL). */
const CAMERA_SETTLE_MS = 200;

/**
 * Resolves when a viewport animation completes — or shortly after its duration, since an animation that
 * another one stops (cy.stop()) never calls `complete`, and waiting on it would hang whoever awaits.
 */
function animated(start: (complete: () => void) => void, durationMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, durationMs + 150);
    start(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const FOCUS_ZOOM = { min: 0.6, max: 1.4 };

export type { SyncInput, SyncResult };

export interface GraphView {
  readonly cy: Core;
  readonly events: Emitter<ViewEvents>;
  readonly webgl: boolean;
  sync(input: SyncInput): SyncResult;
  runLayout(layout: LayoutName, options?: { animate?: boolean; fresh?: boolean }): Promise<void>;
  refreshLabels(): void;
  select(id: string | null): void;
  /** Centres the node at a readable zoom; resolves when the animation ends. */
  focus(id: string): Promise<void>;
  /** Emphasises these elements and fades the rest; empty lists clear it. */
  highlight(nodes: readonly string[], edges: readonly string[], className?: 'highlighted' | 'path'): void;
  fit(): void;
  zoomBy(factor: number): void;
  /** Frames these nodes (and the edges between them) in the graph area; resolves when the animation ends. */
  frame(ids: readonly string[]): Promise<void>;
  /** The zoom and the model point at the centre of the graph area. */
  camera(): Camera;
  /** The overview's closed domain under the graph area's centre, if at least `share` of its width wide. */
  domainInFocus(share: number): string | null;
  setCamera(camera: Camera): void;
  png(): Promise<Blob>;
  svg(): string;
  destroy(): void;
}

export interface GraphViewOptions {
  container: HTMLElement;
  getLang: () => Lang;
  /** Seeds the layouts' random numbers (the plan id), so a plan is drawn the same way on every load. */
  seed?: string;
  /** Elements above which WebGL draws; by default 4,000 with a GPU and never without one. */
  webglThreshold?: number;
}

function createCore(container: HTMLElement, getLang: () => Lang, webgl: boolean): Core {
  return cytoscape({
    container,
    style: buildStylesheet(getLang),
    minZoom: 0.05,
    maxZoom: 6,
    boxSelectionEnabled: true,
    selectionType: 'single',
    hideEdgesOnViewport: true,
    textureOnViewport: true,
    pixelRatio: 'auto',
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
}

/** The zoom and the model point at the centre of `core`'s graph area. */
function cameraOf(core: Core): Camera {
  const zoom = core.zoom();
  const pan = core.pan();
  return { zoom, x: (core.width() / 2 - pan.x) / zoom, y: (core.height() / 2 - pan.y) / zoom };
}

/** Turns `core`'s taps and hovers into typed view events; `viewportMoved` runs on every pan or zoom. */
function bindEvents(core: Core, events: Emitter<ViewEvents>, viewportMoved: () => void): void {
  core.on('viewport', viewportMoved);
  core.on('tap', 'node', (event: EventObject) => events.emit('nodeSelected', { id: event.target.id() }));
  core.on('tap', (event: EventObject) => {
    if (event.target === core) events.emit('selectionCleared', {});
  });
  core.on('dbltap', 'node', (event: EventObject) =>
    events.emit('expandRequested', { id: event.target.id() }),
  );
  core.on('mouseover', 'node', (event: EventObject) => {
    event.target.addClass('hover');
    // An overview link says what it carries while one of its domains is pointed at.
    event.target.connectedEdges(`[type = "${DOMAIN_LINK}"]`).addClass('hover');
    const p = event.renderedPosition ?? event.target.renderedPosition();
    events.emit('nodeHovered', { id: event.target.id(), x: p.x, y: p.y });
  });
  core.on('mouseout', 'node', (event: EventObject) => {
    event.target.removeClass('hover');
    event.target.connectedEdges(`[type = "${DOMAIN_LINK}"]`).removeClass('hover');
    events.emit('nodeHoverEnded', { id: event.target.id() });
  });
  core.on('mouseover', 'edge', (event: EventObject) => {
    const p = event.renderedPosition ?? { x: 0, y: 0 };
    events.emit('edgeHovered', { id: event.target.id(), x: p.x, y: p.y });
  });
  core.on('mouseout', 'edge', (event: EventObject) =>
    events.emit('edgeHoverEnded', { id: event.target.id() }),
  );
}

/** Centres node `id` as close as lets its neighbours stay in view, within FOCUS_ZOOM; resolves when done. */
function focusNode(cy: Core, id: string): Promise<void> {
  cy.resize();
  const node = cy.getElementById(id) as NodeSingular;
  if (node.empty()) return Promise.resolve();
  const p = node.position();
  let reach = { x: 1, y: 1 };
  for (const other of node.neighborhood().nodes().toArray()) {
    const q = other.position();
    reach = { x: Math.max(reach.x, Math.abs(q.x - p.x)), y: Math.max(reach.y, Math.abs(q.y - p.y)) };
  }
  const fits = Math.min((cy.width() / 2 - 60) / reach.x, (cy.height() / 2 - 40) / reach.y);
  const zoom = Math.min(FOCUS_ZOOM.max, Math.max(FOCUS_ZOOM.min, fits));
  const pan = { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom };
  cy.stop();
  return animated((complete) => cy.animate({ zoom, pan }, { duration: 400, complete }), 400);
}

/** The overview's closed domain under the graph area's centre, if at least `share` of its width wide. */
function domainAtCentre(cy: Core, share: number): string | null {
  const x = cy.width() / 2;
  const y = cy.height() / 2;
  const hit = cy.nodes('[lod = "closed"]').filter((node) => {
    const b = node.renderedBoundingBox({ includeLabels: false });
    return b.x1 <= x && x <= b.x2 && b.y1 <= y && y <= b.y2 && b.w >= share * cy.width();
  });
  return hit.nonempty() ? hit.first().id() : null;
}

/** The layout that runs now, if any: a later run stops it, and only its end may rearrange the graph. */
interface RunningLayout {
  layout: cytoscape.Layouts | null;
}

/**
 * Runs `layout` over the current instance (the overview's own layout when every node is a closed domain),
 * seeded by `seed` so a plan is drawn the same way each time; resolves when it stops, after compound layouts
 * have sized their domain boxes and fitted the graph (unless another run replaced it meanwhile).
 */
function runSeededLayout(
  currentCore: () => Core,
  layout: LayoutName,
  opts: { animate?: boolean; fresh?: boolean },
  seed: string,
  running: RunningLayout,
): Promise<void> {
  running.layout?.stop();
  const cy = currentCore();
  if (cy.nodes().empty()) return Promise.resolve();
  const animate = opts.animate ?? true;
  const overviewOnly = layout === 'grouped' && cy.nodes().every((n) => n.data('lod') === 'closed');
  const layoutRun = cy.layout(
    overviewOnly
      ? overviewLayout(cy, { animate, padding: FIT_PADDING })
      : layoutOptions(cy, layout, { animate, fresh: opts.fresh ?? false }),
  );
  running.layout = layoutRun;
  const done = new Promise<void>((resolve) =>
    layoutRun.one('layoutstop', () => {
      if (usesCompounds(layout) && running.layout === layoutRun) {
        // The instance as it is when the layout stops: a switch of renderer in between replaces it.
        arrangeDomains(currentCore(), FIT_PADDING);
        currentCore().fit(undefined, FIT_PADDING);
      }
      resolve();
    }),
  );
  // Layouts compute synchronously inside run() (only the animation is deferred), so the seed covers them.
  withSeededRandom(`${seed}|${layout}`, () => layoutRun.run());
  return done;
}

/** Frames these nodes (and the edges between them) in the graph area; resolves when the animation ends. */
function frameNodes(cy: Core, ids: readonly string[]): Promise<void> {
  cy.resize();
  const eles = cy.collection();
  for (const id of ids) eles.merge(cy.getElementById(id));
  if (eles.empty()) return Promise.resolve();
  cy.stop();
  return animated((complete) => cy.animate({ fit: { eles, padding: 60 } }, { duration: 400, complete }), 400);
}

/** Mounts a Cytoscape view in `options.container`; switches to WebGL above the threshold. */
export function mountGraphView(options: GraphViewOptions): GraphView {
  const { container, getLang } = options;
  const threshold =
    options.webglThreshold ?? (hasHardwareWebgl() ? DEFAULT_WEBGL_THRESHOLD : Number.POSITIVE_INFINITY);
  const events = new Emitter<ViewEvents>();
  let webgl = false;
  let cy = createCore(container, getLang, webgl);
  const running: RunningLayout = { layout: null };

  let cameraTimer: ReturnType<typeof setTimeout> | null = null;
  const bind = (core: Core) =>
    bindEvents(core, events, () => {
      if (cameraTimer) clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => {
        cameraTimer = null;
        events.emit('cameraChanged', cameraOf(core));
      }, CAMERA_SETTLE_MS);
    });
  bind(cy);
  // Panels opening and closing resize the container; Cytoscape only notices window resizes by itself.
  const resizeObserver = new ResizeObserver(() => cy.resize());
  resizeObserver.observe(container);

  const rebuild = (useWebgl: boolean) => {
    const json = cy.elements().jsons();
    const viewport = { zoom: cy.zoom(), pan: cy.pan() };
    cy.destroy();
    webgl = useWebgl;
    cy = createCore(container, getLang, webgl);
    bind(cy);
    cy.add(json as unknown as ElementDefinition[]);
    cy.viewport(viewport);
  };

  const sync = (input: SyncInput): SyncResult => {
    const size = new Set(input.nodes.map((n) => n.id)).size + new Set(input.edges.map((e) => e.id)).size;
    if (size > threshold !== webgl) rebuild(size > threshold);
    return syncElements(cy, input);
  };

  const runLayout: GraphView['runLayout'] = (layout, opts = {}) =>
    runSeededLayout(() => cy, layout, opts, options.seed ?? '', running);

  const clearClasses = () => cy.elements().removeClass('highlighted faded path');

  return {
    get cy() {
      return cy;
    },
    events,
    get webgl() {
      return webgl;
    },
    sync,
    runLayout,
    refreshLabels: () => cy.style().update(),
    select(id) {
      cy.batch(() => {
        cy.$(':selected').unselect();
        if (id) cy.getElementById(id).select();
      });
    },
    focus: (id) => focusNode(cy, id),
    highlight(nodes, edges, className = 'highlighted') {
      cy.batch(() => {
        clearClasses();
        if (nodes.length === 0 && edges.length === 0) return;
        const keep = cy.collection();
        for (const id of nodes) keep.merge(cy.getElementById(id));
        for (const id of edges) keep.merge(cy.getElementById(id));
        keep.addClass(className);
        cy.elements().not(keep).not(keep.ancestors()).addClass('faded');
      });
    },
    fit: () => {
      cy.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 300 });
    },
    zoomBy(factor) {
      const center = { x: cy.width() / 2, y: cy.height() / 2 };
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: center });
    },
    frame: (ids) => frameNodes(cy, ids),
    camera: () => cameraOf(cy),
    domainInFocus: (share) => domainAtCentre(cy, share),
    setCamera({ zoom, x, y }) {
      cy.resize();
      cy.viewport({ zoom, pan: { x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom } });
    },
    png: () => cy.png({ output: 'blob-promise', full: false, scale: 2, bg: '#ffffff' }),
    svg: () => cy.svg({ full: false, scale: 1, bg: '#ffffff' }),
    destroy() {
      if (cameraTimer) clearTimeout(cameraTimer);
      resizeObserver.disconnect();
      running.layout?.stop();
      events.clear();
      cy.destroy();
    },
  };
}
