// The review page in Chromium: an editor curates a small plan with the keyboard only — accept a lead, reject a
// zone, rename a bureau, set its English name, make it lead a task, merge another bureau into it — and the
// graph API and search show each decision; a visitor sees the page read-only. Screenshots at 1280×720 and
// 1920×1080 in both languages (tests/screenshots/review-*.png).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importPlan } from '../../server/src/import/plan-import.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { openPage, screenshot } from './_browser.ts';
import { createAccounts, logIn } from './_ledger.ts';
import { api, viewReady } from './_views.ts';

const DOCUMENT = path.resolve(import.meta.dirname, '../fixtures/plans/jiangbei-2021-innovation.md');
const PLAN = `e2e-review-${Date.now().toString(36)}`;
const id = (kind: string, key: string) => `${PLAN}:${kind}:${key}`;
// From reading the document: 市科技局 leads 2.1.1; 市财政局 leads 2.2.1 会同 市地方金融监管局 (which the extractor
// names 江北市金融工作办公室); the zones are 江北高新区 and 数字经济创新发展试验区.
const SCIENCE = id('agency', 'jiangbei-municipal-science');
const FINANCE = id('agency', 'jiangbei-municipal-finance');
const REGULATOR = id('agency', 'jiangbei-municipal-financial-office');
const HIGH_TECH_ZONE = id('pilot', 'jiang-bei-gao-xin-qu');
const DIGITAL_ZONE = id('pilot', 'shu-zi-jing-ji-chuang-xin-fa-zhan-shi-yan-qu');
const PROJECTS_TASK = id('task', '2.1.1');
const FUND_TASK = id('task', '2.2.1');

async function reviewPage(size: { width: number; height: number }, lang: 'zh' | 'en') {
  const page = await openPage(`/?plan=${PLAN}&page=review${lang === 'en' ? '&lang=en' : ''}`, size);
  await viewReady(page, 'review');
  await page.waitForSelector('.review-row');
  return page;
}

const row = (factId: string) => `.review-row[data-fact-id="${factId}"]`;

/** Moves the keyboard's row to `factId` with j / k, as a reviewer does. */
async function goTo(page: Page, factId: string): Promise<void> {
  const ids = await page.$$eval('.review-row', (rows) => rows.map((r) => r.getAttribute('data-fact-id')));
  const target = ids.indexOf(factId);
  expect(target, `${factId} is listed`).toBeGreaterThanOrEqual(0);
  const current = await page.$eval('.review-row[aria-selected="true"]', (r) =>
    r.getAttribute('data-fact-id'),
  );
  const from = ids.indexOf(current);
  const key = target > from ? 'j' : 'k';
  for (let i = 0; i < Math.abs(target - from); i++) await page.keyboard.press(key);
  await page.waitForSelector(`${row(factId)}[aria-selected="true"]`);
}

/** The form a key opened: its first control has the focus; type, then Enter. */
async function typeInForm(page: Page, text: string): Promise<void> {
  await page.waitForSelector('.review-form [data-autofocus]:focus');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Waits until the page lists `count` decisions (the server applied the last one) and is idle again. */
async function decided(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.review-decision-list .review-decision').length === n &&
      document.querySelector('.review-body')?.getAttribute('aria-busy') === 'false',
    count,
    // Each decision rebuilds the plan on the server: seconds, more on a loaded machine.
    { timeout: 90_000 },
  );
  expect(await page.locator('.review-message.error').count()).toBe(0);
}

async function nodeOf(page: Page, nodeId: string) {
  return api<{ node?: { properties?: Record<string, unknown> } } & Record<string, unknown>>(
    page,
    `/api/nodes/${encodeURIComponent(nodeId)}?plan=${PLAN}`,
  ).catch(() => null);
}

const searchText = async (page: Page, q: string) =>
  JSON.stringify(await api(page, `/api/search?q=${encodeURIComponent(q)}&plan=${PLAN}`));

