// Derived views of the ledger (table rows, status map, dashboard groups), computed from the tasks' current
// states without I/O so the rules (what is overdue, how a group is counted) are tested on their own.
import {
  LEDGER_STATUSES,
  type LedgerRow,
  type LedgerStatus,
  type LedgerStatusResponse,
  type ProgressGroup,
} from '../domain/ledger-types.ts';
import { assertNever } from '../domain/model.ts';
import type { TaskLedgerState } from './stores.ts';

/** The server's local calendar date, YYYY-MM-DD (the ledger's dates are days, not instants). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Late = due date passed and the task still open; done and suspended tasks wait for nobody. */
export function isOverdue(status: LedgerStatus, dueDate: string | null, asOf: string): boolean {
  return dueDate !== null && dueDate < asOf && status !== 'done' && status !== 'suspended';
}

export function toRow(state: TaskLedgerState, asOf: string): LedgerRow {
  const status = state.current?.status ?? 'not-started';
  return {
    ...state.task,
    current: state.current,
    status,
    version: state.version,
    overdue: isOverdue(status, state.current?.dueDate ?? null, asOf),
  };
}

export const SORT_KEYS = ['ref', 'task', 'domain', 'agency', 'status', 'due', 'progress', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface RowFilter {
  domain?: string;
  agency?: string;
  status?: LedgerStatus[];
  overdue?: boolean;
  sort?: SortKey;
  order?: 'asc' | 'desc';
}

/** The agency answerable for a task now: the one the current entry names, else the task's lead. */
export function responsibleAgency(row: LedgerRow): { id: string | null; name: string | null } {
  if (row.current?.agencyId) return { id: row.current.agencyId, name: row.current.agencyName };
  return { id: row.leadAgencyId, name: row.leadAgencyName };
}

/** Task refs like 1.10 sort after 1.9. */
function compareRefs(a: string | null, b: string | null): number {
  const parts = (ref: string | null) => (ref ?? '').split('.').map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Missing values sort last whatever the order, so an ascending due-date sort starts with real dates. */
function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, sign: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * compare(a, b);
}

function compareBy(key: SortKey, sign: number): (a: LedgerRow, b: LedgerRow) => number {
  const text = (x: string, y: string) => x.localeCompare(y, 'zh');
  switch (key) {
    case 'ref':
      return (a, b) => sign * (compareRefs(a.ref, b.ref) || text(a.taskId, b.taskId));
    case 'task':
      return (a, b) => sign * text(a.name, b.name);
    case 'domain':
      return (a, b) =>
        compareNullable(a.domainNumber, b.domainNumber, (x, y) => x - y, sign) || compareRefs(a.ref, b.ref);
    case 'agency':
      return (a, b) => compareNullable(responsibleAgency(a).name, responsibleAgency(b).name, text, sign);
    case 'status':
      return (a, b) => sign * (LEDGER_STATUSES.indexOf(a.status) - LEDGER_STATUSES.indexOf(b.status));
    case 'due':
      return (a, b) => compareNullable(a.current?.dueDate ?? null, b.current?.dueDate ?? null, text, sign);
    case 'progress':
      return (a, b) => sign * ((a.current?.progress ?? 0) - (b.current?.progress ?? 0));
    case 'updated':
      return (a, b) =>
        compareNullable(a.current?.createdAt ?? null, b.current?.createdAt ?? null, text, sign);
    default:
      return assertNever(key, 'sort key');
  }
}

export function filterAndSort(rows: LedgerRow[], filter: RowFilter): LedgerRow[] {
  const matches = rows.filter(
    (row) =>
      (filter.domain === undefined ||
        row.domainId === filter.domain ||
        String(row.domainNumber) === filter.domain) &&
      (filter.agency === undefined ||
        responsibleAgency(row).id === filter.agency ||
        row.leadAgencyId === filter.agency) &&
      (filter.status === undefined || filter.status.includes(row.status)) &&
      (filter.overdue === undefined || row.overdue === filter.overdue),
  );
  const sign = filter.order === 'desc' ? -1 : 1;
  const primary = compareBy(filter.sort ?? 'ref', sign);
  return matches.sort((a, b) => primary(a, b) || compareRefs(a.ref, b.ref));
}

export function statusMap(rows: LedgerRow[]): LedgerStatusResponse['tasks'] {
  const out: LedgerStatusResponse['tasks'] = {};
  for (const row of rows) {
    out[row.taskId] = {
      status: row.status,
      overdue: row.overdue,
      progress: row.current?.progress ?? 0,
      version: row.version,
    };
  }
  return out;
}

function emptyCounts(): Record<LedgerStatus, number> {
  return Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<LedgerStatus, number>;
}

export function progressGroup(
  id: string,
  name: string,
  nameEn: string | null,
  rows: LedgerRow[],
): ProgressGroup {
  const counts = emptyCounts();
  let progress = 0;
  for (const row of rows) {
    counts[row.status] += 1;
    progress += row.current?.progress ?? 0;
  }
  return {
    id,
    name,
    nameEn,
    total: rows.length,
    counts,
    overdue: rows.filter((r) => r.overdue).length,
    meanProgress: rows.length === 0 ? 0 : Math.round((progress / rows.length) * 10) / 10,
  };
}

function groupRows(
  rows: LedgerRow[],
  keyOf: (row: LedgerRow) => { id: string; name: string; nameEn: string | null },
): ProgressGroup[] {
  const groups = new Map<string, { name: string; nameEn: string | null; rows: LedgerRow[] }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key.id) ?? { name: key.name, nameEn: key.nameEn, rows: [] };
    group.rows.push(row);
    groups.set(key.id, group);
  }
  return [...groups].map(([id, g]) => progressGroup(id, g.name, g.nameEn, g.rows));
}

export const NO_AGENCY = { id: '', name: '(no agency)', nameEn: null };

export function dashboardGroups(rows: LedgerRow[]): { byDomain: ProgressGroup[]; byAgency: ProgressGroup[] } {
  const byDomain = groupRows(rows, (row) =>
    row.domainId
      ? { id: row.domainId, name: row.domainName ?? row.domainId, nameEn: row.domainNameEn }
      : { id: '', name: '(no domain)', nameEn: null },
  );
  const byAgency = groupRows(rows, (row) => {
    const agency = responsibleAgency(row);
    return agency.id ? { id: agency.id, name: agency.name ?? agency.id, nameEn: null } : NO_AGENCY;
  }).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh'));
  return { byDomain, byAgency };
}
