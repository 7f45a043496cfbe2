// The Cytoscape view: owns the instance, brings its elements in line with the visible set the UI computed
// (add/remove/move inside one batch), runs layouts, toggles appearance classes and raises typed events.
// Above DEFAULT_WEBGL_THRESHOLD elements it rebuilds itself on the WebGL renderer, when WebGL runs on a GPU.
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { DOMAIN_LINK, type DomainLink } from '../model/overview.ts';
import type { Camera, CyEdgeData, CyNodeData, Lang, LayoutName } from '../types.ts';
import { arrangeDomains } from './domain-boxes.ts';
import { Emitter, type ViewEvents } from './events.ts';
import { layoutOptions, usesCompounds } from './layouts.ts';
import { overviewLayout } from './overview-layout.ts';
import { withSeededRandom } from './seeded-random.ts';
import { buildStylesheet } from './style.ts';
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

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FOCUS_ZOOM = { min: 0.6, max: 1.4 };

export interface SyncInput {
  nodes: CyNodeData[];
  /** Stored edges, and the overview's aggregated links between domains. */
  edges: Array<CyEdgeData | DomainLink>;
  layout: LayoutName;
  /** New nodes start around this node (the one being expanded), so the layout moves them out from there. */
  origin?: string | null;
}

export interface SyncResult {
  added: number;
  removed: number;
}

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

