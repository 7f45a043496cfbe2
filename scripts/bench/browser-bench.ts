// Browser numbers in headless Chromium: first complete frame at 1k / 10k / 50k elements on the canvas and
// WebGL renderers (stored positions, as the targets assume above ~2k nodes), pan/zoom frame rate, the longest
// main-thread task while panning, neovis.js on the same Neo4j data at 1k and 10k, and the explorer itself
// (navigation → its graph laid out and painted) at the size it opens with.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { transformWithEsbuild } from 'vite';
import { isSoftwareRenderer } from '../../client/src/graph/webgl-support.ts';
import { cytoscapePage, neovisPage, PAN_SCRIPT } from './browser-pages.ts';

export interface BrowserRow {
  elements: number;
  renderer: 'canvas' | 'webgl';
  /** `overview`: the explorer's first view of these elements (one node per domain); `all`: every element drawn. */
  level?: 'all' | 'overview';
  /** Elements actually drawn (the overview's domains and links), when fewer than `elements`. */
  drawn?: number;
  firstGraphMs: number | null;
  fps: number | null;
  longestTaskMs: number | null;
  worstFrameMs: number | null;
  peer: 'neovis.js';
  peerFirstGraphMs: number | null;
  peerElements: number | null;
  /** Set when neovis.js had drawn nothing by then: it is slower than this. */
  peerTimedOutMs: number | null;
  note?: string;
}

export interface AppRow {
  elements: number | null;
  renderer: 'canvas' | 'webgl' | null;
  firstGraphMs: number | null;
  fps: number | null;
  longestTaskMs: number | null;
  note?: string;
}

interface CyElement {
  data: Record<string, unknown> & { id: string };
  position?: { x: number; y: number };
}

interface GraphResponse {
  nodes: Array<{ data: { id: string; name: string; label: string; parent?: string } }>;
  /** The overview sends an edge id only where `source|type|target` would not tell edges apart. */
  edges: Array<{ data: { id?: string; source: string; target: string; type: string } }>;
}

const TIMEOUT_MS = 180_000;
/** neovis.js runs vis-network's physics before its first stable frame; past this the peer is recorded as slower. */
const PEER_TIMEOUT_MS = 90_000;

/** Whole plans in id order until `target` elements, laid out block by block (the stored positions). */
async function elementsFor(apiUrl: string, planIds: string[], target: number) {
  const elements: CyElement[] = [];
  const plans: string[] = [];
  for (const plan of planIds) {
    if (elements.length >= target) break;
    const response = await fetch(`${apiUrl}/api/graph?plan=${encodeURIComponent(plan)}`);
    if (!response.ok) throw new Error(`GET /api/graph?plan=${plan}: ${response.status}`);
    const graph = (await response.json()) as GraphResponse;
    const block = plans.length;
    const side = Math.ceil(Math.sqrt(graph.nodes.length));
    const originX = (block % 8) * (side * 40 + 200);
    const originY = Math.floor(block / 8) * (side * 40 + 200);
    graph.nodes.forEach((node, i) => {
      const { id, name, label, parent } = node.data;
      elements.push({
        // Label and parent are what the overview aggregates by (a task's domain).
        data: { id, name, label, ...(parent ? { parent } : {}) },
        position: { x: originX + (i % side) * 40, y: originY + Math.floor(i / side) * 40 },
      });
    });
    for (const { data } of graph.edges) {
      const id = data.id ?? `${data.source}|${data.type}|${data.target}`;
      elements.push({ data: { id, source: data.source, target: data.target, type: data.type } });
    }
    plans.push(plan);
  }
  return { elements, plans };
}

function serve(routes: Map<string, { type: string; body: string | Buffer }>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const route = routes.get((req.url ?? '/').split('?')[0] ?? '/');
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function firstGraph(
  page: Page,
  url: string,
  timeout = TIMEOUT_MS,
): Promise<{ ms: number | null; elements: number; error?: string }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, null, {
    timeout,
    polling: 100,
  });
  const result = await page.evaluate(
    () =>
      (window as unknown as { __bench: { firstGraphMs?: number; elements?: number; error?: string } })
        .__bench,
  );
  return { ms: result.firstGraphMs ?? null, elements: result.elements ?? 0, error: result.error };
}

async function pan(page: Page, ms: number) {
  return page.evaluate(
    (duration) =>
      (
        window as unknown as {
          __pan: (ms: number) => Promise<{ fps: number; longestTaskMs: number; worstFrameMs: number }>;
        }
      ).__pan(duration),
    ms,
  );
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What WebGL runs on in this browser, read as the explorer reads it (client/src/graph/webgl-support.ts). */
export async function webglRenderer(): Promise<{ renderer: string | null; software: boolean }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const renderer = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      if (!gl) return null;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
    return { renderer, software: renderer === null || isSoftwareRenderer(renderer) };
  } finally {
    await browser.close();
  }
}

