// The same picture every time: a plan's layout is seeded, so the same URL places every node at the same
// model position on every load (and window size), and a link carries the camera, so a deep link opens at the
// zoom and pan it was copied at, with its filters, selection, expansion and language.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, largestShift, openExplorer, positions, viewport } from './_explorer.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';

describe('the same picture every time', () => {
  afterEach(closeAll);

  it('places every node at the same position on two loads of the same URL, and on a larger window', async () => {
    const first = await positions(await openExplorer('/?lod=all'));
    const second = await positions(await openExplorer('/?lod=all'));
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(largestShift(first, second)).toBeLessThan(0.5);
    await closeAll();
    const wide = await positions(await openExplorer('/?lod=all', { width: 1920, height: 1080 }));
    expect(largestShift(first, wide)).toBeLessThan(0.5);
  });

  it('restores zoom and pan (within 1%) with filters, selection, expansion and language from a deep link', async () => {
    const page = await openExplorer(`/?lang=en&fl=Target&x=${encodeURIComponent(NEW_AREA)}`);
    const task = await page.evaluate(() => window.__cy?.nodes('[label = "Task"]').first().id() ?? '');
    await page.evaluate((id) => {
      window.__cy?.getElementById(id).emit('tap');
    }, task);
    await page.evaluate(() => {
      const cy = window.__cy;
      if (!cy) return;
      cy.zoom({ level: 1.37, renderedPosition: { x: cy.width() * 0.3, y: cy.height() * 0.6 } });
      cy.panBy({ x: 41, y: -23 });
    });
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('cam'));
    await page.waitForTimeout(400);
    const before = await viewport(page);
    const link = page.url();
    const url = new URL(link);
    expect(url.searchParams.get('sel')).toBe(task);

    const again = await openExplorer(`${url.pathname}${url.search}`);
    const after = await viewport(again);
    expect(Math.abs(after.zoom / before.zoom - 1)).toBeLessThan(0.01);
    expect(Math.abs(after.pan.x - before.pan.x) / before.width).toBeLessThan(0.01);
    expect(Math.abs(after.pan.y - before.pan.y) / before.height).toBeLessThan(0.01);
    const state = await again.evaluate(() => {
      const s = window.__app?.state;
      return {
        lang: s?.lang,
        selected: s?.selected,
        hiddenLabels: s?.view.filters.hiddenLabels,
        expanded: s?.view.expanded,
      };
    });
    expect(state).toEqual({ lang: 'en', selected: task, hiddenLabels: ['Target'], expanded: [NEW_AREA] });
    expect(await again.evaluate(() => window.__cy?.nodes('[label = "Target"]').length)).toBe(0);
  });
});
