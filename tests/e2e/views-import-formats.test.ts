// The import page takes the four formats a planner has their plan in: the same State Council document, written
// in the test as .txt, .html and .docx (the .md is views-import.test.ts's), is chosen in Chromium, previewed with
// the counts the CLI's dry run gives for that very file, committed, and found in the plan picker.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPlanFromFiles } from '../../server/src/ingest/plan-files.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { markdownToDocx, markdownToHtml, markdownToText } from '../unit/read/_from-markdown.ts';
import { openPage } from './_browser.ts';
import { createAccounts, logIn } from './_ledger.ts';
import { viewReady } from './_views.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = ['../shared', '../../shared']
  .map((up) => path.resolve(ROOT, up, 'corpus/state-council'))
  .find((folder) => {
    try {
      readFileSync(path.join(folder, 'README.md'));
      return true;
    } catch {
      return false;
    }
  });
const RUN = Date.now().toString(36);

describe('the import page, for each format', () => {
  const neo4j = inject('e2eNeo4j');
  const driver = createDriver(neo4j.uri, neo4j.username, neo4j.password);
  const plans: string[] = [];
  let admin = '';
  let files: Record<'txt' | 'html' | 'docx', string>;

  beforeAll(async () => {
    ({ admin } = await createAccounts({ admin: 'admin' }));
    const markdown = readFileSync(path.join(CORPUS ?? '', 'guofa-2019-005.md'), 'utf8');
    const folder = mkdtempSync(path.join(tmpdir(), 'import-formats-'));
    const file = (extension: string) => path.join(folder, `e2e-${extension}-${RUN}.${extension}`);
    files = { txt: file('txt'), html: file('html'), docx: file('docx') };
    writeFileSync(files.txt, markdownToText(markdown));
    writeFileSync(files.html, markdownToHtml(markdown));
    writeFileSync(files.docx, await markdownToDocx(markdown));
  });
  afterAll(async () => {
    // Leave the e2e database with the seed alone, as the other browser tests expect.
    for (const plan of plans)
      await driver.executeQuery(
        `MATCH (n {plan: $plan}) DETACH DELETE n WITH count(*) AS _
         MATCH (p:Plan {id: $plan}) DETACH DELETE p WITH count(*) AS _
         OPTIONAL MATCH (d {ofPlan: $plan}) DETACH DELETE d`,
        { plan },
        { database: neo4j.database },
      );
    await driver.close();
  });

  for (const format of ['txt', 'html', 'docx'] as const) {
    it(`previews a .${format} with the CLI dry run's counts for it, commits it, and lists the plan`, async () => {
      const file = files[format];
      const cli = await buildPlanFromFiles({ markdownPath: file, annotationsPath: null });
      const plan = cli.graph.plan.id;
      plans.push(plan);
      const page = await openPage('/?page=import&lang=en', { width: 1920, height: 1080 });
      await viewReady(page, 'import');
      await logIn(page, admin);
      await page.waitForSelector('.import-drop:not([hidden])');
      await page.setInputFiles('input.import-file', {
        name: path.basename(file),
        mimeType: 'application/octet-stream',
        buffer: readFileSync(file),
      });
      await page.waitForSelector('.import-preview');
      for (const [label, count] of Object.entries(cli.summary.counts.labels)) {
        const shown = await page.textContent(`.import-count-table tr[data-label="${label}"] .import-count`);
        expect([label, Number(shown)]).toEqual([label, count]);
      }
      await page.click('.import-commit');
      await page.waitForSelector('.import-done');
      await Promise.all([page.waitForURL(`**/?plan=${plan}*`), page.click('.import-open-plan')]);
      await page.waitForSelector('select.views-plan');
      expect(await page.locator(`select.views-plan option[value="${plan}"]`).count()).toBe(1);
      await page.context().close();
    });
  }
});
