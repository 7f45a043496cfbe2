// With a second plan imported, the server no longer guesses which plan a request means: the explorer must
// show one plan (the link's, else the first), offer the others in a picker, and keep the plan in its links.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { importPlan } from '../../server/src/import/plan-import.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { centreOn, closeAll, nodePoint, openExplorer, settle, someTask } from './_explorer.ts';

const SECOND_PLAN = 'tests/fixtures/plans/jiangbei-2021-innovation.md';

function domainsOf(page: Awaited<ReturnType<typeof openExplorer>>) {
  return page.evaluate(() =>
    (window.__cy?.nodes('[label = "Domain"]') ?? []).map((d) => d.id().split(':')[0] as string),
  );
}

describe('several imported plans', () => {
  const neo4j = inject('e2eNeo4j');
  const driver = createDriver(neo4j.uri, neo4j.username, neo4j.password);
  let secondId = '';

  beforeAll(async () => {
    secondId = (await importPlan(driver, neo4j.database, { markdownPath: SECOND_PLAN })).planId;
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterAll(async () => {
    // Leave the e2e database with the seed alone, as the other browser tests expect.
    await driver.executeQuery(
      'MATCH (n:PlanData {plan: $plan}) DETACH DELETE n WITH count(*) AS _ MATCH (p:Plan {id: $plan}) DETACH DELETE p',
      { plan: secondId },
      { database: neo4j.database },
    );
    await driver.close();
    // The server rechecks the data version at most every 250 ms; the next file must not see cached plans.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterEach(closeAll);

  it('shows the plan named in the link and only that plan', async () => {
    const page = await openExplorer(`/?plan=${encodeURIComponent(secondId)}`);
    const planIds = new Set(await domainsOf(page));
    expect([...planIds]).toEqual([secondId]);
    await expect(page.locator('select.views-plan').inputValue()).resolves.toBe(secondId);
  });

  it('keeps the plan in the address while the view changes, so a copied link reopens this plan', async () => {
    const page = await openExplorer(`/?plan=${encodeURIComponent(secondId)}&lod=all`);
    // Click a task: the view writes its state (selection, camera) into the address.
    const task = await someTask(page);
    await centreOn(page, task);
    const point = await nodePoint(page, task);
    await page.mouse.click(point.x, point.y);
    await settle(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('sel')).toBe(task);
    expect(url.searchParams.get('plan')).toBe(secondId);
    const reopened = await openExplorer(`${url.pathname}${url.search}`);
    expect(new Set(await domainsOf(reopened))).toEqual(new Set([secondId]));
  });

  it('shows the first plan when the link names none, and switches plans from the picker', async () => {
    const page = await openExplorer('/');
    const first = await domainsOf(page);
    expect(first.length).toBeGreaterThan(0);
    expect(first).not.toContain(secondId);
    await Promise.all([
      page.waitForURL(/plan=/, { waitUntil: 'load' }),
      page.selectOption('select.views-plan', secondId),
    ]);
    await settle(page);
    expect(new Set(await domainsOf(page))).toEqual(new Set([secondId]));
  });
});
