// Layouts worth choosing (issue 15, item 7), on the whole plan (`lod=all`: every domain open) at 1280×720 and
// 1920×1080. Each layout puts every node at the same model position on two loads of the same URL. The
// hierarchy fills the graph area: fitted to it, a picture whose aspect ratio is r times the area's fills one
// dimension and 1/r of the other, so an aspect ratio within 0.5–2× of the area's means at least half of both
// are used (dagre alone drew a strip 10× wider than high: 16% of the height at 1920×1080). In concentric, no two
// domain titles overlap, and no title lies on another node.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from './_browser.ts';
import { closeAll, largestShift, openExplorer, positions } from './_explorer.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const LAYOUTS = ['grouped', 'hierarchy', 'concentric', 'circle'] as const;

/** The drawn picture's box on screen against the graph area's, after the layout's own fit. */
function picture(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape');
    const box = cy.elements().renderedBoundingBox();
    return { w: box.w, h: box.h, areaW: cy.width(), areaH: cy.height() };
  });
}

interface Title {
  id: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Domain titles' boxes and other nodes' bodies, in model units, with the zoom that would draw the titles. */
function titleBoxes(page: Page) {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape');
    const only = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false };
    const body = { includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false };
    const domains = cy.nodes('[label = "Domain"]');
    const titles = domains.map((d) => ({ id: d.id(), ...d.boundingBox(only) }));
    const others = cy.nodes('[label != "Domain"]').map((n) => ({ id: n.id(), ...n.boundingBox(body) }));
    const fontPx = Number.parseFloat(String(domains.first().style('font-size')));
    return { titles, others, fontPx, zoom: cy.zoom() };
  });
}

const overlaps = (a: Title, b: Title) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function collisions(titles: Title[], others: Title[]): string[] {
  const found: string[] = [];
  titles.forEach((a, i) => {
    for (const b of titles.slice(i + 1)) if (overlaps(a, b)) found.push(`${a.id} × ${b.id}`);
    for (const b of others) if (overlaps(a, b)) found.push(`${a.id} × ${b.id}`);
  });
  return found;
}

describe('layouts worth choosing', () => {
  afterEach(closeAll);

  for (const size of SIZES) {
    it(`places every node at the same position on two loads, in each layout, at ${size.width}×${size.height}`, async () => {
      for (const layout of LAYOUTS) {
        const url = `/?lang=en&lod=all&layout=${layout}`;
        const first = await positions(await openExplorer(url, size));
        const second = await positions(await openExplorer(url, size));
        expect(Object.keys(first).length, layout).toBeGreaterThan(100);
        expect(largestShift(first, second), layout).toBeLessThan(0.5);
        await closeAll();
      }
    });

    it(`draws the hierarchy over at least half the graph area's width and height at ${size.width}×${size.height}`, async () => {
      const page = await openExplorer('/?lang=en&lod=all&layout=hierarchy', size);
      const { w, h, areaW, areaH } = await picture(page);
      const ratio = w / h / (areaW / areaH);
      expect(ratio).toBeGreaterThanOrEqual(0.5);
      expect(ratio).toBeLessThanOrEqual(2);
      expect(w / areaW).toBeGreaterThanOrEqual(0.5);
      expect(h / areaH).toBeGreaterThanOrEqual(0.5);
      if (size.width === 1920) await screenshot(page, 'explorer-hierarchy-en-1920x1080');
    });

    it(`keeps concentric's domain titles apart from each other and from every node at ${size.width}×${size.height}`, async () => {
      const page = await openExplorer('/?lang=en&lod=all&layout=concentric', size);
      const { titles, others, fontPx } = await titleBoxes(page);
      expect(titles).toHaveLength(8);
      expect(collisions(titles, others)).toEqual([]);
      // Zoomed until the titles are drawn (≥ 11 px on screen), they are still apart: the check is in model units.
      await page.evaluate((zoom) => {
        const cy = window.__cy;
        if (!cy) return;
        cy.zoom(zoom);
        cy.center(cy.nodes('[label = "Domain"]'));
      }, 12 / fontPx);
      if (size.width === 1920) await screenshot(page, 'explorer-concentric-hub-en-1920x1080');
    });
  }

  it('draws the overview (the first view) in concentric with no two domain titles on each other', async () => {
    const page = await openExplorer('/?lang=en&layout=concentric', { width: 1920, height: 1080 });
    const { titles, others } = await titleBoxes(page);
    expect(titles.length).toBeGreaterThanOrEqual(8);
    expect(collisions(titles, others)).toEqual([]);
  });
});

describe('screenshots of the whole plan', () => {
  afterEach(closeAll);

  it('keeps the concentric picture of the whole plan in English at 1920×1080', async () => {
    const page = await openExplorer('/?lang=en&lod=all&layout=concentric', { width: 1920, height: 1080 });
    await screenshot(page, 'explorer-concentric-en-1920x1080');
  });
});
