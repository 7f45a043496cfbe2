import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { buildPlanFromFiles } from '../../../server/src/ingest/plan-files.ts';
import { writePlanGraph } from '../../../server/src/neo4j/plan-writer.ts';
import { SEED_MD, SEED_MINIMAL_YAML } from '../../unit/ingest/_plans.ts';
import { graphFingerprint, resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { runImportCli } from './_cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'import-failures-'));

describe('an import that fails leaves the stored graph exactly as it was', () => {
  let before: Awaited<ReturnType<typeof graphFingerprint>>;

  beforeAll(async () => {
    await resetDatabase();
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    before = await graphFingerprint();
    expect(before.nodes).toBeGreaterThan(100);
  });

  it('exits 1 naming the YAML file, line and quote when a quote is not in the plan', async () => {
    const yaml = readFileSync(SEED_MINIMAL_YAML, 'utf8').replace(
      '国家申请建设中俄自贸区',
      '国家批准建设中俄自贸区',
    );
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, yaml);
    const line = yaml.slice(0, yaml.indexOf('国家批准建设中俄自贸区')).split('\n').length;
    const run = await runImportCli([SEED_MD, '--annotations', broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${broken}:${line}:`);
    expect(run.stderr).toContain('国家批准建设中俄自贸区');
    expect(await graphFingerprint()).toEqual(before);
  });

  it('exits 1 naming the file and the reason when a PNG is renamed .md', async () => {
    const png = path.join(dir, 'scan.md');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const run = await runImportCli([png]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${png}: binary content (looks like PNG)`);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('imports a readable document without numbered parts as paragraphs, with a warning naming the file', async () => {
    const plain = path.join(dir, 'notes.md');
    writeFileSync(plain, '\n会议纪要\n\n今天讨论了改革。\n');
    const run = await runImportCli([plain, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ Plan +│ 1 +│/);
    expect(run.stdout).toMatch(/│ warnings/);
    expect(run.stdout).toContain(plain);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('rolls back the deletion when the write fails inside the transaction', async () => {
    const { graph } = await buildPlanFromFiles({ markdownPath: SEED_MD });
    const first = graph.nodes[1]?.id ?? '';
    const corrupt = {
      ...graph,
      relationships: [
        ...graph.relationships,
        { type: 'DEPENDS_ON' as const, start: first, end: 'missing', properties: {} },
      ],
    };
    await expect(writePlanGraph(testDriver(), testDatabase(), corrupt)).rejects.toThrow(/missing/);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('prints the graph as JSON on a dry run and writes nothing', async () => {
    const run = await runImportCli([SEED_MD, '--dry-run', '--format', 'json']);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['plan', 'nodes', 'relationships']);
    const nodes = printed.nodes as Array<Record<string, unknown>>;
    const rels = printed.relationships as Array<Record<string, unknown>>;
    expect(Object.keys(nodes[0] ?? {})).toEqual(['id', 'labels', 'properties']);
    expect(Object.keys(rels[0] ?? {})).toEqual(['type', 'start', 'end', 'properties']);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('exits 2 when the database cannot be reached', async () => {
    const run = await runImportCli([SEED_MD], { NEO4J_URI: 'bolt://127.0.0.1:9' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/database error/);
  }, 150_000);
});
