// Importing the demo corpus as a user would (`npm run import -- <corpus folder> <seed>`): every document is
// written and counted in the summary, and a second run finds every plan unchanged by its sha256 and writes
// nothing. Timings are printed for the report, never asserted.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../../unit/ingest/_shared.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { runImportCli } from '../import/_cli.ts';

const SEED = path.resolve(import.meta.dirname, '../../../seeds/harbin-2016-economic-reform.md');
/** The corpus folder's documents, README excepted: read from the folder, not from the importer. */
const CORPUS_DOCUMENTS = readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md').length;

async function count(cypher: string): Promise<number> {
  const { records } = await testDriver().executeQuery(cypher, {}, { database: testDatabase() });
  return Number(records[0]?.get(0));
}

describe('npm run import -- <corpus folder> <seed>', () => {
  beforeAll(resetDatabase);

  it('imports every document of the corpus and the seed, and says so in the summary', async () => {
    expect(CORPUS_DOCUMENTS).toBe(52);
    const started = performance.now();
    const run = await runImportCli([CORPUS, SEED, '--batch', '8']);
    const ms = performance.now() - started;
    process.stdout.write(`corpus import, first run: ${(ms / 1000).toFixed(1)} s\n`);
    expect(run.stderr).toContain('53 documents, 0 refused, 53 imported, 0 unchanged, 0 failed');
    expect(run.code).toBe(0);
    // The summary table: one line per status, the documents' count in the second column.
    expect(run.stdout).toMatch(/│ imported\s+│ 53\s+│/);
    expect(run.stdout).toMatch(/│ unchanged\s+│ 0\s+│/);
    expect(await count('MATCH (p:Plan) RETURN count(p)')).toBe(53);
    expect(await count('MATCH (p:Plan) WHERE p.sha256 IS NULL RETURN count(p)')).toBe(0);
  }, 600_000);

  it('skips every document on a second run: the stored digests match, nothing is written', async () => {
    const before = await count('MATCH (n) RETURN count(n)');
    const started = performance.now();
    const run = await runImportCli([CORPUS, SEED]);
    const ms = performance.now() - started;
    process.stdout.write(`corpus import, second run: ${(ms / 1000).toFixed(1)} s\n`);
    expect(run.stderr).toContain('53 documents, 0 refused, 0 imported, 53 unchanged, 0 failed');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ unchanged\s+│ 53\s+│/);
    expect(await count('MATCH (n) RETURN count(n)')).toBe(before);
  }, 120_000);

  it('rewrites every document with --force, leaving the same counts', async () => {
    const before = await count('MATCH (n) RETURN count(n)');
    const run = await runImportCli([CORPUS, SEED, '--force', '--batch', '20']);
    expect(run.stderr).toContain('53 documents, 0 refused, 53 imported, 0 unchanged, 0 failed');
    expect(await count('MATCH (n) RETURN count(n)')).toBe(before);
  }, 600_000);
});
