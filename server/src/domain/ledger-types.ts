// The reform ledger's vocabulary (issue 8): statuses, roles and the DTOs its API sends, shared by server,
// client (import type) and tests. Kept apart from types.ts because ledger data is user data, not plan data.
import type { ValueOf } from './model.ts';

export const LedgerStatus = {
  notStarted: 'not-started',
  inProgress: 'in-progress',
  done: 'done',
  delayed: 'delayed',
  suspended: 'suspended',
} as const;
export type LedgerStatus = ValueOf<typeof LedgerStatus>;
export const LEDGER_STATUSES: readonly LedgerStatus[] = Object.values(LedgerStatus);

export const Role = { viewer: 'viewer', editor: 'editor', admin: 'admin' } as const;
export type Role = ValueOf<typeof Role>;
export const ROLES: readonly Role[] = Object.values(Role);

/** Labels of the nodes that hold user data. None of them ever carries the plan-data label. */
export const LedgerLabel = {
  LedgerEntry: 'LedgerEntry',
  LedgerHead: 'LedgerHead',
  Account: 'Account',
  Session: 'Session',
  AuditEvent: 'AuditEvent',
} as const;
export type LedgerLabel = ValueOf<typeof LedgerLabel>;

/** (:LedgerEntry)-[:RECORDS]->(:Task), (:LedgerEntry)-[:ABOUT_MEASURE]->(:Measure), newer-[:SUPERSEDES]->older. */
export const LedgerRel = {
  RECORDS: 'RECORDS',
  ABOUT_MEASURE: 'ABOUT_MEASURE',
  SUPERSEDES: 'SUPERSEDES',
} as const;

/** One append-only state of a task's ledger; the newest (highest version) is the task's current state. */
export interface LedgerEntry {
  id: string;
  taskId: string;
  planId: string;
  measureId: string | null;
  /** 1 for a task's first entry, then +1 per entry. */
  version: number;
  status: LedgerStatus;
  agencyId: string | null;
  agencyName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  progress: number;
  note: string;
  evidenceUrl: string | null;
  author: string;
  /** ISO 8601 */
  createdAt: string;
  source: 'api' | 'import';
}

/** What an editor sends: the version it read (0 when the task had no entry) and the new state. */
export interface LedgerEntryInput {
  baseVersion: number;
  status: LedgerStatus;
  agencyId?: string | null;
  measureId?: string | null;
  dueDate?: string | null;
  progress?: number;
  note?: string;
  evidenceUrl?: string | null;
}

export interface LedgerTaskRef {
  taskId: string;
  planId: string;
  ref: string | null;
  name: string;
  nameEn: string | null;
  domainId: string | null;
  domainName: string | null;
  domainNameEn: string | null;
  domainNumber: number | null;
  leadAgencyId: string | null;
  leadAgencyName: string | null;
}

/** One row of the ledger table: a task, its current entry (null before the first) and derived flags. */
export interface LedgerRow extends LedgerTaskRef {
  current: LedgerEntry | null;
  /** The current entry's status, or not-started before the first entry. */
  status: LedgerStatus;
  version: number;
  /** Due date passed (as of the request's date) and the task is neither done nor suspended. */
  overdue: boolean;
}

export interface LedgerTableResponse {
  plan: string;
  asOf: string;
  rows: LedgerRow[];
}

export interface LedgerHistoryResponse {
  task: LedgerTaskRef;
  version: number;
  /** Newest first. */
  history: LedgerEntry[];
}

export interface LedgerWriteResponse {
  entry: LedgerEntry;
  version: number;
}

/** Body of the 409 a stale write gets: the state it missed and its own payload, kept in the audit trail. */
export interface LedgerConflictDetails {
  taskId: string;
  current: LedgerEntry | null;
  currentVersion: number;
  rejected: LedgerEntryInput;
  auditId: string;
}

export interface LedgerStatusResponse {
  plan: string;
  asOf: string;
  tasks: Record<string, { status: LedgerStatus; overdue: boolean; progress: number; version: number }>;
}

export interface ProgressGroup {
  id: string;
  name: string;
  nameEn: string | null;
  total: number;
  counts: Record<LedgerStatus, number>;
  overdue: number;
  /** Mean progress percent over the group's tasks (tasks without an entry count as 0). */
  meanProgress: number;
}

export interface LedgerDashboardResponse {
  plan: string;
  asOf: string;
  totals: ProgressGroup;
  byDomain: ProgressGroup[];
  byAgency: ProgressGroup[];
}

export interface BlockedTask {
  taskId: string;
  ref: string | null;
  name: string;
  nameEn: string | null;
  status: LedgerStatus;
  /** Dependency steps from the delayed task (1 = depends on it directly). */
  depth: number;
  /** Task ids from the blocked task down to the delayed one, along DEPENDS_ON. */
  path: string[];
}
export interface BlockedResponse {
  plan: string;
  kinds: string[];
  items: Array<{ delayed: LedgerTaskRefWithStatus; blocked: BlockedTask[] }>;
}
export interface LedgerTaskRefWithStatus extends LedgerTaskRef {
  status: LedgerStatus;
}

export interface PlanChecksResponse {
  plan: string;
  tasksWithoutLead: Array<{ id: string; ref: string | null; name: string }>;
  unmentionedPilots: Array<{ id: string; name: string; nameEn: string | null }>;
  targetsWithoutYear: Array<{ id: string; name: string; quote: string | null }>;
  /** Each cycle as task ids in dependency order; the first id repeats at the end. */
  dependencyCycles: Array<{ tasks: string[] }>;
  /** Ledger entries whose task is no longer in the plan (after a re-import dropped it). */
  orphanedLedgerTasks: string[];
}

export interface ImportCellError {
  /** Spreadsheet row number, 1-based, the header being row 1. */
  row: number;
  /** Column letter (A, B, …). */
  column: string;
  header: string;
  message: string;
}
export interface LedgerImportResponse {
  plan: string;
  /** Entries appended (one per changed row). */
  applied: number;
  /** Rows equal to the task's current state, or empty. */
  unchanged: number;
}

export interface AccountView {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface SessionResponse {
  user: { username: string; role: Role } | null;
  /** Send back as the X-CSRF-Token header on every write; null when not logged in. */
  csrfToken: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  outcome: 'ok' | 'conflict' | 'denied' | 'failed';
  /** JSON values: what the state was and what was written (or rejected). */
  before: unknown;
  after: unknown;
}
export interface AuditResponse {
  events: AuditEvent[];
}
