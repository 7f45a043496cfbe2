// The mid-term review report (中期评估): progress per domain and agency, every task's state, what is
// blocked and the plan checks, as an XLSX workbook and as a printable HTML page built from the same data.
import ExcelJS from 'exceljs';
import {
  type BlockedResponse,
  LEDGER_STATUSES,
  type LedgerDashboardResponse,
  type LedgerRow,
  type PlanChecksResponse,
  type ProgressGroup,
} from '../domain/ledger-types.ts';
import type { LedgerService } from './ledger-service.ts';
import { responsibleAgency } from './ledger-views.ts';
import { STATUS_LABEL_ZH } from './spreadsheet-layout.ts';

export interface ReviewData {
  dashboard: LedgerDashboardResponse;
  rows: LedgerRow[];
  blocked: BlockedResponse;
  checks: PlanChecksResponse;
}

export async function reviewData(ledger: LedgerService, plan: string, asOf: string): Promise<ReviewData> {
  const [dashboard, rows, blocked, checks] = [
    await ledger.dashboard(plan, asOf),
    await ledger.rows(plan, asOf),
    await ledger.blocked(plan, ['explicit'], asOf),
    await ledger.checks(plan),
  ];
  return { dashboard, rows, blocked, checks };
}

const GROUP_HEADER = [
  '名称 Name',
  '任务数 Tasks',
  ...LEDGER_STATUSES.map((s) => `${STATUS_LABEL_ZH[s]} ${s}`),
  '逾期 Overdue',
  '平均进度(%) Mean progress',
];

function groupCells(g: ProgressGroup): Array<string | number> {
  return [g.name, g.total, ...LEDGER_STATUSES.map((s) => g.counts[s]), g.overdue, g.meanProgress];
}

const TASK_HEADER = [
  '序号 No.',
  '改革领域 Domain',
  '改革任务 Task',
  '责任单位 Agency',
  '状态 Status',
  '完成时限 Due',
  '进度(%) Progress',
  '逾期 Overdue',
  '进展情况 Note',
];

function taskCells(r: LedgerRow): Array<string | number> {
  return [
    r.ref ?? '',
    r.domainName ?? '',
    r.name,
    responsibleAgency(r).name ?? '',
    `${STATUS_LABEL_ZH[r.status]} ${r.status}`,
    r.current?.dueDate ?? '',
    r.current?.progress ?? 0,
    r.overdue ? '是 yes' : '',
    r.current?.note ?? '',
  ];
}

function blockedRows(data: ReviewData): string[][] {
  return data.blocked.items.flatMap((item) =>
    item.blocked.map((b) => [
      `${item.delayed.ref ?? ''} ${item.delayed.name}`,
      `${b.ref ?? ''} ${b.name}`,
      String(b.depth),
    ]),
  );
}

function checkRows(data: ReviewData): string[][] {
  const c = data.checks;
  return [
    ...c.tasksWithoutLead.map((t) => ['无牵头单位 No lead agency', `${t.ref ?? ''} ${t.name}`]),
    ...c.unmentionedPilots.map((p) => ['未被任务提及的试点 Pilot no task mentions', p.name]),
    ...c.targetsWithoutYear.map((t) => ['目标无年份 Target without a year', t.name]),
    ...c.dependencyCycles.map((cy) => ['依赖循环 Dependency cycle', cy.tasks.join(' → ')]),
  ];
}

function addTable(sheet: ExcelJS.Worksheet, header: string[], rows: Array<Array<string | number>>): void {
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export function reviewWorkbook(data: ReviewData): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const { dashboard } = data;
  const summary = workbook.addWorksheet('概览 Summary');
  summary.addRow(['中期评估报告 Mid-term review']).font = { bold: true, size: 14 };
  summary.addRow(['规划 Plan', dashboard.plan]);
  summary.addRow(['截至 As of', dashboard.asOf]);
  summary.addRow([]);
  addTable(summary, GROUP_HEADER, [groupCells({ ...dashboard.totals, name: '合计 All tasks' })]);
  summary.views = [];
  addTable(workbook.addWorksheet('按领域 By domain'), GROUP_HEADER, dashboard.byDomain.map(groupCells));
  addTable(workbook.addWorksheet('按单位 By agency'), GROUP_HEADER, dashboard.byAgency.map(groupCells));
  addTable(workbook.addWorksheet('任务 Tasks'), TASK_HEADER, data.rows.map(taskCells));
  addTable(
    workbook.addWorksheet('受阻 Blocked'),
    ['滞后任务 Delayed task', '受阻任务 Blocked task', '层级 Depth'],
    blockedRows(data),
  );
  addTable(workbook.addWorksheet('检查 Checks'), ['检查 Check', '对象 Item'], checkRows(data));
  return workbook;
}

function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlTable(header: string[], rows: Array<Array<string | number>>, empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A standalone page: no scripts, its own print styles, every value escaped. */
export function reviewHtml(data: ReviewData): string {
  const { dashboard } = data;
  const title = `中期评估报告 Mid-term review — ${dashboard.plan}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #111; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eee; } tr { break-inside: avoid; } .empty { color: #555; }
@media print { body { margin: 0; } @page { size: A4 landscape; margin: 12mm; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>截至 As of ${escapeHtml(dashboard.asOf)} · ${dashboard.totals.total} 项任务 tasks · ${dashboard.totals.overdue} 项逾期 overdue · 平均进度 mean progress ${dashboard.totals.meanProgress}%</p>
<h2>合计 Totals</h2>
${htmlTable(GROUP_HEADER, [groupCells({ ...dashboard.totals, name: '合计 All tasks' })], '')}
<h2>按领域 By domain</h2>
${htmlTable(GROUP_HEADER, dashboard.byDomain.map(groupCells), '无 None')}
<h2>按单位 By agency</h2>
${htmlTable(GROUP_HEADER, dashboard.byAgency.map(groupCells), '无 None')}
<h2>受阻任务 Blocked tasks</h2>
${htmlTable(['滞后任务 Delayed task', '受阻任务 Blocked task', '层级 Depth'], blockedRows(data), '没有任务因滞后而受阻。No task is blocked by a delay.')}
<h2>任务 Tasks</h2>
${htmlTable(TASK_HEADER, data.rows.map(taskCells), '无 None')}
<h2>规划检查 Plan checks</h2>
${htmlTable(['检查 Check', '对象 Item'], checkRows(data), '未发现问题。No problems found.')}
</body>
</html>
`;
}
