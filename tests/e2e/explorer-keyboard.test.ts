// Small screens and keyboards: at 1280×720 both side panels fold away and one button brings filters and
// legend back; every drawn node is reachable from the keyboard; the export menu closes with Escape and after
// an action; "f" fits the graph to the window.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openExplorer, settle } from './_explorer.ts';

describe('small screens and keyboards', () => {
  afterEach(closeAll);

  it('folds both side panels at 1280×720 and keeps the legend one button away', async () => {
    const page = await openExplorer('/', { width: 1280, height: 720 });
    await expect(page.locator('.sidebar.left').isVisible()).resolves.toBe(false);
    await expect(page.locator('.sidebar.right').isVisible()).resolves.toBe(false);
    const graphWidth = await page.evaluate(() => window.__cy?.width());
    expect(graphWidth).toBeGreaterThan(1200);
    await page.locator('[data-action="togglePanels"]').click();
    await expect(page.locator('.legend').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('.legend').isVisible()).resolves.toBe(false);
  });

  it('lists the drawn nodes as buttons, and Enter on one selects it', async () => {
    const page = await openExplorer('/', { width: 1600, height: 900 });
    await page.locator('.node-list > summary').click();
    const items = page.locator('.node-list-items button');
    const drawn = await page.evaluate(() => window.__cy?.nodes().length);
    // The list is built when the disclosure's toggle event fires, which comes after the click returns.
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(drawn);
    const target = items.nth(3);
    const id = await target.getAttribute('data-node');
    await target.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => window.__app?.state.selected === want, id);
    await settle(page);
    expect(await page.evaluate(() => window.__cy?.$('node:selected').map((n) => n.id()))).toEqual([id]);
  });

  it('closes the export menu with Escape and after an action', async () => {
    const page = await openExplorer('/', { width: 1600, height: 900 });
    const menu = page.locator('.export-menu');
    await menu.locator('summary').click();
    await expect(menu.getAttribute('open')).resolves.not.toBeNull();
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('open')).resolves.toBeNull();
    await menu.locator('summary').click();
    const download = page.waitForEvent('download');
    await page.locator('[data-action="exportSvg"]').click();
    await download;
    await expect(menu.getAttribute('open')).resolves.toBeNull();
  });

  it('fits the whole graph to the window with the "f" key', async () => {
    const page = await openExplorer('/', { width: 1600, height: 900 });
    await page.evaluate(() => window.__cy?.zoom(3));
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await page.waitForTimeout(600);
    const inside = await page.evaluate(() => {
      const cy = window.__cy;
      if (!cy) return false;
      const box = cy.elements().renderedBoundingBox({ includeLabels: false });
      return box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1;
    });
    expect(inside).toBe(true);
  });
});
