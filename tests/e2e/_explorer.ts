// Helpers for the explorer's browser tests: open the page and wait until the graph is drawn and laid out,
// read the drawn elements through the page's Cytoscape instance, and act on nodes where they are drawn.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage } from './_browser.ts';

const opened: Page[] = [];

/** Opens a page and remembers it, so closeAll() can free the browser between tests on a busy machine. */
export async function openTracked(
  pathAndQuery = '/',
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await openPage(pathAndQuery, viewport);
  opened.push(page);
  return page;
}

export async function openExplorer(
  pathAndQuery = '/',
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await openTracked(pathAndQuery, viewport);
  await settle(page);
  return page;
}

export async function closeAll(): Promise<void> {
  const pages = opened.splice(0);
  await Promise.all(pages.map((page) => page.context().close()));
}

/** Waits for loading, expansions, layout animations and the details request to finish. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.__app !== undefined && window.__app.state.status !== 'loading',
    null,
    {
      timeout: 60_000,
    },
  );
  await page.evaluate(() => window.__app?.idle());
}

export interface DrawnElements {
  nodes: string[];
  edges: string[];
}

export function drawnElements(page: Page): Promise<DrawnElements> {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape instance on the page');
    return {
      nodes: cy
        .nodes()
        .map((n) => n.id())
        .sort(),
      edges: cy
        .edges()
        .map((e) => e.id())
        .sort(),
    };
  });
}

export function countDrawn(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => window.__cy?.$(s).length ?? -1, selector);
}

/** The page coordinates of a drawn node's centre. */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape instance on the page');
    const node = cy.getElementById(nodeId);
    if (node.empty()) throw new Error(`node ${nodeId} is not drawn`);
    const box = cy.container()?.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: (box?.left ?? 0) + p.x, y: (box?.top ?? 0) + p.y };
  }, id);
}

/** Brings a node into the middle of the view at a readable zoom, so a click lands on it and nothing else. */
export async function centreOn(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape instance on the page');
    cy.zoom(1.5);
    cy.center(cy.getElementById(nodeId));
  }, id);
}

/** A task that is drawn and not under another node, for clicking. */
export function someTask(page: Page): Promise<string> {
  return page.evaluate(() => {
    const cy = window.__cy;
    const task = cy?.nodes('[label = "Task"]').first();
    if (!task || task.empty()) throw new Error('no task drawn');
    return task.id();
  });
}

export type Positions = Record<string, { x: number; y: number }>;

/** Model positions of every drawn node, by id. */
export function positions(page: Page): Promise<Positions> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    for (const node of window.__cy?.nodes().toArray() ?? []) out[node.id()] = node.position();
    return out;
  });
}

/** The largest distance a node moved between two readings (model units); the same nodes must be drawn. */
export function largestShift(a: Positions, b: Positions): number {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  return Math.max(
    ...Object.entries(a).map(([id, p]) => {
      const q = b[id] ?? { x: Number.NaN, y: Number.NaN };
      return Math.hypot(p.x - q.x, p.y - q.y);
    }),
  );
}

/** The camera and the graph area (CSS px). */
export function viewport(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape');
    return { zoom: cy.zoom(), pan: cy.pan(), width: cy.width(), height: cy.height() };
  });
}
