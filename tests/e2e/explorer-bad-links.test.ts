// Bad links get a clear message in the page's language: an unknown plan is not replaced by another plan, an
// unknown selected node does not leave the panel loading, and unknown hidden ids hide and count nothing.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openExplorer, openTracked } from './_explorer.ts';

async function requestedPlans(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname === '/api/graph')
      .map((url) => url.searchParams.get('plan') ?? ''),
  );
}

describe('bad links', () => {
  afterEach(closeAll);

  it.each([
    ['zh', '', '规划“no-such-plan”不存在'],
    ['en', '&lang=en', 'The plan “no-such-plan” does not exist'],
  ])(
    '?plan=unknown says the plan does not exist (%s) and draws no other plan',
    async (_lang, extra, text) => {
      const page = await openTracked(`/?plan=no-such-plan${extra}`);
      await page.waitForFunction(() => window.__app?.state.status === 'error');
      const overlay = page.locator('.overlay');
      await expect(overlay.textContent()).resolves.toContain(text);
      await expect(overlay.isVisible()).resolves.toBe(true);
      expect(await page.evaluate(() => window.__cy?.nodes().length ?? 0)).toBe(0);
      expect(await requestedPlans(page)).toEqual([]);
    },
  );

  it.each([
    ['zh', '', '节点“harbin-2016:task:99.99”不存在'],
    ['en', '&lang=en', 'The node “harbin-2016:task:99.99” does not exist'],
  ])(
    '?sel=unknown says the node does not exist (%s) and nothing stays loading',
    async (_lang, extra, text) => {
      const page = await openExplorer(`/?sel=${encodeURIComponent('harbin-2016:task:99.99')}${extra}`);
      const panel = page.locator('section.details');
      await panel.locator('.not-found').waitFor();
      await expect(panel.textContent()).resolves.toContain(text);
      const loading = await page.evaluate(() => window.__app?.state.detailsLoading);
      expect(loading).toBe(false);
      await expect(page.locator('.details .muted').count()).resolves.toBe(0);
      await expect(page.locator('.overlay').isVisible()).resolves.toBe(false);
    },
  );

  it('?h= of unknown ids hides nothing and is not counted', async () => {
    const plain = await openExplorer('/');
    const drawn = await plain.evaluate(() => window.__cy?.nodes().length);
    const page = await openExplorer('/?h=no-such-node&h=harbin-2016:task:99.99');
    expect(await page.evaluate(() => window.__cy?.nodes().length)).toBe(drawn);
    const counts = (await page.getByTestId('counts').textContent()) ?? '';
    expect(counts).not.toContain('已隐藏');
  });

  it('?h= counts the ids it really hides', async () => {
    const plain = await openExplorer('/?lod=all');
    const task = await plain.evaluate(() => window.__cy?.nodes('[label = "Task"]').first().id());
    const page = await openExplorer(`/?lod=all&h=${encodeURIComponent(String(task))}&h=no-such-node`);
    await expect(page.getByTestId('counts').textContent()).resolves.toContain('已隐藏 1 个');
  });
});
