// What the import CLI shows: the corpus report of `npm run import -- <folder> --report <file.md>` (one row per
// document: kind, parts, tasks, measures, targets, warnings, time), so a maintainer sees at a glance which real
// documents the importer reads well and which it reads flat; and the terminal tables of one plan or a folder.
import { basename } from 'node:path';
import Table from 'cli-table3';
import type { PlanGraph } from '../server/src/domain/types.ts';
import type { ImportSummary } from '../server/src/ingest/build-plan-graph.ts';

/** Colours only on a terminal, so a redirected summary stays plain text. */
const tableStyle = process.stdout.isTTY ? {} : { style: { head: [], border: [] } };

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
  /** Nodes and relationships of the built graph. */
  nodes: number;
  relationships: number;
  ms: number;
  /** Set when the file was refused (or its write failed); the counts are then 0 for a refusal. */
  refused: string | null;
  /** What became of it: built, dry run, imported, unchanged (same sha256 as stored), refused, failed. */
  status: string;
}

/**
 * Kinds of 公文 a title ends with: the fifteen of the 党政机关公文处理工作条例 (2012, art. 8: 决议、决定、命令（令）、
 * 公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要), the names of normative and planning
 * documents (条例、规定、办法、细则、规则、方案、规划、计划、纲要、预案、措施), and 答复. A compound name gives its
 * genre (指导意见 → 意见, 实施方案 → 方案, 复函 → 函), as Plan.kind does. Longest first, so 命令 wins over 令.
 */
const KINDS = [
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
    nodes: graph.nodes.length,
    relationships: graph.relationships.length,
    ms: Math.round(ms),
    refused: null,
    status: 'built',
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

/** The rows as a terminal table (cli-table3), for `--format table` on a folder. */
export function documentsTable(rows: DocumentRow[]): string {
  const table = new Table({
    head: ['file', 'status', 'kind', 'parts', 'tasks', 'measures', 'targets', 'warnings', 'ms'],
    ...tableStyle,
  });
  for (const row of rows) {
    table.push(
      row.status === 'refused'
        ? [row.file, 'refused', '', '', '', '', '', '', row.ms]
        : [
            row.file,
            row.status,
            row.kind,
            row.parts,
            row.tasks,
            row.measures,
            row.targets,
            row.warnings,
            row.ms,
          ],
    );
  }
  return table.toString();
}

/** How many documents ended in each status, in a fixed order (statuses with no document are 0). */
export function statusCounts(rows: DocumentRow[]): Record<string, number> {
  const counts: Record<string, number> = { imported: 0, unchanged: 0, refused: 0, failed: 0 };
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

/**
 * The summary of a run over many documents, as a terminal table: documents per status, and the nodes,
 * relationships, tasks and measures of the imported documents (those written by this run) and of all.
 */
export function corpusSummaryTable(rows: DocumentRow[], wallMs: number): string {
  const table = new Table({
    head: ['summary', 'documents', 'nodes', 'relationships', 'tasks', 'measures'],
    ...tableStyle,
  });
  const total = (subset: DocumentRow[], key: 'nodes' | 'relationships' | 'tasks' | 'measures') =>
    subset.reduce((sum, row) => sum + row[key], 0);
  const line = (label: string, subset: DocumentRow[]) => [
    label,
    subset.length,
    total(subset, 'nodes'),
    total(subset, 'relationships'),
    total(subset, 'tasks'),
    total(subset, 'measures'),
  ];
  for (const status of Object.keys(statusCounts(rows))) {
    table.push(
      line(
        status,
        rows.filter((row) => row.status === status),
      ),
    );
  }
  table.push(line('all', rows));
  return `${table.toString()}
wall time ${(wallMs / 1000).toFixed(1)} s`;
}

/** One plan's import summary as terminal tables: counts, pilot-like phrases, warnings. */
export function summaryTable(summary: ImportSummary): string {
  const counts = new Table({ head: ['nodes', 'count', 'relationships', 'count'], ...tableStyle });
  const labels = Object.entries(summary.counts.labels);
  const rels = Object.entries(summary.counts.relationships);
  for (let i = 0; i < Math.max(labels.length, rels.length); i += 1) {
    counts.push([labels[i]?.[0] ?? '', labels[i]?.[1] ?? '', rels[i]?.[0] ?? '', rels[i]?.[1] ?? '']);
  }
  const parts = [`plan ${summary.planId}`, counts.toString()];
  if (summary.candidates.length > 0) {
    const candidates = new Table({
      head: ['pilot-like phrase not in the annotation', 'times'],
      ...tableStyle,
    });
    for (const c of summary.candidates) candidates.push([c.phrase, c.count]);
    parts.push(candidates.toString());
  }
  if (summary.warnings.length > 0) {
    const warnings = new Table({ head: ['warnings'], colWidths: [100], wordWrap: true, ...tableStyle });
    for (const w of summary.warnings) warnings.push([w]);
    parts.push(warnings.toString());
  }
  return parts.join('\n');
}
