// Readable at first sight, at the three common screen sizes: every label Cytoscape draws is at least 11 CSS
// px on screen (smaller ones are not drawn), every domain title is drawn in the default view (the overview of
// domains), and no two domain boxes overlap — titles included — in the default view and after opening and
// zooming into a domain; the same URL gives the same positions, and a deep link into a domain its camera.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshot } from './_browser.ts';
import { closeAll, largestShift, openExplorer, positions, settle, viewport } from './_explorer.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
];

interface Reading {
  /** Labels that would be drawn (on-screen size at or above Cytoscape's min-zoomed-font-size) below 11 px. */
  tooSmall: string[];
  drawnLabels: number;
  domainTitlesPx: number[];
  overlaps: string[];
  titleOverlaps: string[];
}

function read(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape');
    const zoom = cy.zoom();
    const tooSmall: string[] = [];
    let drawnLabels = 0;
    for (const ele of cy.elements().toArray()) {
      const label = String(ele.style('label') ?? '');
      if (label === '' || !ele.visible()) continue;
      const onScreen = zoom * Number.parseFloat(String(ele.style('font-size')));
      const hiddenBelow = Number.parseFloat(String(ele.style('min-zoomed-font-size')));
      if (onScreen < hiddenBelow) continue; // Cytoscape does not draw it
      drawnLabels += 1;
      if (onScreen < 11) tooSmall.push(`${ele.id()} ${onScreen.toFixed(1)}px`);
    }
    const domains = cy.nodes('[label = "Domain"]').toArray();
    const domainTitlesPx = domains.map((d) => zoom * Number.parseFloat(String(d.style('font-size'))));
    const overlaps: string[] = [];
    const titleOverlaps: string[] = [];
    const hit = (a: cytoscape.BoundingBox12, b: cytoscape.BoundingBox12) =>
      a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    for (let i = 0; i < domains.length; i++) {
      for (let j = i + 1; j < domains.length; j++) {
        const a = domains[i];
        const b = domains[j];
        if (!a || !b) continue;
        const pair = `${a.id()} × ${b.id()}`;
        if (hit(a.boundingBox({ includeLabels: false }), b.boundingBox({ includeLabels: false }))) {
          overlaps.push(pair);
        }
        if (hit(a.boundingBox({ includeLabels: true }), b.boundingBox({ includeLabels: true }))) {
          titleOverlaps.push(pair);
        }
      }
    }
    return { tooSmall, drawnLabels, domainTitlesPx, overlaps, titleOverlaps };
  });
}

/** Clicks the largest domain of the overview (it opens in place) and zooms into its box at reading zoom. */
async function zoomIntoDomain(page: Page): Promise<string> {
  const domain = await page.evaluate(() => {
    const cy = window.__cy;
    const nodes = cy?.nodes('[label = "Domain"]').toArray() ?? [];
    nodes.sort((a, b) => Number(b.data('tasks')) - Number(a.data('tasks')) || (a.id() < b.id() ? -1 : 1));
    const target = nodes[0];
    target?.emit('tap');
    return target?.id() ?? '';
  });
  await settle(page);
  await page.evaluate((id) => {
    const cy = window.__cy;
    const box = cy?.getElementById(id);
    if (!cy || !box) return;
    cy.fit(box, 20);
    if (cy.zoom() < 1) {
      cy.zoom(1);
      cy.center(box);
    }
  }, domain);
  await page.waitForFunction(() => new URL(window.location.href).searchParams.has('cam'));
  await page.waitForTimeout(400);
  return domain;
}

describe('readable at first sight', () => {
  afterAll(closeAll);

  it.each(SIZES)(
    'at $width×$height: labels ≥ 11 px or hidden, domain titles drawn, no boxes overlapping',
    async (size) => {
      for (const lang of ['zh', 'en']) {
        const page = await openExplorer(lang === 'en' ? '/?lang=en' : '/', size);
        const first = await read(page);
        expect(first.tooSmall).toEqual([]);
        expect(first.domainTitlesPx).toHaveLength(8);
        for (const px of first.domainTitlesPx) expect(px).toBeGreaterThanOrEqual(11);
        expect(first.overlaps).toEqual([]);
        expect(first.titleOverlaps).toEqual([]);
        await screenshot(page, `explorer-default-${size.width}x${size.height}${lang === 'en' ? '-en' : ''}`);

        // Opened in place and zoomed into, to at least reading zoom: still no label under 11 px, more labels
        // drawn (its tasks), boxes still apart.
        await zoomIntoDomain(page);
        const zoomed = await read(page);
        expect(zoomed.tooSmall).toEqual([]);
        expect(zoomed.drawnLabels).toBeGreaterThan(first.drawnLabels);
        expect(zoomed.overlaps).toEqual([]);
        await page.context().close();
      }
    },
  );

  it.each(SIZES)(
    'at $width×$height: the same positions on two loads, and a deep link into a domain restores zoom and pan',
    async (size) => {
      const a = await positions(await openExplorer('/', size));
      const b = await positions(await openExplorer('/', size));
      expect(Object.keys(a).length).toBe(8);
      expect(largestShift(a, b)).toBeLessThan(0.5);

      const page = await openExplorer('/', size);
      const domain = await zoomIntoDomain(page);
      const before = await viewport(page);
      const url = new URL(page.url());
      expect(url.searchParams.getAll('o')).toEqual([domain]);
      const link = `${url.pathname}${url.search}`;
      const again = await openExplorer(link, size);
      const after = await viewport(again);
      expect(Math.abs(after.zoom / before.zoom - 1)).toBeLessThan(0.01);
      expect(Math.abs(after.pan.x - before.pan.x) / before.width).toBeLessThan(0.01);
      expect(Math.abs(after.pan.y - before.pan.y) / before.height).toBeLessThan(0.01);
      const third = await positions(await openExplorer(link, size));
      expect(largestShift(await positions(again), third)).toBeLessThan(0.5);
      await closeAll();
    },
  );
});
