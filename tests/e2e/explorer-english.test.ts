// English everywhere on the explorer page (issue 15, item 10). With lang=en, every interface text — toolbar,
// menus, filters, legend, node list, tooltips, details of a task, an agency and a pilot, the path finder and the
// status line — is English. The plan's own words (quotes, measures, task texts, names with no English form,
// property values copied from the plan) stay Chinese and are marked with data-source-text. The one other
// exception is the language switch, which names Chinese in Chinese ("中文") so a Chinese reader can find it.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openExplorer, settle } from './_explorer.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Visible text (and titles, labels, placeholders, select options) with CJK characters outside marked elements. */
function unmarkedChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cjk = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
    const exempt = (el: Element) =>
      el.closest('[data-source-text]') !== null || el.closest('[data-action="languageSwitch"]') !== null;
    const where = (el: Element) => {
      const path: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
        path.unshift(`${e.tagName.toLowerCase()}${e.classList[0] ? `.${e.classList[0]}` : ''}`);
      }
      return path.join('>');
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const el = text.parentElement;
      if (!el || !cjk.test(text.textContent ?? '') || exempt(el)) continue;
      const shown = el.tagName === 'OPTION' || el.checkVisibility({ visibilityProperty: true });
      if (shown) found.push(`${where(el)}: ${(text.textContent ?? '').trim().slice(0, 40)}`);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (exempt(el) || !el.checkVisibility()) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value && cjk.test(value)) found.push(`${where(el)} @${name}: ${value.slice(0, 40)}`);
      }
    }
    return found;
  });
}

/** Selects a node as a click would, and waits for its details. */
async function open(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    window.__cy?.getElementById(nodeId).emit('tap');
  }, id);
  await page.waitForFunction((nodeId) => window.__app?.state.details?.node.id === nodeId, id);
  await settle(page);
}

function firstOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => {
    const node = window.__cy?.nodes(s).first();
    if (!node || node.empty()) throw new Error(`no node ${s}`);
    return node.id();
  }, selector);
}

describe('English everywhere on the explorer page', () => {
  afterEach(closeAll);

  for (const size of SIZES) {
    it(`leaves no unmarked Chinese in menus, filters, tooltips, details and paths at ${size.width}×${size.height}`, async () => {
      const page = await openExplorer('/?lang=en&lod=all', size);
      const seen: string[] = [];
      const check = async (step: string) => {
        for (const line of await unmarkedChinese(page)) seen.push(`${step} — ${line}`);
      };
      await check('first view');

      if (await page.locator('[data-action="togglePanels"]').isVisible()) {
        await page.locator('[data-action="togglePanels"]').click();
      }
      await page.locator('.node-list > summary').click();
      await check('filters, legend and node list');

      await page.locator('.export-menu summary').click();
      await check('export menu');
      await page.keyboard.press('Escape');

      const task = await firstOf(page, '[label = "Task"]');
      // (In braces: emit returns the collection, which the page must not try to send back.)
      await page.evaluate((id) => {
        window.__cy?.getElementById(id).emit('mouseover');
      }, task);
      const tip = page.locator('.tooltip');
      await expect(tip.locator('strong').textContent()).resolves.toBe(
        await page.evaluate((id) => window.__cy?.getElementById(id).data('nameEn'), task),
      );
      await expect(tip.locator('.tip-label').textContent()).resolves.toBe('Task');
      await check('tooltip of a task');
      await page.evaluate((id) => {
        window.__cy?.getElementById(id).emit('mouseout');
      }, task);

      await open(page, task);
      await check('details of a task');
      // The plan's words are there, marked, and tagged for the reader as the Chinese original.
      await expect(page.locator('.details [data-source-text="quote"]').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('.details .original-marker').first().textContent()).resolves.toBe(
        'Chinese original',
      );
      await page.locator('.details [data-action="pathFrom"]').click();

      const agency = await firstOf(page, '[label = "Agency"]');
      await open(page, agency);
      await check('details of an agency');
      await page.locator('.details [data-action="pathTo"]').click();
      await page.locator('[data-action="findPaths"]').click();
      await page.waitForFunction(() => window.__app?.state.paths.found !== null);
      await settle(page);
      await check('path finder');

      const pilot = await firstOf(page, '[label = "Pilot"]');
      await open(page, pilot);
      await check('details of a pilot');
      const untranslated = await page.evaluate(
        () =>
          window.__cy
            ?.nodes('[label = "Pilot"]')
            .filter((n) => !n.data('nameEn'))
            .map((n) => n.id()) ?? [],
      );
      if (untranslated[0]) {
        await open(page, untranslated[0]);
        await check('details of a pilot with no English name');
        await expect(page.locator('#details-title').getAttribute('data-source-text')).resolves.toBe('name');
      }
      expect(seen).toEqual([]);
    });
  }

  it('shows every domain filter whole, so no two read the same', async () => {
    const page = await openExplorer('/?lang=en&lod=all', { width: 1280, height: 720 });
    await page.locator('[data-action="togglePanels"]').click();
    const rows = page.locator('[data-group="domains"] .filter-name');
    await expect(rows.count()).resolves.toBe(8);
    const names = await rows.evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent ?? '', cut: el.scrollWidth > el.clientWidth + 1 })),
    );
    for (const { text, cut } of names) {
      expect(text.endsWith('…'), text).toBe(false);
      expect(cut, text).toBe(false);
    }
    expect(new Set(names.map((n) => n.text)).size).toBe(8);
  });
});
