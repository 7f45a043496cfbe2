// The structure cases of ../shared/cases/importer (README there): each small document stands for a kind of fault
// real documents have, and must give what a reader sees in it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import { normalise } from '../../../server/src/ingest/normalise.ts';
import { parseOutline } from '../../../server/src/ingest/outline.ts';
import { CASES } from './_shared.ts';

function build(name: string) {
  const markdownFile = path.join(CASES, name);
  const result = buildPlanGraph({ markdown: readFileSync(markdownFile, 'utf8'), markdownFile });
  const nodes = (label: string) => result.graph.nodes.filter((n) => n.labels.includes(label as never));
  const titles = (label: string) => nodes(label).map((n) => n.properties.title);
  return { ...result, nodes, titles };
}

const BASE_OUTLINE = {
  chapters: ['重点改革任务'],
  domains: ['深化行政审批制度改革', '深化国资国企改革'],
  tasks: ['推进简政放权', '优化营商环境', '推进混合所有制改革'],
};

describe('importer cases: structure', () => {
  it('italic-leads: two tasks led in italics, and no * left in any text', () => {
    const { graph, titles } = build('italic-leads.md');
    expect(titles('Task')).toEqual(['压缩审批时限', '推进一网通办']);
    const texts = graph.nodes
      .flatMap((n) => Object.values(n.properties))
      .filter((v) => typeof v === 'string');
    expect(texts.filter((t) => t.includes('*'))).toEqual([]);
  });

  it('two-level-opinion: parts 一、二、 are the domains of items （一）（二）（三）', () => {
    const { titles } = build('two-level-opinion.md');
    expect(titles('Domain')).toEqual(['稳定外贸主体', '优化通关服务']);
    expect(titles('Task')).toEqual(['扩大出口信用保险覆盖面', '加大融资支持', '压缩通关时间']);
  });

  it('long-first-clause: three numbered items are three tasks, however long their first clause', () => {
    const { nodes } = build('long-first-clause.md');
    const tasks = nodes('Task').map((t) => String(t.properties.title));
    expect(tasks).toHaveLength(3);
    expect(tasks[0]?.length).toBeGreaterThan(40);
    expect(tasks[1]).toBe('压缩整体通关时间');
  });

  it('long-first-clause: a （负责部门：…） note is not a measure, but stays in its task for the extract stage', () => {
    const { nodes, extraction, text } = build('long-first-clause.md');
    const measures = nodes('Measure').map((m) => String(m.properties.text));
    expect(measures.filter((m) => m.includes('负责部门'))).toEqual([]);
    const notes = extraction.units
      .filter((u) => u.kind === 'task')
      .flatMap((u) => u.pieces.map((p) => text.slice(p.start, p.end)))
      .filter((p) => p.startsWith('（负责部门'));
    expect(notes).toEqual(['（负责部门：市商务局）', '（负责部门：青禾海关）', '（负责部门：市商务局）']);
  });

  it.each([
    'variants-base.md',
    'variant-zwsp.md',
    'variant-chapter-fullwidth-num.md',
    'variant-traditional.md',
    'variant-fullwidth-digits.md',
    'variant-ling-year.md',
  ])('%s has the outline of variants-base.md', (name) => {
    const { titles } = build(name);
    expect({ chapters: titles('Chapter'), domains: titles('Domain'), tasks: titles('Task') }).toEqual(
      BASE_OUTLINE,
    );
  });

  it.each(['variants-base.md', 'variant-fullwidth-digits.md', 'variant-ling-year.md'])(
    '%s reads its years and digits as ASCII: 30%% and 20户 by 2025',
    (name) => {
      const { nodes, text } = build(name);
      const targets = nodes('Target').map((t) => t.properties);
      expect(targets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ value: 30, unit: '%', year: 2025 }),
          expect.objectContaining({ value: 20, unit: '户', year: 2025 }),
        ]),
      );
      expect(text).not.toMatch(/[０-９％〇○]/);
    },
  );

  it('variant-table: the task table is a table, not a domain: 2 domains, 3 tasks, 2 rows', () => {
    const { titles } = build('variant-table.md');
    expect(titles('Domain')).toEqual(BASE_OUTLINE.domains);
    expect(titles('Task')).toEqual(BASE_OUTLINE.tasks);
    const source = readFileSync(path.join(CASES, 'variant-table.md'), 'utf8');
    const plan = normalise(source);
    const result = parseOutline(plan, 'variant-table.md');
    if (!result.ok) throw new Error('refused');
    const [table] = result.outline.tables;
    expect(result.outline.tables).toHaveLength(1);
    expect(table?.header.map((c) => c.text)).toEqual(['序号', '改革任务', '牵头单位', '完成时限']);
    expect(table?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['1', '推进简政放权', '市发展改革委', '2025年'],
      ['2', '优化营商环境', '市市场监管局', '2024年'],
    ]);
    for (const cell of [...(table?.header ?? []), ...(table?.rows.flat() ?? [])])
      expect(plan.text.slice(cell.start, cell.end)).toBe(cell.text);
  });
});

describe('what the extract stage reads', () => {
  it('variant-table: tasks with ids, titles and measures, and the table with its cells', () => {
    const { extraction, text } = build('variant-table.md');
    expect(extraction.text).toBe(text);
    expect(extraction.title).toBe('某市“十四五”时期经济体制改革专项规划');
    expect(extraction.tasks.map((t) => [t.id.split(':').slice(1).join(':'), t.title.text])).toEqual([
      ['task:1.1.1', '推进简政放权'],
      ['task:1.1.2', '优化营商环境'],
      ['task:1.2.1', '推进混合所有制改革'],
    ]);
    for (const task of extraction.tasks) {
      expect(text.slice(task.title.start, task.title.end)).toBe(task.title.text);
      expect(task.measures.length).toBeGreaterThan(0);
    }
    expect(extraction.tables).toHaveLength(1);
    expect(extraction.tables[0]?.rows.map((row) => row[2]?.text)).toEqual(['市发展改革委', '市市场监管局']);
    expect(new Set(extraction.units.map((u) => u.kind))).toEqual(
      new Set(['plan', 'chapter', 'section', 'domain', 'task', 'measure']),
    );
  });

  it('targets-before-first-part: the goals stated before the first part are in the Plan’s own unit', () => {
    const { extraction, text } = build('targets-before-first-part.md');
    const plan = extraction.units.find((u) => u.kind === 'plan');
    const front = plan?.pieces.map((p) => text.slice(p.start, p.end)).join('\n') ?? '';
    expect(front).toContain('95%');
    expect(front).toMatch(/10所/);
  });
});
