// Helpers for the views' browser tests: wait for a page of the views to finish loading, and read the API
// from inside the page (same origin, same server as the UI).
import type { Page } from 'playwright-core';

export async function viewReady(page: Page, name: string): Promise<void> {
  await page.waitForFunction((expected) => window.__views?.page() === expected, name);
  await page.evaluate(() => window.__views?.idle());
}

export async function explorerIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__app !== undefined);
  await page.evaluate(() => window.__app?.idle());
}

export function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path) as Promise<T>;
}

/** The sentence around [start, end): the reader's idea of "the sentence", written out independently here. */
export function sentenceOf(text: string, start: number, end: number): string {
  const ends = '。！？!?\n';
  let from = start;
  while (from > 0 && !ends.includes(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !ends.includes(text.charAt(to))) to++;
  if (to < text.length && text.charAt(to) !== '\n') to++;
  return text.slice(from, to).trim();
}
