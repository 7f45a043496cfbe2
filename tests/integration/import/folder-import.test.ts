// Importing a folder as a user would: every document in it (any format), README skipped, a refused file named
// without stopping the others, and a Markdown report with one row per document.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToDocx, markdownToHtml } from '../../unit/read/_from-markdown.ts';
import { fixture } from '../../unit/read/_paths.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { runImportCli } from './_cli.ts';

const root = mkdtempSync(path.join(tmpdir(), 'folder-import-'));
const folder = path.join(root, 'documents');

/** Rows of the report's table (not its header, separator or totals). */
function reportRows(report: string): string[][] {
  return report
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('npm run import -- <folder>', () => {
  beforeAll(async () => {
    mkdirSync(folder);
    copyFileSync(fixture('italic-leads.md'), path.join(folder, 'italic-leads.md'));
    writeFileSync(
      path.join(folder, 'variant-table.html'),
      markdownToHtml(readFileSync(fixture('variant-table.md'), 'utf8')),
    );
    writeFileSync(
      path.join(folder, 'guofa-2019-005.docx'),
      await markdownToDocx(readFileSync(fixture('guofa-2019-005.md'), 'utf8')),
    );
    writeFileSync(path.join(folder, 'README.md'), '# 说明\n\n本文件夹存放待导入的文件。\n');
    writeFileSync(path.join(folder, 'notes.pdf'), '%PDF-1.4 not a document the importer reads');
  });

  it('dry-runs every document and writes a report with one row per document', async () => {
    const report = path.join(root, 'report.md');
    const run = await runImportCli([folder, '--dry-run', '--report', report]);
    expect(run.stderr).toContain('3 documents, 0 refused');
    expect(run.code).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain(`npm run import -- ${folder} --dry-run --report ${report}`);
    const rows = reportRows(text);
    expect(rows.map((row) => [row[1], row[2], row[3]])).toEqual([
      ['guofa-2019-005.docx', 'docx', '意见'],
      ['italic-leads.md', 'markdown', '方案'],
      ['variant-table.html', 'html', '规划'],
    ]);
    expect(rows[0]?.[4]).toBe('国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见');
    // italic-leads.md holds two items, （一）压缩审批时限 and （二）推进一网通办.
    expect(rows[1]?.[6]).toBe('2');
    expect(text).toMatch(/\| \| \*\*total: 3 documents\*\* \|/);
    expect(text).toMatch(/Wall time of the whole run: \d+\.\d s for 3 documents\./);
  });

  it('prints one JSON graph per line for a folder dry run with --format json', async () => {
    const run = await runImportCli([folder, '--dry-run', '--format', 'json']);
    expect(run.code).toBe(0);
    const graphs = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { plan: { source: string }; nodes: unknown[] });
    expect(graphs.map((graph) => graph.plan.source)).toEqual([
      'guofa-2019-005.docx',
      'italic-leads.md',
      'variant-table.html',
    ]);
  });

  it('names a refused file and its reason, imports the others, and exits 1', async () => {
    const withBad = path.join(root, 'with-bad');
    mkdirSync(withBad);
    copyFileSync(fixture('italic-leads.md'), path.join(withBad, 'italic-leads.md'));
    writeFileSync(path.join(withBad, 'scan.md'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const report = path.join(root, 'with-bad.md');
    const run = await runImportCli([withBad, '--dry-run', '--report', report]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(withBad, 'scan.md')}: binary content (looks like PNG)`);
    const rows = reportRows(readFileSync(report, 'utf8'));
    expect(rows.map((row) => [row[1], row[4]])).toEqual([
      ['italic-leads.md', '青禾市营商环境改革实施方案'],
      ['scan.md', 'refused: binary content (looks like PNG)'],
    ]);
  });

  it('writes each document of the folder as its own plan', async () => {
    await resetDatabase();
    const run = await runImportCli([folder]);
    expect(run.stderr).toContain('3 documents, 0 refused');
    expect(run.code).toBe(0);
    const { records } = await testDriver().executeQuery(
      'MATCH (p:Plan) RETURN p.source AS source ORDER BY source',
      {},
      { database: testDatabase() },
    );
    expect(records.map((r) => r.get('source'))).toEqual([
      'guofa-2019-005.docx',
      'italic-leads.md',
      'variant-table.html',
    ]);
  });
});
