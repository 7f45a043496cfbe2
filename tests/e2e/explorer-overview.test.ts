// The first view is the plan's domains: one node per domain with its tasks, agencies and pilots counted as the
// plan's graph says, links saying what two domains share; a click opens a domain in place, the O key (or the
// Overview button) goes back, and the URL keeps which domains are open.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, nodePoint, openExplorer, settle } from './_explorer.ts';
import { api } from './_views.ts';

interface Graph {
  nodes: Array<{ data: { id: string; label: string; parent?: string } }>;
  edges: Array<{ data: { source: string; target: string; type: string } }>;
}

/** Per domain, from the API's graph: its tasks, and the distinct agencies and pilots linked to them. */
async function expectedCounts(page: Page) {
  const graph = await api<Graph>(page, '/api/graph?labels=Domain&labels=Task&labels=Pilot&labels=Agency');
  const label = new Map(graph.nodes.map((n) => [n.data.id, n.data.label]));
  const domainOf = new Map(
    graph.nodes
      .filter((n) => n.data.label === 'Task' && n.data.parent)
      .map((n) => [n.data.id, n.data.parent]),
  );
  const counts = new Map<string, { tasks: Set<string>; agencies: Set<string>; pilots: Set<string> }>();
  for (const n of graph.nodes) {
    if (n.data.label === 'Domain')
      counts.set(n.data.id, { tasks: new Set(), agencies: new Set(), pilots: new Set() });
  }
  for (const [task, domain] of domainOf) counts.get(domain ?? '')?.tasks.add(task);
  for (const { data } of graph.edges) {
    for (const [task, other] of [
      [data.source, data.target],
      [data.target, data.source],
    ] as const) {
      const domain = counts.get(domainOf.get(task) ?? '');
      if (!domain) continue;
      if (label.get(other) === 'Agency') domain.agencies.add(other);
      if (label.get(other) === 'Pilot') domain.pilots.add(other);
    }
  }
  return counts;
}

function drawnLabels(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const d of window.__cy?.nodes('[label = "Domain"]').toArray() ?? [])
      out[d.id()] = String(d.style('label'));
    return out;
  });
}

describe('the domain overview', () => {
  afterEach(closeAll);

  it('opens on the eight domains, each labelled with the tasks, agencies and pilots the graph gives it', async () => {
    const page = await openExplorer('/');
    const expected = await expectedCounts(page);
    expect(expected.size).toBe(8);
    expect(await page.evaluate(() => window.__cy?.nodes().length)).toBe(8);
    const labels = await drawnLabels(page);
    for (const [id, c] of expected) {
      const counts = `${c.tasks.size}项任务 · ${c.agencies.size}个部门 · ${c.pilots.size}个试点`;
      expect(labels[id]).toContain(counts);
    }
    // Links join domains only, and say what they share while a domain is pointed at.
    const links = await page.evaluate(() =>
      (window.__cy?.edges().toArray() ?? []).map((e) => ({
        type: e.data('type'),
        s: e.source().data('label'),
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toEqual({ type: 'DOMAIN_LINK', s: 'Domain' });
    // The footer counts the links it draws, and the filters count the tasks they keep (folded, not filtered out).
    await expect(page.getByTestId('counts').textContent()).resolves.toContain(`${links.length} 条领域间关联`);
    const tasks = [...expected.values()].reduce((n, c) => n + c.tasks.size, 0);
    await expect(page.locator('[data-count="label:Task"]').textContent()).resolves.toBe(`${tasks}/${tasks}`);

    // The overview's arrangement does not depend on the window: the same model positions at 1920×1080.
    const where = (p: Page) =>
      p.evaluate(() =>
        Object.fromEntries((window.__cy?.nodes().toArray() ?? []).map((n) => [n.id(), n.position()])),
      );
    const wide = await openExplorer('/', { width: 1920, height: 1080 });
    expect(await where(wide)).toEqual(await where(page));
  });

  it('opens a clicked domain in place, keeps it in the URL, and goes back to the overview with the O key', async () => {
    const page = await openExplorer('/?lang=en', { width: 1600, height: 900 });
    const expected = await expectedCounts(page);
    const [domain, counts] = [...expected].sort((a, b) => b[1].tasks.size - a[1].tasks.size)[0] ?? [];
    if (!domain || !counts) throw new Error('no domain');
    const point = await nodePoint(page, domain);
    await page.mouse.click(point.x, point.y);
    await settle(page);
    const opened = await page.evaluate(
      (id) => window.__cy?.nodes(`[label = "Task"]`).filter((t) => t.parent().first().id() === id).length,
      domain,
    );
    expect(opened).toBe(counts.tasks.size);
    expect(new URL(page.url()).searchParams.getAll('o')).toEqual([domain]);
    expect(await page.evaluate(() => window.__cy?.nodes('[lod = "closed"]').length)).toBe(7);
    expect(await page.locator('[data-testid="counts"]').textContent()).toContain('nodes inside domains');

    await page.keyboard.press('o');
    await settle(page);
    expect(await page.evaluate(() => window.__cy?.nodes().length)).toBe(8);
    expect(new URL(page.url()).searchParams.has('o')).toBe(false);
    await expect(page.locator('button[data-action="overview"]').isDisabled()).resolves.toBe(true);
  });

  it('opens a domain the reader zooms into until it fills much of the graph area', async () => {
    const page = await openExplorer('/', { width: 1600, height: 900 });
    const domain = await page.evaluate(() => {
      const cy = window.__cy;
      const target = cy?.nodes('[label = "Domain"]').first();
      if (!cy || !target) return '';
      cy.zoom(2.5);
      cy.center(target);
      return target.id();
    });
    await page.waitForFunction((id) => new URL(window.location.href).searchParams.get('o') === id, domain);
    await settle(page);
    const children = await page.evaluate(
      (id) => window.__cy?.getElementById(id).children('[label = "Task"]').length ?? 0,
      domain,
    );
    expect(children).toBeGreaterThan(0);
  });

  it('restores open domains from a link, and draws every task with lod=all', async () => {
    const first = await openExplorer('/');
    const expected = await expectedCounts(first);
    const [domain, counts] = [...expected][0] ?? [];
    if (!domain || !counts) throw new Error('no domain');
    const page = await openExplorer(`/?o=${encodeURIComponent(domain)}`);
    const tasks = await page.evaluate(() =>
      window.__cy?.nodes('[label = "Task"]').map((t) => t.parent().first().id()),
    );
    expect(tasks).toEqual(Array(counts.tasks.size).fill(domain));

    const all = await openExplorer('/?lod=all');
    const total = [...expected.values()].reduce((n, c) => n + c.tasks.size, 0);
    expect(await all.evaluate(() => window.__cy?.nodes('[label = "Task"]').length)).toBe(total);
    expect(await all.evaluate(() => window.__cy?.edges('[type = "INVOLVES"]').length)).toBeGreaterThan(0);
  });
});
