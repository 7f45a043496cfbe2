// Paths as a reader uses them: the found path is listed at the top of its panel (above the details), the
// graph is framed on it, and the URL keeps it, so the link opens on the same path.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { PathsResponse } from '../../server/src/domain/types.ts';
import { closeAll, openExplorer, settle } from './_explorer.ts';
import { api } from './_views.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';

/** Every node of the path drawn inside the graph area, and the path filling a fair part of it. */
async function framing(page: Page, ids: string[]) {
  return page.evaluate((pathIds) => {
    const cy = window.__cy;
    if (!cy) throw new Error('no Cytoscape');
    const eles = cy.collection();
    for (const id of pathIds) eles.merge(cy.getElementById(id));
    const box = eles.renderedBoundingBox({ includeLabels: false });
    return {
      drawn: eles.length,
      inside: box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1,
      share: Math.max(box.w / cy.width(), box.h / cy.height()),
    };
  }, ids);
}

/** A task two or more steps from Harbin New Area, found through the API rather than assumed. */
async function farTask(page: Page): Promise<{ task: string; path: string[] }> {
  const tasks = await page.evaluate(() =>
    (window.__cy?.nodes('[label = "Task"]').map((n) => n.id()) ?? []).reverse(),
  );
  for (const task of tasks.slice(0, 12)) {
    const found = await api<PathsResponse>(
      page,
      `/api/paths?from=${encodeURIComponent(NEW_AREA)}&to=${encodeURIComponent(task)}&k=5&maxLength=6`,
    );
    const first = found.paths[0];
    if (first && first.length >= 2) return { task, path: first.nodes };
  }
  throw new Error('no task two steps from the pilot');
}

describe('the path finder', () => {
  afterEach(closeAll);

  it('lists a found path at the top of its panel, frames it in the viewport and keeps it in the URL', async () => {
    const page = await openExplorer('/?lod=all', { width: 1600, height: 900 });
    page.setDefaultTimeout(20_000);
    const { task, path } = await farTask(page);
    await page.evaluate((id) => {
      window.__cy?.getElementById(id).emit('tap');
    }, NEW_AREA);
    await settle(page);
    await page.locator('.details [data-action="pathFrom"]').click();
    await page.evaluate((id) => {
      window.__cy?.getElementById(id).emit('tap');
    }, task);
    await settle(page);
    await page.locator('.details [data-action="pathTo"]').click();
    await page.locator('.paths [data-action="findPaths"]').click();
    await page.waitForFunction(() => (window.__app?.state.paths.found?.length ?? 0) > 0);
    await settle(page);

    // The path panel comes before the details, and its first item is the path list.
    const order = await page.evaluate(() => {
      const aside = document.querySelector('.sidebar.right');
      const panels = [...(aside?.querySelectorAll(':scope > section') ?? [])].map((s) => s.className);
      const first = document.querySelector('.paths .paths-body')?.firstElementChild?.className;
      return { panels, first };
    });
    expect(order.panels[0]).toContain('paths');
    expect(order.first).toBe('path-list');

    const framed = await framing(page, path);
    expect(framed.drawn).toBe(path.length);
    expect(framed.inside).toBe(true);
    expect(framed.share).toBeGreaterThan(0.3);

    const url = new URL(page.url());
    expect(url.searchParams.get('pf')).toBe(NEW_AREA);
    expect(url.searchParams.get('pt')).toBe(task);

    const again = await openExplorer(`${url.pathname}${url.search}`, { width: 1600, height: 900 });
    await again.waitForFunction(() => (window.__app?.state.paths.found?.length ?? 0) > 0);
    await settle(again);
    const reframed = await framing(again, path);
    expect(reframed.inside).toBe(true);
    expect(reframed.share).toBeGreaterThan(0.3);
  });
});