export function mountGraphView(options: GraphViewOptions): GraphView {
  const { container, getLang } = options;
  const threshold =
    options.webglThreshold ?? (hasHardwareWebgl() ? DEFAULT_WEBGL_THRESHOLD : Number.POSITIVE_INFINITY);
  const events = new Emitter<ViewEvents>();
  let webgl = false;
  let cy = createCore(container, getLang, webgl);
  let running: cytoscape.Layouts | null = null;

  let cameraTimer: ReturnType<typeof setTimeout> | null = null;
  const cameraOf = (core: Core): Camera => {
    const zoom = core.zoom();
    const pan = core.pan();
    return { zoom, x: (core.width() / 2 - pan.x) / zoom, y: (core.height() / 2 - pan.y) / zoom };
  };

  const bind = (core: Core) => {
    core.on('viewport', () => {
      if (cameraTimer) clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => {
        cameraTimer = null;
        events.emit('cameraChanged', cameraOf(core));
      }, CAMERA_SETTLE_MS);
    });
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
  };
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
    const compound = usesCompounds(input.layout);
    const wantNodes = new Map(input.nodes.map((n) => [n.id, n]));
    const wantEdges = new Map(input.edges.map((e) => [e.id, e]));
    const desiredParent = (node: CyNodeData) =>
      compound && typeof node.parent === 'string' && wantNodes.has(node.parent) ? node.parent : null;
    const size = wantNodes.size + wantEdges.size;
    if (size > threshold !== webgl) rebuild(size > threshold);

    let added = 0;
    let removed = 0;
    cy.batch(() => {
      const goneEdges = cy.edges().filter((e) => !wantEdges.has(e.id()));
      removed += goneEdges.length;
      goneEdges.remove();
      // Children that stay must leave a parent that goes, or they would be removed with it.
      for (const node of cy.nodes().toArray()) {
        const want = wantNodes.get(node.id());
        const current = node.parent().nonempty() ? node.parent().first().id() : null;
        const next = want ? desiredParent(want) : null;
        if (want && current !== next && (next === null || cy.getElementById(next).nonempty())) {
          node.move({ parent: next });
        }
      }
      const goneNodes = cy.nodes().filter((n) => !wantNodes.has(n.id()));
      removed += goneNodes.length;
      goneNodes.remove();

      const origin = input.origin ? cy.getElementById(input.origin) : null;
      const base = origin?.nonempty() ? origin.position() : null;
      const missing = input.nodes.filter((n) => cy.getElementById(n.id).empty());
      // Parents first, so children can be placed inside them; then by id, so the layout sees the same
      // order whatever order the API answered in (a seeded layout is only deterministic on the same input).
      missing.sort(
        (a, b) => Number(b.label === 'Domain') - Number(a.label === 'Domain') || compareIds(a.id, b.id),
      );
      missing.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / Math.max(missing.length, 1);
        const position = base
          ? { x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle) }
          : undefined;
        cy.add({ group: 'nodes', data: { ...node, parent: desiredParent(node) ?? undefined }, position });
        added += 1;
      });
      for (const node of input.nodes) {
        const ele = cy.getElementById(node.id);
        // A domain switches between the overview's node (with its counts) and an open box.
        if (node.label === 'Domain' && ele.data('lod') !== node.lod) {
          if (node.lod === 'closed') ele.data({ ...node, parent: ele.data('parent') });
          else ele.removeData('lod tasks agencies pilots');
        }
        const current = ele.parent().nonempty() ? ele.parent().first().id() : null;
        const next = desiredParent(node);
        if (current !== next) ele.move({ parent: next });
      }
      for (const edge of [...input.edges].sort((a, b) => compareIds(a.id, b.id))) {
        const existing = cy.getElementById(edge.id);
        // An aggregated link's counts follow the filters.
        if (existing.nonempty() && edge.type === DOMAIN_LINK) existing.data({ ...edge });
        if (existing.nonempty()) continue;
        cy.add({ group: 'edges', data: { ...edge } });
        added += 1;
      }
    });
    return { added, removed };
  };

  const runLayout: GraphView['runLayout'] = (layout, opts = {}) => {
    running?.stop();
    if (cy.nodes().empty()) return Promise.resolve();
    const animate = opts.animate ?? true;
    const overviewOnly = layout === 'grouped' && cy.nodes().every((n) => n.data('lod') === 'closed');
    const layoutRun = cy.layout(
      overviewOnly
        ? overviewLayout(cy, { animate, padding: FIT_PADDING })
        : layoutOptions(cy, layout, { animate, fresh: opts.fresh ?? false }),
    );
    running = layoutRun;
    const done = new Promise<void>((resolve) =>
      layoutRun.one('layoutstop', () => {
        if (usesCompounds(layout) && running === layoutRun) {
          arrangeDomains(cy, FIT_PADDING);
          cy.fit(undefined, FIT_PADDING);
        }
        resolve();
      }),
    );
    // Layouts compute synchronously inside run() (only the animation is deferred), so the seed covers them.
    withSeededRandom(`${options.seed ?? ''}|${layout}`, () => layoutRun.run());
    return done;
  };

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
    focus(id) {
      cy.resize();
      const node = cy.getElementById(id) as NodeSingular;
      if (node.empty()) return Promise.resolve();
      const p = node.position();
      // As close as lets the node's neighbours stay in view around it, within readable bounds.
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
    },
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
    frame(ids) {
      cy.resize();
      const eles = cy.collection();
      for (const id of ids) eles.merge(cy.getElementById(id));
      if (eles.empty()) return Promise.resolve();
      cy.stop();
      return animated(
        (complete) => cy.animate({ fit: { eles, padding: 60 } }, { duration: 400, complete }),
        400,
      );
    },
    camera: () => cameraOf(cy),
    domainInFocus(share) {
      const x = cy.width() / 2;
      const y = cy.height() / 2;
      const hit = cy.nodes('[lod = "closed"]').filter((node) => {
        const b = node.renderedBoundingBox({ includeLabels: false });
        return b.x1 <= x && x <= b.x2 && b.y1 <= y && y <= b.y2 && b.w >= share * cy.width();
      });
      return hit.nonempty() ? hit.first().id() : null;
    },
    setCamera({ zoom, x, y }) {
      cy.resize();
      cy.viewport({ zoom, pan: { x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom } });
    },
    png: () => cy.png({ output: 'blob-promise', full: false, scale: 2, bg: '#ffffff' }),
    svg: () => cy.svg({ full: false, scale: 1, bg: '#ffffff' }),
    destroy() {
      if (cameraTimer) clearTimeout(cameraTimer);
      resizeObserver.disconnect();
      running?.stop();
      events.clear();
      cy.destroy();
    },
  };
}
