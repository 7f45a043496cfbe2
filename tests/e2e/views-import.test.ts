// The import page in Chromium: an admin chooses a State Council document, sees the preview with the counts the
// CLI's dry run gives, commits, follows the link and finds the plan in the plan picker; uploading it again shows
// the diff and asks for confirmation; a PNG renamed .md gets a clear message and nothing is stored.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPlanFromFiles } from '../../server/src/ingest/plan-files.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { openPage, screenshot } from './_browser.ts';
import { createAccounts, logIn } from './_ledger.ts';
import { viewReady } from './_views.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS_FILE = ['../shared', '../../shared']
  .map((up) => path.resolve(ROOT, up, 'corpus/state-council/guofa-2019-005.md'))
  .find((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });

/** A file name unique to this run: the plan id follows from it. */
const NAME = `e2e-import-${Date.now().toString(36)}.md`;
const PLAN = NAME.replace(/\.md$/, '');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function importPage(size: { width: number; height: number }, lang: 'zh' | 'en', user: string) {
  const page = await openPage(`/?page=import${lang === 'en' ? '&lang=en' : ''}`, size);
  await viewReady(page, 'import');
  await logIn(page, user);
  await page.waitForSelector('.import-drop:not([hidden])');
  return page;
}

async function choose(page: Page, name: string, buffer: Buffer) {
  await page.setInputFiles('input.import-file', { name, mimeType: 'application/octet-stream', buffer });
}

/** The count the preview's table shows for a label. */
async function shownCount(page: Page, label: string): Promise<number> {
  return Number(await page.textContent(`.import-count-table tr[data-label="${label}"] .import-count`));
}

describe('the import page', () => {
  const neo4j = inject('e2eNeo4j');
  const driver = createDriver(neo4j.uri, neo4j.username, neo4j.password);
  let admin = '';
  const documentBytes = readFileSync(CORPUS_FILE ?? '');

  beforeAll(async () => {
    ({ admin } = await createAccounts({ admin: 'admin' }));
  });
  afterAll(async () => {
    // Leave the e2e database with the seed alone, as the other browser tests expect.
    await driver.executeQuery(
      'MATCH (n:PlanData {plan: $plan}) DETACH DELETE n WITH count(*) AS _ MATCH (p:Plan {id: $plan}) DETACH DELETE p',
      { plan: PLAN },
      { database: neo4j.database },
    );
    await driver.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('previews a document with the CLI dry run’s counts, commits it, and the plan is in the picker', async () => {
    const cli = await buildPlanFromFiles({ markdownPath: CORPUS_FILE ?? '', annotationsPath: null });
    const page = await importPage({ width: 1280, height: 720 }, 'zh', admin);
    await choose(page, NAME, documentBytes);
    await page.waitForSelector('.import-preview');
    for (const label of ['Task', 'Agency', 'Measure'])
      expect(await shownCount(page, label)).toBe(cli.summary.counts.labels[label] ?? 0);
    expect(await page.textContent('.import-preview-title')).toContain(cli.graph.plan.title);
    expect(await page.locator('.import-tree li').count()).toBeGreaterThan(0);
    await screenshot(page, 'import-preview-1280-zh');
    // Keyboard: the commit button has the focus once the preview is shown.
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('import-commit')),
    ).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.import-done');
    await screenshot(page, 'import-done-1280-zh');
    await Promise.all([page.waitForURL(`**/?plan=${PLAN}`), page.click('.import-open-plan')]);
    await page.waitForSelector('select.views-plan');
    expect(await page.locator(`select.views-plan option[value="${PLAN}"]`).count()).toBe(1);
    expect(await page.locator('select.views-plan').inputValue()).toBe(PLAN);
  });

  it('shows what a second import of the same document would change and asks before replacing', async () => {
    const page = await importPage({ width: 1920, height: 1080 }, 'en', admin);
    await choose(page, NAME, documentBytes);
    await page.waitForSelector('.import-diff');
    expect(await page.textContent('.import-diff-totals')).toContain('0 added · 0 removed · 0 changed');
    expect(await page.isDisabled('.import-commit')).toBe(true);
    await page.check('.import-confirm');
    expect(await page.isDisabled('.import-commit')).toBe(false);
    await screenshot(page, 'import-diff-1920-en');
  });

  /** Node and relationship counts and a checksum over every node's and relationship's labels/type and properties. */
  async function fingerprint(): Promise<string> {
    const database = neo4j.database;
    const nodes = await driver.executeQuery(
      'MATCH (n) RETURN labels(n) AS l, properties(n) AS p',
      {},
      { database },
    );
    const rels = await driver.executeQuery(
      'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p',
      {},
      { database },
    );
    const lines = [
      ...nodes.records.map((r) => JSON.stringify([r.get('l'), Object.entries(r.get('p')).sort()])),
      ...rels.records.map((r) =>
        JSON.stringify([r.get('a'), r.get('t'), r.get('b'), Object.entries(r.get('p')).sort()]),
      ),
    ].sort();
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
    return `${nodes.records.length} nodes, ${rels.records.length} relationships, ${digest}`;
  }

  it.each([
    [
      'a PNG renamed .md',
      'plan.md',
      PNG,
      'en',
      { width: 1280, height: 720 },
      'This is not a document: its content looks like PNG',
    ],
    [
      'a PNG renamed .md',
      'plan.md',
      PNG,
      'zh',
      { width: 1920, height: 1080 },
      '这不是文档：文件内容看起来是 PNG',
    ],
    ['an empty file', 'empty.docx', Buffer.alloc(0), 'zh', { width: 1280, height: 720 }, '文件是空的'],
    [
      'a 12 MB file',
      'big.txt',
      Buffer.alloc(12 * 1024 * 1024, 0x41),
      'en',
      { width: 1920, height: 1080 },
      'The file is too large (12.0 MB)',
    ],
  ] as const)(
    'says why %s cannot be imported (%s) and stores nothing',
    async (what, name, bytes, lang, size, message) => {
      const page = await importPage(size, lang, admin);
      const before = await fingerprint();
      await choose(page, name, bytes);
      await page.waitForSelector('.import-error');
      expect(await page.textContent('.import-error p')).toContain(message);
      await screenshot(page, `import-error-${what.split(' ')[1]}-${size.width}-${lang}`);
      expect(await fingerprint()).toBe(before);
    },
  );

  it('tells a visitor who is not logged in to log in', async () => {
    const page = await openPage('/?page=import&lang=en', { width: 1280, height: 720 });
    await viewReady(page, 'import');
    expect(await page.isVisible('.import-gate')).toBe(true);
    expect(await page.isVisible('.import-drop')).toBe(false);
    await screenshot(page, 'import-anonymous-1280-en');
  });
});