export async function browserBench(options: {
  apiUrl: string;
  boltUrl: string;
  planIds: string[];
  sizes: number[];
  peerSizes: number[];
  log: (line: string) => void;
}): Promise<BrowserRow[]> {
  const routes = new Map<string, { type: string; body: string | Buffer }>();
  const js = 'text/javascript; charset=utf-8';
  routes.set('/vendor/cytoscape.js', {
    type: js,
    body: readFileSync(path.resolve('node_modules/cytoscape/dist/cytoscape.min.js')),
  });
  routes.set('/vendor/neovis.js', {
    type: js,
    body: readFileSync(path.resolve('node_modules/neovis.js/dist/neovis.js')),
  });
  const overview = await transformWithEsbuild(
    readFileSync(path.resolve('client/src/model/overview.ts'), 'utf8'),
    'overview.ts',
    { format: 'iife', globalName: 'Overview', loader: 'ts' },
  );
  routes.set('/vendor/overview.js', { type: js, body: overview.code });
  routes.set('/cy.html', { type: 'text/html; charset=utf-8', body: cytoscapePage() });
  const plansOf = new Map<number, string[]>();
  const actual = new Map<number, number>();
  for (const size of options.sizes) {
    const { elements, plans } = await elementsFor(options.apiUrl, options.planIds, size);
    routes.set(`/elements/${size}.json`, { type: 'application/json', body: JSON.stringify(elements) });
    plansOf.set(size, plans);
    actual.set(size, elements.length);
    routes.set(`/neovis-${size}.html`, {
      type: 'text/html; charset=utf-8',
      body: neovisPage(options.boltUrl, plans),
    });
  }
  const server = await serve(routes);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const rows: BrowserRow[] = [];
  try {
    for (const size of options.sizes) {
      let peerMs: number | null = null;
      let peerElements: number | null = null;
      let peerNote: string | undefined;
      let peerTimedOutMs: number | null = null;
      if (options.peerSizes.includes(size)) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        try {
          const peer = await firstGraph(page, `${base}/neovis-${size}.html`, PEER_TIMEOUT_MS);
          peerMs = peer.ms;
          peerElements = peer.elements;
          if (peer.error) peerNote = `neovis.js: ${peer.error}`;
        } catch {
          peerTimedOutMs = PEER_TIMEOUT_MS;
          peerNote = `neovis.js showed no graph within ${PEER_TIMEOUT_MS / 1000} s`;
        } finally {
          await context.close();
        }
        options.log(
          `  neovis.js ${actual.get(size)} elements: ${peerMs === null ? peerNote : `${Math.round(peerMs)} ms`}`,
        );
      }
      const modes = [
        { renderer: 'canvas', level: 'all' },
        { renderer: 'webgl', level: 'all' },
        { renderer: 'canvas', level: 'overview' },
      ] as const;
      for (const { renderer, level } of modes) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        const row: BrowserRow = {
          elements: actual.get(size) ?? size,
          renderer,
          level,
          firstGraphMs: null,
          fps: null,
          longestTaskMs: null,
          worstFrameMs: null,
          peer: 'neovis.js',
          peerFirstGraphMs: peerMs,
          peerElements,
          peerTimedOutMs,
          ...(peerNote ? { note: peerNote } : {}),
        };
        try {
          const lod = level === 'overview' ? '&lod=1' : '';
          const first = await firstGraph(page, `${base}/cy.html?n=${size}&renderer=${renderer}${lod}`);
          if (first.error) throw new Error(first.error);
          row.firstGraphMs = first.ms;
          if (level === 'overview') row.drawn = first.elements;
          const motion = await pan(page, 3000);
          row.fps = motion.fps;
          row.longestTaskMs = motion.longestTaskMs;
          row.worstFrameMs = motion.worstFrameMs;
        } catch (error) {
          row.note = [row.note, `cytoscape ${renderer}: ${String(error).split('\n')[0]}`]
            .filter(Boolean)
            .join('; ');
        } finally {
          await context.close();
        }
        options.log(
          `  cytoscape ${renderer} ${level} ${row.elements} elements (${row.drawn ?? row.elements} drawn): first graph ${row.firstGraphMs?.toFixed(0)} ms, ${row.fps?.toFixed(1)} fps, longest task ${row.longestTaskMs?.toFixed(0)} ms`,
        );
        rows.push(row);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

/** The explorer as a user opens it: navigation → its first graph laid out and painted. */
export async function appBench(appUrl: string, log: (line: string) => void): Promise<AppRow> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __app?: unknown; __cy?: { elements(): { length: number } } };
        return w.__app !== undefined && (w.__cy?.elements().length ?? 0) > 0;
      },
      null,
      { timeout: TIMEOUT_MS, polling: 50 },
    );
    const first = await page.evaluate(async () => {
      const w = window as unknown as {
        __app: { idle(): Promise<void> };
        __cy: { elements(): { length: number }; renderer(): { name?: string; webgl?: boolean } };
      };
      await w.__app.idle();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const renderer = w.__cy.renderer() as { webgl?: boolean };
      return { ms: performance.now(), elements: w.__cy.elements().length, webgl: renderer.webgl === true };
    });
    await page.evaluate(() => {
      const w = window as unknown as {
        __cy: { panBy(p: { x: number; y: number }): void; zoom(): number; zoom(o: object): void };
        __panStep?: (i: number) => void;
      };
      w.__panStep = (i) => {
        w.__cy.panBy({ x: 4, y: 2 });
        if (i % 10 === 0)
          w.__cy.zoom({
            level: w.__cy.zoom() * (i % 20 === 0 ? 1.05 : 0.96),
            renderedPosition: { x: 400, y: 300 },
          });
      };
    });
    // Evaluated through the DevTools protocol: the explorer's CSP rightly refuses inline scripts.
    await page.evaluate(PAN_SCRIPT);
    const motion = await pan(page, 3000);
    const row: AppRow = {
      elements: first.elements,
      renderer: first.webgl ? 'webgl' : 'canvas',
      firstGraphMs: first.ms,
      fps: motion.fps,
      longestTaskMs: motion.longestTaskMs,
    };
    log(
      `  explorer: ${row.elements} elements, first graph ${row.firstGraphMs?.toFixed(0)} ms, ${row.fps?.toFixed(1)} fps`,
    );
    return row;
  } finally {
    await browser.close();
  }
}
