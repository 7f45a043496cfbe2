// The responsibility matrix: a cell lists exactly the tasks both agencies are involved in (as the API says),
// each task opens in the graph, and an agency's profile shows its partners.
import { describe, expect, it } from 'vitest';
import type { AgencyMatrix } from '../../server/src/domain/types.ts';
import { openPage, screenshot } from './_browser.ts';
import { api, explorerIdle, viewReady } from './_views.ts';

describe('the responsibility matrix', () => {
  it('lists exactly the tasks two agencies share when a cell is clicked, and opens one in the graph', async () => {
    const page = await openPage('/?page=matrix', { width: 1600, height: 1000 });
    await viewReady(page, 'matrix');
    const matrix = await api<AgencyMatrix>(page, '/api/agencies/matrix?basis=text,curated');
    const busiest = matrix.cells[0];
    const single = matrix.cells.find((cell) => cell.count === 1);
    expect(busiest && single).toBeTruthy();

    for (const cell of [busiest, single]) {
      if (!cell) continue;
      await page.click(`rect.matrix-cell[data-a="${cell.a}"][data-b="${cell.b}"]`);
      const listed = await page.$$eval('.shared-tasks [data-task-id]', (items) =>
        items.map((item) => (item as HTMLElement).dataset.taskId),
      );
      expect([...listed].sort()).toEqual([...cell.tasks].sort());
    }
    await page.click(`rect.matrix-cell[data-a="${busiest?.a}"][data-b="${busiest?.b}"]`);
    await screenshot(page, 'views-matrix-cell');

    const task = busiest?.tasks[0] as string;
    await page.click(`.shared-tasks [data-task-id="${task}"] .node-link`);
    await viewReady(page, 'graph');
    await explorerIdle(page);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(task);
    expect(await page.evaluate((id) => window.__cy?.getElementById(id).selected(), task)).toBe(true);
  });

  it('orders agencies so that partners sit together, and shows an agency profile with its partners', async () => {
    const page = await openPage('/?page=matrix&lang=en', { width: 1600, height: 1000 });
    await viewReady(page, 'matrix');
    const rows = await page.$$eval('text.matrix-label[role="button"]', (labels) =>
      labels.map((label) => (label as SVGElement).dataset.agencyId as string),
    );
    const matrix = await api<AgencyMatrix>(page, '/api/agencies/matrix?basis=text,curated');
    const shared = (a: string, b: string) =>
      matrix.cells.find((cell) => (cell.a === a && cell.b === b) || (cell.a === b && cell.b === a))?.count ??
      0;
    // Neighbours in the order share more tasks than the same agencies in alphabetical order.
    const adjacency = (order: string[]) =>
      order.slice(1).reduce((sum, id, i) => sum + shared(order[i] as string, id), 0);
    expect(adjacency(rows)).toBeGreaterThan(adjacency([...rows].sort()));

    const agency = rows[0] as string;
    await page.click(`text.matrix-label[role="button"][data-agency-id="${agency}"]`);
    const partners = await page.$$eval(
      '.agency-profile .profile-section:last-child [data-node-id]',
      (links) => links.map((link) => (link as HTMLElement).dataset.nodeId),
    );
    const expected = matrix.cells.flatMap((cell) =>
      cell.a === agency ? [cell.b] : cell.b === agency ? [cell.a] : [],
    );
    expect([...partners].sort()).toEqual([...expected].sort());
    await screenshot(page, 'views-matrix-profile-en');
  });

  it('narrows to text-stated responsibilities and keeps that switch in the URL', async () => {
    const page = await openPage('/?page=matrix', { width: 1400, height: 900 });
    await viewReady(page, 'matrix');
    await page.click('input[name="matrix-basis"][value="text"]');
    await viewReady(page, 'matrix');
    expect(new URL(page.url()).searchParams.get('mb')).toBe('text');
    const textOnly = await api<AgencyMatrix>(page, '/api/agencies/matrix?basis=text');
    const filled = await page.$$eval('rect.matrix-cell.filled', (cells) => cells.length);
    expect(filled).toBe(textOnly.cells.length * 2);
  });
});
