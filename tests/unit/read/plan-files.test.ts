// A plan's annotation lies beside its document under the same name, whatever the document's format, so a
// user who saves the plan as Word or HTML keeps their curation.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanFromFiles, defaultAnnotationsPath } from '../../../server/src/ingest/plan-files.ts';
import { markdownToDocx } from './_from-markdown.ts';
import { fixture } from './_paths.ts';

describe('the annotation beside a document', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-files-'));

  it.each(['plan.md', 'plan.txt', 'plan.html', 'plan.htm', 'plan.docx'])('is plan.yaml for %s', (name) => {
    writeFileSync(path.join(dir, 'plan.yaml'), 'plan:\n  id: plan\n');
    expect(defaultAnnotationsPath(path.join(dir, name))).toBe(path.join(dir, 'plan.yaml'));
  });

  it('is plan.yml when there is no plan.yaml, and none when neither exists', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'plan-files-'));
    expect(defaultAnnotationsPath(path.join(other, 'plan.docx'))).toBeNull();
    writeFileSync(path.join(other, 'plan.yml'), 'plan:\n  id: plan\n');
    expect(defaultAnnotationsPath(path.join(other, 'plan.docx'))).toBe(path.join(other, 'plan.yml'));
  });

  it('gives a Word plan the id its annotation names', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plan-files-'));
    const docx = path.join(folder, 'italic-leads.docx');
    writeFileSync(docx, await markdownToDocx(readFileSync(fixture('italic-leads.md'), 'utf8')));
    const annotation = [
      'plan:',
      '  id: qinghe-2025-business',
      '  title: 青禾市营商环境改革实施方案',
      '  titleEn: Qinghe business-environment reform implementation plan',
      '  periodStart: 2025',
      '  periodEnd: 2025',
      '',
    ];
    writeFileSync(path.join(folder, 'italic-leads.yaml'), annotation.join('\n'));
    const built = await buildPlanFromFiles({ markdownPath: docx });
    expect(built.annotationsPath).toBe(path.join(folder, 'italic-leads.yaml'));
    expect(built.format).toBe('docx');
    expect(built.graph.plan.id).toBe('qinghe-2025-business');
    expect(built.graph.plan.titleEn).toBe('Qinghe business-environment reform implementation plan');
    expect(built.graph.plan.source).toBe('italic-leads.docx');
  });

  it('names a missing document as not found', async () => {
    await expect(buildPlanFromFiles({ markdownPath: path.join(dir, 'missing.docx') })).rejects.toThrow(
      `${path.join(dir, 'missing.docx')}: cannot read the file: file not found`,
    );
  });
});

describe('line numbers in warnings about a Markdown document', () => {
  it('count the lines of the file, not of its canonical form without the comment and blank lines', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'plan-files-')), 'skip.md');
    const lines = [
      '<!-- 来源：测试',
      '     第二行 -->',
      '',
      '',
      '# 某市改革方案',
      '',
      '一、第一部分',
      '',
      '（一）推进改革。加快推进改革。',
      '',
    ];
    // Line 11 is numbered 三 but is the second part: the outline warns about it.
    lines.push('三、第二部分', '', '（一）优化服务。持续优化服务。', '');
    writeFileSync(file, lines.join('\n'));
    const built = await buildPlanFromFiles({ markdownPath: file });
    const aboutThree = built.summary.warnings.filter((warning) => warning.includes('三、第二部分'));
    expect(aboutThree).toHaveLength(1);
    expect(aboutThree[0]).toMatch(/\bline 11\b/);
  });
});
