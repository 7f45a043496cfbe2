// The corpus report of `npm run import -- <folder> --report <file.md>`: one row per document (what kind of
// document, its parts, tasks, measures, targets, warnings, time), so a maintainer sees at a glance which real
// documents the importer reads well and which it reads flat.
import { basename } from 'node:path';
import type { PlanGraph } from '../server/src/domain/types.ts';

export interface DocumentRow {
  file: string;
  format: string;
  kind: string;
  title: string;
  parts: number;
  tasks: number;
  measures: number;
  targets: number;
  warnings: number;
  ms: number;
  /** Set when the file was refused; the counts are then 0. */
  refused: string | null;
}

/**
 * Kinds of 公文 a title ends with, longest first: the fifteen of the 党政机关公文处理工作条例 (2012, art. 8: 决议、
 * 决定、命令（令）、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要) plus the names of
 * normative and planning documents (条例、规定、办法、细则、规则、方案、规划、计划、纲要、预案、措施) and 复函/答复.
 */
const KINDS = [
  '指导意见',
  '实施意见',
  '实施方案',
  '工作方案',
  '若干措施',
  '实施细则',
  '暂行办法',
  '暂行规定',
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '复函',
  '答复',
  '纪要',
  '条例',
  '规定',
  '办法',
  '细则',
  '规则',
  '方案',
  '规划',
  '计划',
  '纲要',
  '预案',
  '措施',
  '函',
  '令',
].sort((a, b) => b.length - a.length);

/** The Plan's `kind` when the importer set one, else the genre word the title ends with ('' when none). */
export function documentKind(plan: PlanGraph['plan']): string {
  if (typeof plan.kind === 'string' && plan.kind !== '') return plan.kind;
  const title = plan.title.replace(/[（(][^（）()]*[）)]\s*$/, '').trim();
  return KINDS.find((kind) => title.endsWith(kind)) ?? '';
}

/** The row of a built document. */
export function documentRow(
  file: string,
  format: string,
  graph: PlanGraph,
  warnings: number,
  ms: number,
): DocumentRow {
  const count = (label: string) => graph.nodes.filter((node) => node.labels[0] === label).length;
  return {
    file: basename(file),
    format,
    kind: documentKind(graph.plan),
    title: graph.plan.title,
    parts: count('Domain'),
    tasks: count('Task'),
    measures: count('Measure'),
    targets: count('Target'),
    warnings,
    ms: Math.round(ms),
    refused: null,
  };
}

const cell = (value: string | number) => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The report as Markdown: how to regenerate it, one row per document, a totals row, and the wall time of the
 * whole run in seconds.
 */
export function corpusReport(
  rows: DocumentRow[],
  command: string,
  wallMs: number,
  generatedOn: Date,
): string {
  const sum = (key: 'parts' | 'tasks' | 'measures' | 'targets' | 'warnings' | 'ms') =>
    rows.reduce((total, row) => total + row[key], 0);
  const refused = rows.filter((row) => row.refused !== null);
  const lines = [
    '# Corpus report',
    '',
    `Generated on ${generatedOn.toISOString().slice(0, 10)} by the importer itself; regenerate it with`,
    '',
    '```',
    command,
    '```',
    '',
    'Parts are the domains (the groups of tasks the outline found), tasks and measures are as in the graph',
    "model (docs/graph-model.md), targets are Target nodes, warnings are the import summary's warnings, and ms is",
    "the time to read and build one document (dry run: nothing is written). Kind is the Plan's `kind`, or the",
    'genre word its title ends with.',
    '',
    '| # | file | format | kind | title | parts | tasks | measures | targets | warnings | ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row, i) =>
      row.refused !== null
        ? `| ${i + 1} | ${cell(row.file)} | ${row.format} | | refused: ${cell(row.refused)} | | | | | | ${row.ms} |`
        : `| ${i + 1} | ${cell(row.file)} | ${row.format} | ${cell(row.kind)} | ${cell(row.title)} | ${row.parts} | ${row.tasks} | ${row.measures} | ${row.targets} | ${row.warnings} | ${row.ms} |`,
    ),
    `| | **total: ${rows.length} documents** | | | ${refused.length} refused | ${sum('parts')} | ${sum('tasks')} | ${sum('measures')} | ${sum('targets')} | ${sum('warnings')} | ${sum('ms')} |`,
    '',
    `Wall time of the whole run: ${(wallMs / 1000).toFixed(1)} s for ${rows.length} documents.`,
    '',
  ];
  return lines.join('\n');
}
