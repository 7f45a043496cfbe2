// Search is never stale: Enter opens the best hit of what the box holds now, even when the answer to an
// earlier query is slow, arrives late or is still on its way.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/src/domain/types.ts';
import { closeAll, openExplorer, settle } from './_explorer.ts';
import { api } from './_views.ts';

const FIRST = '哈尔滨新区';
const SECOND = '财政局';

/** Holds answers to `/api/search?q=<query>` back by `delays[query]` ms (others pass through at once). */
async function delaySearch(page: Page, delays: Record<string, number>): Promise<void> {
  await page.route('**/api/search?*', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q') ?? '';
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, delays[q] ?? 0));
    // The page may have given up on the request meanwhile: nothing to answer then.
    await route.fulfill({ response }).catch(() => undefined);
  });
}

async function topHit(page: Page, q: string): Promise<string> {
  const found = await api<SearchResponse>(page, `/api/search?q=${encodeURIComponent(q)}&limit=12`);
  const id = found.hits[0]?.id;
  if (!id) throw new Error(`no hit for ${q}`);
  return id;
}

async function typeAndWaitForRequest(page: Page, text: string): Promise<void> {
  const search = page.getByRole('combobox', { name: '搜索' });
  const sent = page.waitForRequest((r) => new URL(r.url()).searchParams.get('q') === text);
  await search.fill(text);
  await sent;
}

describe('search under a slow network', () => {
  afterEach(closeAll);

  it('Enter on the second query opens its hit while the first answer is still delayed', async () => {
    const page = await openExplorer('/');
    const expected = await topHit(page, SECOND);
    expect(expected).not.toBe(await topHit(page, FIRST));
    await delaySearch(page, { [FIRST]: 2500, [SECOND]: 600 });
    await typeAndWaitForRequest(page, FIRST);
    await typeAndWaitForRequest(page, SECOND);
    await page.getByRole('combobox', { name: '搜索' }).press('Enter');
    await page.waitForFunction(() => window.__app?.state.selected);
    await settle(page);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(expected);
    // The first answer comes in late and changes nothing.
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(expected);
  });

  it('Enter on the second query does not open the first query’s hits still on screen', async () => {
    const page = await openExplorer('/');
    const expected = await topHit(page, SECOND);
    await delaySearch(page, { [SECOND]: 1500 });
    await typeAndWaitForRequest(page, FIRST);
    await page.getByRole('option').first().waitFor();
    await typeAndWaitForRequest(page, SECOND);
    await page.getByRole('combobox', { name: '搜索' }).press('Enter');
    await page.waitForFunction(() => window.__app?.state.selected);
    await settle(page);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(expected);
  });
});