describe('the review page', () => {
  const neo4j = inject('e2eNeo4j');
  const driver = createDriver(neo4j.uri, neo4j.username, neo4j.password);
  let editor = '';

  beforeAll(async () => {
    await importPlan(driver, neo4j.database, { markdownPath: DOCUMENT, annotationsPath: null, planId: PLAN });
    ({ editor } = await createAccounts({ editor: 'editor' }));
  });
  afterAll(async () => {
    // Leave the e2e database with the seed alone, as the other browser tests expect.
    await driver.executeQuery(
      `MATCH (n) WHERE n.plan = $plan AND (n:PlanData OR n:PlanDocument OR n:CurationDecision) DETACH DELETE n
       WITH count(*) AS _ MATCH (p:Plan {id: $plan}) DETACH DELETE p`,
      { plan: PLAN },
      { database: neo4j.database },
    );
    await driver.close();
  });

  it('is read-only for a visitor', async () => {
    const page = await reviewPage({ width: 1280, height: 720 }, 'en');
    expect(await page.locator('.review-row').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('[data-action="accept"]').count()).toBe(0);
    await page.keyboard.press('r');
    expect(await page.locator('.review-row.status-rejected').count()).toBe(0);
    await page.context().close();
  });

  it('curates with the keyboard: accept, reject, rename, English name, set lead, merge', async () => {
    const page = await reviewPage({ width: 1280, height: 720 }, 'zh');
    await logIn(page, editor);
    await page.waitForSelector('[data-action="accept"]');
    await screenshot(page, 'review-1280-zh');

    await goTo(page, `${PROJECTS_TASK}|LED_BY|${SCIENCE}`);
    await page.keyboard.press('a');
    await decided(page, 1);
    await page.waitForSelector(`${row(`${PROJECTS_TASK}|LED_BY|${SCIENCE}`)}.status-accepted`);

    await goTo(page, DIGITAL_ZONE);
    await page.keyboard.press('r');
    await decided(page, 2);
    await page.waitForSelector(`${row(DIGITAL_ZONE)}.status-rejected`);
    expect(await searchText(page, '数字经济创新发展试验区')).not.toContain(DIGITAL_ZONE);

    await goTo(page, REGULATOR);
    await page.keyboard.press('n');
    await typeInForm(page, '江北市地方金融监督管理局');
    await decided(page, 3);
    expect(await page.textContent(row(REGULATOR))).toContain('江北市地方金融监督管理局');
    expect(await searchText(page, '地方金融监督管理局')).toContain(REGULATOR);

    await goTo(page, HIGH_TECH_ZONE);
    await page.keyboard.press('e');
    await typeInForm(page, 'Jiangbei High-Tech Industrial Development Zone');
    await decided(page, 4);
    expect(JSON.stringify(await nodeOf(page, HIGH_TECH_ZONE))).toContain(
      'Jiangbei High-Tech Industrial Development Zone',
    );

    // The regulator, involved in the fund (会同), is made its co-lead.
    await goTo(page, `${FUND_TASK}|INVOLVES|${REGULATOR}`);
    await page.keyboard.press('l');
    await decided(page, 5);
    await page.waitForSelector(`${row(`${FUND_TASK}|LED_BY|${REGULATOR}`)}.status-accepted`);

    await goTo(page, FINANCE);
    await page.keyboard.press('m');
    await page.waitForSelector('.review-form select[name="into"]:focus');
    await page.selectOption('.review-form select[name="into"]', REGULATOR);
    await page.keyboard.press('Enter');
    await decided(page, 6);
    expect(await page.locator(row(FINANCE)).count()).toBe(0);
    expect(await searchText(page, '市财政局')).toContain(REGULATOR);

    const decisions = await page.locator('.review-decision-list .review-decision').count();
    expect(decisions).toBe(6);
    await screenshot(page, 'review-1280-zh-curated');

    // Enter opens the selected fact in the graph.
    await goTo(page, REGULATOR);
    await page.keyboard.press('Enter');
    await viewReady(page, 'graph');
    await page.context().close();
  }, 600_000);

  it.each([
    [{ width: 1280, height: 720 }, 'en'],
    [{ width: 1920, height: 1080 }, 'zh'],
    [{ width: 1920, height: 1080 }, 'en'],
  ] as const)('fits %o in %s', async (size, lang) => {
    const page = await reviewPage(size, lang);
    await logIn(page, editor);
    // The rejected zone may head the list now; the regulator has actions.
    await goTo(page, REGULATOR);
    await page.waitForSelector('[data-action="accept"]');
    await page.keyboard.press('e');
    await page.waitForSelector('.review-form [data-autofocus]:focus');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await screenshot(page, `review-${size.width}-${lang}`);
    await page.context().close();
  });
});
