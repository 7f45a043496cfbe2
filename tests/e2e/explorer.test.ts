// The explorer in a real browser, against the built client, the real server and Neo4j holding the seed plan.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshot } from './_browser.ts';
import {
  centreOn,
  closeAll,
  countDrawn,
  drawnElements,
  nodePoint,
  openExplorer,
  openTracked,
  settle,
  someTask,
} from './_explorer.ts';

const HAN = /\p{Script=Han}/u;

describe('the reform graph explorer', () => {
  afterEach(closeAll);

  it('opens with all eight reform domains drawn as groups holding their tasks', async () => {
    const page = await openExplorer('/?lod=all');
    const domains = await page.evaluate(() =>
      (window.__cy?.nodes('[label = "Domain"]') ?? []).map((d) => ({
        name: d.data('name') as string,
        visible: d.visible(),
        tasks: d.children('[label = "Task"]').length,
      })),
    );
    expect(domains).toHaveLength(8);
    for (const domain of domains) {
      expect(domain.visible).toBe(true);
      expect(domain.tasks).toBeGreaterThan(0);
    }
    expect(await countDrawn(page, 'edge[type = "DEPENDS_ON"]')).toBeGreaterThan(0);
    await screenshot(page, 'explorer-default-view');
    await screenshot(
      await openExplorer('/?lod=all', { width: 1920, height: 1080 }),
      'explorer-default-view-1080p',
    );
  });

  it('searching 哈尔滨新区 focuses the pilot and shows a quote that contains it', async () => {
    const page = await openExplorer('/?lod=all');
    const search = page.getByRole('combobox', { name: '搜索' });
    await search.fill('哈尔滨新区');
    await page.getByRole('option').first().waitFor();
    await search.press('Enter');
    await page.waitForFunction(() => window.__app?.state.selected);
    await settle(page);
    const selected = await page.evaluate(() => {
      const cy = window.__cy;
      const node = cy?.nodes(':selected').first();
      if (!cy || !node || node.empty()) return null;
      const p = node.renderedPosition();
      return {
        name: node.data('name'),
        label: node.data('label'),
        x: p.x / cy.width(),
        y: p.y / cy.height(),
      };
    });
    expect(selected).toMatchObject({ name: '哈尔滨新区', label: 'Pilot' });
    // Focused: the pilot sits near the middle of the graph area.
    expect(selected?.x).toBeGreaterThan(0.3);
    expect(selected?.x).toBeLessThan(0.7);
    expect(selected?.y).toBeGreaterThan(0.3);
    expect(selected?.y).toBeLessThan(0.7);
    const details = page.getByRole('region', { name: '哈尔滨新区' });
    await expect(
      details.locator('blockquote').filter({ hasText: '哈尔滨新区' }).count(),
    ).resolves.toBeGreaterThan(0);
    await screenshot(page, 'explorer-selected-pilot');
  });

  it('hiding Agency removes every agency node and updates the counts', async () => {
    const page = await openExplorer('/?lod=all');
    const agencies = await countDrawn(page, 'node[label = "Agency"]');
    const countsBefore = await page.getByTestId('counts').textContent();
    const nodesBefore = await countDrawn(page, 'node');
    expect(agencies).toBeGreaterThan(0);

    // At 1280×720 the side panels are folded away: open filters and legend first.
    await page.locator('[data-action="togglePanels"]').click();
    const agencyFilter = page.locator('[data-filter="label:Agency"]');
    await agencyFilter.uncheck();
    await settle(page);

    expect(await countDrawn(page, 'node[label = "Agency"]')).toBe(0);
    const nodesAfter = await countDrawn(page, 'node');
    expect(nodesAfter).toBeLessThanOrEqual(nodesBefore - agencies);
    const countsAfter = await page.getByTestId('counts').textContent();
    expect(countsAfter).not.toBe(countsBefore);
    expect(countsAfter).toContain(String(nodesAfter));
    await expect(page.locator('[data-count="label:Agency"]').textContent()).resolves.toMatch(/^0\//);
  });

  it('a copied link opened in a new page restores the same selection and filters', async () => {
    const page = await openExplorer('/?lod=all');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('[data-action="togglePanels"]').click();
    await page.locator('[data-filter="label:Pilot"]').uncheck();
    await page.locator('[data-action="togglePanels"]').click();
    await settle(page);
    const task = await someTask(page);
    await centreOn(page, task);
    const point = await nodePoint(page, task);
    await page.mouse.click(point.x, point.y);
    await settle(page);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(task);

    await page.locator('[data-action="copyLink"]').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const before = await drawnElements(page);

    const copy = await openExplorer(link.replace(/^https?:\/\/[^/]+/, ''));
    expect(await copy.evaluate(() => window.__app?.state.selected)).toBe(task);
    expect(await copy.evaluate(() => window.__cy?.$('node:selected').map((n) => n.id()))).toEqual([task]);
    expect(await copy.locator('[data-filter="label:Pilot"]').isChecked()).toBe(false);
    expect(await countDrawn(copy, 'node[label = "Pilot"]')).toBe(0);
    expect(await drawnElements(copy)).toEqual(before);
  });

  it('PNG export downloads a non-empty image the size of the view', async () => {
    const page = await openExplorer('/?lod=all');
    const view = await page.evaluate(() => ({
      width: window.__cy?.width() ?? 0,
      height: window.__cy?.height() ?? 0,
    }));
    await page.locator('.export-menu > summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="exportPng"]').click(),
    ]);
    const file = await download.path();
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height as big-endian integers at bytes 16 and 20; exported at twice the screen scale.
    expect(png.readUInt32BE(16)).toBe(view.width * 2);
    expect(png.readUInt32BE(20)).toBe(view.height * 2);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('exports the drawn elements as JSON with every property, though the overview arrived slim', async () => {
    const page = await openExplorer('/?lod=all');
    const drawn = await drawnElements(page);
    await page.locator('.export-menu > summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="exportJson"]').click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      nodes: Array<{ data: Record<string, unknown> & { id: string; label: string } }>;
      edges: Array<{ data: Record<string, unknown> & { id: string } }>;
    };
    expect(file.nodes.map((n) => n.data.id).sort()).toEqual(drawn.nodes);
    expect(file.edges.map((e) => e.data.id).sort()).toEqual(drawn.edges);
    const tasks = file.nodes.filter((n) => n.data.label === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(typeof task.data.text).toBe('string');
      expect(typeof task.data.start).toBe('number');
    }
  });

  it('switching to English shows English domain names and interface text', async () => {
    const page = await openExplorer('/?lod=all');
    await page.locator('[data-action="languageSwitch"]').click();
    await settle(page);
    const labels = await page.evaluate(() =>
      (window.__cy?.nodes('[label = "Domain"]') ?? []).map((d) => d.style('label') as string),
    );
    expect(labels).toHaveLength(8);
    for (const label of labels) {
      expect(label.length).toBeGreaterThan(5);
      expect(label).not.toMatch(HAN);
    }
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(1);
  });

  it('expanding a node and then pressing undo returns exactly the previous elements', async () => {
    const page = await openExplorer('/?lod=all');
    const before = await drawnElements(page);
    const task = await someTask(page);
    await centreOn(page, task);
    const point = await nodePoint(page, task);
    await page.mouse.dblclick(point.x, point.y);
    await settle(page);
    const expanded = await drawnElements(page);
    expect(expanded.nodes.length).toBeGreaterThan(before.nodes.length);

    await page.keyboard.press('Control+z');
    await settle(page);
    expect(await drawnElements(page)).toEqual(before);

    await page.keyboard.press('Control+Shift+z');
    await settle(page);
    expect(await drawnElements(page)).toEqual(expanded);
  });

  it('shows a banner with Retry when the database is unavailable, and recovers on Retry', async () => {
    const page = await openTracked('/');
    // Stand-in for a Neo4j outage: the graph route answers as the server does when Neo4j is down.
    await page.route('**/api/graph**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'DB_UNAVAILABLE', message: 'The graph database is unavailable.' },
        }),
      }),
    );
    await page.reload();
    const banner = page.getByRole('alert');
    await banner.filter({ hasText: 'Neo4j' }).waitFor();
    expect(await countDrawn(page, 'node')).toBe(0);

    await page.unroute('**/api/graph**');
    await banner.getByRole('button', { name: '重试' }).click();
    await settle(page);
    expect(await countDrawn(page, 'node[label = "Domain"]')).toBe(8);
    expect(await banner.isVisible()).toBe(false);
  });
});
