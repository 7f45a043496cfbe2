// The planners' ledger sheet: one row per task, bilingual headers, the same layout for XLSX and CSV, export
// and import. Columns are found by header on import, so a planner may reorder or drop optional ones.
import type { LedgerStatus } from '../domain/ledger-types.ts';

export const LEDGER_COLUMNS = [
  { key: 'ref', header: '序号 No.', width: 8 },
  { key: 'domain', header: '改革领域 Domain', width: 24 },
  { key: 'task', header: '改革任务 Task', width: 36 },
  { key: 'lead', header: '牵头单位 Lead agency', width: 22 },
  { key: 'agency', header: '责任单位 Responsible agency', width: 22 },
  { key: 'status', header: '状态 Status', width: 14 },
  { key: 'dueDate', header: '完成时限 Due date', width: 14 },
  { key: 'progress', header: '进度(%) Progress', width: 12 },
  { key: 'note', header: '进展情况 Progress note', width: 40 },
  { key: 'evidenceUrl', header: '佐证材料 Evidence link', width: 30 },
  { key: 'version', header: '版本 Version', width: 10 },
  { key: 'taskId', header: '任务编号 Task ID', width: 28 },
] as const;
export type LedgerColumnKey = (typeof LEDGER_COLUMNS)[number]['key'];

/** Status words planners write, in Chinese or English, beside the codes themselves. */
export const STATUS_WORDS: Record<LedgerStatus, string[]> = {
  'not-started': ['未启动', '未开始', 'not started'],
  'in-progress': ['推进中', '进行中', 'in progress'],
  done: ['已完成', '完成', 'completed'],
  delayed: ['滞后', '延期', '延迟'],
  suspended: ['暂停', '中止', '已暂停'],
};

export const STATUS_LABEL_ZH: Record<LedgerStatus, string> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  done: '已完成',
  delayed: '滞后',
  suspended: '暂停',
};

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A header cell names a column when it equals the whole header, its Chinese part or its English part. */
export function columnForHeader(text: string): LedgerColumnKey | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  for (const column of LEDGER_COLUMNS) {
    const [zh, ...en] = column.header.split(' ');
    const names = [column.header, zh ?? '', en.join(' '), column.key].map((n) => n.toLowerCase());
    if (names.includes(wanted)) return column.key;
  }
  return null;
}

/** CSV opened in a spreadsheet would run text starting with these as a formula; a leading ' keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreDefused(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
