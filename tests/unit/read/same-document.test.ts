// One document saved as Markdown, as a government web page and as a Word file must read to the same canonical
// markup and import to the same graph: a user should not get another plan because they chose another format.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanGraph, Properties } from '../../../server/src/domain/types.ts';
import { buildPlanFromFiles } from '../../../server/src/ingest/plan-files.ts';
import { readDocument } from '../../../server/src/ingest/read/read-document.ts';
import { markdownToDocx, markdownToHtml } from './_from-markdown.ts';
import { fixture } from './_paths.ts';

const DOCUMENTS = [fixture('italic-leads.md'), fixture('variant-table.md'), fixture('guofa-2019-005.md')];

/** The same document in three formats, written side by side under one base name (so one plan id). */
async function threeFormats(markdownFile: string): Promise<Record<'md' | 'html' | 'docx', string>> {
  const markdown = readFileSync(markdownFile, 'utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'read-formats-'));
  const base = path.join(dir, path.basename(markdownFile, '.md'));
  const files = { md: `${base}.md`, html: `${base}.html`, docx: `${base}.docx` };
  writeFileSync(files.md, markdown);
  writeFileSync(files.html, markdownToHtml(markdown));
  writeFileSync(files.docx, await markdownToDocx(markdown));
  return files;
}

function withoutSource(properties: Properties): Properties {
  const { source: _source, ...rest } = properties;
  return rest;
}

/** Everything of a graph a user could see, except Plan.source (the file's own name). */
function comparable(graph: PlanGraph) {
  return {
    plan: withoutSource(graph.plan),
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      labels: node.labels,
      properties: node.labels[0] === 'Plan' ? withoutSource(node.properties) : node.properties,
    })),
    relationships: graph.relationships.map((rel) => [rel.start, rel.type, rel.end, rel.properties]),
  };
}

describe.each(DOCUMENTS)('%s as .md, .html and .docx', (markdownFile) => {
  it('reads to the same canonical markup, each format recognised as itself', async () => {
    const files = await threeFormats(markdownFile);
    const read = await Promise.all(
      Object.values(files).map(async (file) => readDocument(readFileSync(file), file)),
    );
    expect(read.map((doc) => doc.format)).toEqual(['markdown', 'html', 'docx']);
    const [md, html, docx] = read.map((doc) => doc.text);
    expect(html).toBe(md);
    expect(docx).toBe(md);
  });

  it('imports to the same graph: nodes, names, properties and relationships', async () => {
    const files = await threeFormats(markdownFile);
    const [md, html, docx] = await Promise.all(
      Object.values(files).map((file) => buildPlanFromFiles({ markdownPath: file, annotationsPath: null })),
    );
    if (!md || !html || !docx) throw new Error('three builds expected');
    expect(md.graph.nodes.length).toBeGreaterThan(3);
    expect(comparable(html.graph)).toEqual(comparable(md.graph));
    expect(comparable(docx.graph)).toEqual(comparable(md.graph));
    expect([md.graph.plan.source, html.graph.plan.source, docx.graph.plan.source]).toEqual(
      Object.values(files).map((file) => path.basename(file)),
    );
  });
});

describe('what the canonical markup keeps of a page and a Word file', () => {
  it('keeps italic (楷体) leads, bold title lines, the document number and drops the source comment', async () => {
    const markdown = readFileSync(fixture('guofa-2019-005.md'), 'utf8');
    const html = await readDocument(Buffer.from(markdownToHtml(markdown)), 'guofa-2019-005.html');
    const lines = html.text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '**国务院关于在市场监管领域全面推行**',
      '**部门联合“双随机、一公开”监管的意见**',
      '',
      '*国发〔2019〕5号*',
    ]);
    expect(lines).toContain('*（一）统筹建设监管工作平台。*');
    expect(lines).toContain('**三、重点任务**');
    expect(html.text).not.toContain('source:');
  });

  it('reads a Word table as a pipe table with one row per task', async () => {
    const markdown = readFileSync(fixture('variant-table.md'), 'utf8');
    const docx = await readDocument(await markdownToDocx(markdown), 'variant-table.docx');
    expect(docx.text).toContain(
      [
        '| 序号 | 改革任务 | 牵头单位 | 完成时限 |',
        '|---|---|---|---|',
        '| 1 | 推进简政放权 | 市发展改革委 | 2025年 |',
        '| 2 | 优化营商环境 | 市市场监管局 | 2024年 |',
      ].join('\n'),
    );
    expect(docx.text).toContain('### 第三节 重点任务分工表');
  });
});
