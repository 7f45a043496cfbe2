// Insights: ranked lists from the API's statistics and the agency matrix, each entry a way into the graph.
import { describe, expect, it } from 'vitest';
import type { PlanStats } from '../../server/src/domain/types.ts';
import { openPage, screenshot } from './_browser.ts';
import { api, explorerIdle, viewReady } from './_views.ts';

describe('insights', () => {
  it('ranks the most central tasks as the statistics do, and opens one in the graph', async () => {
    const page = await openPage('/?page=insights&lang=en', { width: 1440, height: 900 });
    await viewReady(page, 'insights');
    await screenshot(page, 'views-insights-en');
    const stats = await api<PlanStats>(page, '/api/stats');
    const listed = await page.$$eval('.insight-card:first-child .ranked .node-link', (links) =>
      links.map((link) => (link as HTMLElement).dataset.nodeId),
    );
    expect(listed).toEqual(stats.byBetweenness.slice(0, 10).map((task) => task.id));
    const cards = await page.$$eval('.insight-card .ranked', (lists) =>
      lists.map((list) => list.children.length),
    );
    expect(cards.every((n) => n > 0)).toBe(true);
    await page.click(`.insight-card:first-child .node-link[data-node-id="${listed[0]}"]`);
    await viewReady(page, 'graph');
    await explorerIdle(page);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(listed[0]);
  });
});
