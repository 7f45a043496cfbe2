// Presentation mode: three scenes made in the UI play with the arrow keys (view, language, selection and
// positions restored), and they are still there after a server of their own is stopped and started again.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildApiRouters } from '../../server/src/api/routers.ts';
import { loadConfig } from '../../server/src/config/env.ts';
import type { Scene, ScenesResponse } from '../../server/src/domain/types.ts';
import { runServer } from '../../server/src/index.ts';
import { createLogger } from '../../server/src/logger.ts';
import { freePort } from '../support/_test-neo4j.ts';
import { openPage, screenshot } from './_browser.ts';
import { api, explorerIdle, viewReady } from './_views.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function addScene(page: Page, name: string, caption: string) {
  await viewReady(page, 'present');
  await explorerIdle(page);
  const before = await page.locator('.scene-card').count();
  await page.fill('.scene-new-name', name);
  await page.fill('.scene-new-caption', caption);
  await page.click('.scene-add');
  await page.waitForFunction((n) => document.querySelectorAll('.scene-card').length === n, before + 1);
}

async function sceneShown(page: Page, index: number) {
  await page.waitForFunction(
    (i) => document.querySelector('.presenter-caption')?.getAttribute('data-ready') === String(i),
    index,
  );
}

async function startOwnServer(port: number) {
  const neo4j = inject('e2eNeo4j');
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger(config.LOG_LEVEL);
  return runServer({
    config,
    logger,
    clientDir: path.join(ROOT, 'dist/client'),
    say: () => {},
    apiRouters: (connection) => buildApiRouters(connection, config, logger),
  });
}

describe('presentation mode', () => {
  it('plays three scenes made in the UI with the arrow keys, and keeps them across a server restart', async () => {
    const setup = await openPage('/?page=present');
    await viewReady(setup, 'present');
    // Start from no scenes: other runs on this database may have left some.
    await setup.evaluate(async () => {
      await fetch('/api/scenes/import?mode=replace', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ format: 'reform-graph-scenes', version: 1, exportedAt: '', scenes: [] }),
      });
    });
    const pilots = await api<{ hits: Array<{ id: string }> }>(
      setup,
      `/api/search?q=${encodeURIComponent('哈尔滨新区')}`,
    );
    const pilot = pilots.hits[0]?.id as string;

    const page = await openPage('/?page=present', { width: 1280, height: 720 });
    await addScene(page, 'Scene A', '整体结构');
    await page.goto(
      new URL(`/?lang=en&sel=${encodeURIComponent(pilot)}&page=present`, inject('baseUrl')).toString(),
    );
    await addScene(page, 'Scene B', 'The new area');
    await page.goto(new URL('/?layout=circle&page=present', inject('baseUrl')).toString());
    await addScene(page, 'Scene C draft', 'Every node on a circle');
    const third = page.locator('.scene-card').nth(2).locator('.scene-name');
    await third.fill('Scene C');
    await third.press('Tab');
    // The rename is saved in the background: wait for the server to hold it rather than for any status text.
    await expect
      .poll(async () => (await api<ScenesResponse>(page, '/api/scenes')).scenes.map((scene) => scene.name), {
        timeout: 15_000,
      })
      .toEqual(['Scene A', 'Scene B', 'Scene C']);
    await screenshot(page, 'views-presentation-list');
    const stored = (await api<ScenesResponse>(page, '/api/scenes')).scenes;

    await page.click('.scene-play-all');
    await sceneShown(page, 0);
    expect(await page.textContent('.presenter-title')).toBe('Scene A');
    expect(await page.evaluate(() => window.__app?.state.lang)).toBe('zh');
    await page.keyboard.press('ArrowRight');
    await sceneShown(page, 1);
    expect(await page.textContent('.presenter-title')).toBe('Scene B');
    expect(await page.evaluate(() => window.__app?.state.lang)).toBe('en');
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(pilot);
    await screenshot(page, 'views-presentation-playing');
    await page.keyboard.press('ArrowRight');
    await sceneShown(page, 2);
    expect(await page.textContent('.presenter-title')).toBe('Scene C');
    expect(await page.evaluate(() => window.__app?.state.view.layout)).toBe('circle');
    // The nodes stand where they stood when the scene was saved.
    const sceneC = stored[2] as Scene;
    const [someId, saved] = Object.entries(sceneC.state.positions)[0] ?? [];
    const now = await page.evaluate((id) => window.__cy?.getElementById(id as string).position(), someId);
    expect(now?.x).toBeCloseTo(saved?.x ?? Number.NaN, 0);
    expect(now?.y).toBeCloseTo(saved?.y ?? Number.NaN, 0);
    await page.keyboard.press('ArrowLeft');
    await sceneShown(page, 1);
    expect(await page.textContent('.presenter-title')).toBe('Scene B');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presenter-caption', { state: 'detached' });

    // A server of our own on the same database, stopped and started again, still has the three scenes.
    const port = await freePort();
    const first = await startOwnServer(port);
    const before = await (await fetch(new URL('/api/scenes', first.url))).json();
    await first.shutdown();
    const second = await startOwnServer(port);
    try {
      const restarted = await openPage(new URL('/?page=present', second.url).toString());
      await viewReady(restarted, 'present');
      const names = await restarted.$$eval('.scene-card .scene-name', (inputs) =>
        inputs.map((input) => (input as HTMLInputElement).value),
      );
      expect(names).toEqual(['Scene A', 'Scene B', 'Scene C']);
      expect((before as ScenesResponse).scenes.map((scene) => scene.id)).toEqual(
        stored.map((scene) => scene.id),
      );
    } finally {
      await second.shutdown();
    }
  });

  it('plays the built-in tour generated from the plan: overview, every domain, then pilots and tasks', async () => {
    const page = await openPage('/?page=present&lang=en', { width: 1280, height: 720 });
    await viewReady(page, 'present');
    await page.click('.tour-play');
    await sceneShown(page, 0);
    const plans = await api<{ plans: Array<{ counts: Record<string, number> }> }>(page, '/api/plans');
    const domains = plans.plans[0]?.counts.Domain ?? 0;
    expect(await page.textContent('.presenter-counter')).toMatch(
      new RegExp(`/ ${domains + 2}|/ ${domains + 3}|/ ${domains + 4}`),
    );
    await page.keyboard.press('ArrowRight');
    await sceneShown(page, 1);
    // The second scene shows one domain alone, with its tasks.
    const drawn = await page.evaluate(() => ({
      domains: window.__cy?.nodes('[label = "Domain"]').map((node) => node.id()) ?? [],
      tasks: window.__cy?.nodes('[label = "Task"]').map((node) => node.data('parent') as string) ?? [],
    }));
    expect(drawn.domains).toHaveLength(1);
    expect(drawn.tasks.length).toBeGreaterThan(0);
    expect(new Set(drawn.tasks)).toEqual(new Set(drawn.domains));
    await screenshot(page, 'views-tour-domain');
    await page.keyboard.press('Escape');
  });
});
