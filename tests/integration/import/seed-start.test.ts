// What `npm start` does with the seed plan: imports it when missing, re-imports it when the seed file changed
// since its own import, and never silently overwrites a user's own import of the same plan id.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSeedIfNeeded } from '../../../scripts/seed.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { SEED_MD } from '../../unit/ingest/_plans.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'seed-start-'));
const seed = path.join(dir, 'seed.md');
const userCopy = path.join(dir, 'my-edit.md');
const seedYaml = SEED_MD.replace(/\.md$/, '.yaml');

function connection() {
  return {
    driver: testDriver(),
    database: testDatabase(),
    uri: 'test',
    embedded: null,
    close: async () => {},
  };
}

async function storedSha(): Promise<string> {
  const { records } = await testDriver().executeQuery(
    'MATCH (p:Plan) RETURN p.sha256 AS sha256',
    {},
    { database: testDatabase() },
  );
  expect(records).toHaveLength(1);
  return String(records[0]?.get('sha256'));
}

/** The seed's text with one more sentence at the end: a different file, the same plan id. */
function edited(file: string, sentence: string): void {
  writeFileSync(file, `${readFileSync(SEED_MD, 'utf8').trimEnd()}\n\n${sentence}\n`);
}

describe('the seed plan at start-up', () => {
  beforeAll(async () => {
    await resetDatabase();
    copyFileSync(SEED_MD, seed);
    copyFileSync(seedYaml, path.join(dir, 'seed.yaml'));
  });

  it('imports the seed when the database does not hold it, then leaves it unchanged', async () => {
    const lines: string[] = [];
    expect(await importSeedIfNeeded(connection(), seed, (l) => lines.push(l))).toBe('imported');
    expect(await importSeedIfNeeded(connection(), seed, (l) => lines.push(l))).toBe('unchanged');
    expect(lines[0]).toMatch(/^Imported the seed plan harbin-2016/);
    expect(lines[1]).toContain('already imported and unchanged');
  });

  it("keeps a user's own import of the same plan id, and says how to bring the seed back", async () => {
    edited(userCopy, '本规划由市发展改革委负责解释。');
    await importPlan(testDriver(), testDatabase(), {
      markdownPath: userCopy,
      annotationsPath: seedYaml,
      planId: 'harbin-2016',
    });
    const users = await storedSha();
    const lines: string[] = [];
    expect(await importSeedIfNeeded(connection(), seed, (l) => lines.push(l))).toBe('kept-user-import');
    expect(await storedSha()).toBe(users);
    expect(lines[0]).toContain('was imported with npm run import (from my-edit.md)');
    expect(lines[0]).toContain(`npm run import -- ${seed}`);
  });

  it('re-imports the seed when the seed file itself changed since the seed import, and says so', async () => {
    await importPlan(testDriver(), testDatabase(), { markdownPath: seed });
    expect(await importSeedIfNeeded(connection(), seed, () => {})).toBe('unchanged');
    const before = await storedSha();
    edited(seed, '本规划自印发之日起施行。');
    const lines: string[] = [];
    expect(await importSeedIfNeeded(connection(), seed, (l) => lines.push(l))).toBe('updated');
    expect(await storedSha()).not.toBe(before);
    expect(lines[0]).toContain('changed since it was imported: re-imported the seed plan harbin-2016');
  });
});
