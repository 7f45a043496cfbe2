// What the ledger and account services need from storage, as the graph wing's repository.ts is for the graph:
// server/src/neo4j/ledger-stores.ts implements these interfaces against Neo4j, unit tests pass the in-memory
// fake (tests/fixtures/ledger-stores.fake.ts). Only plain DTOs cross this line, never driver types.
import type {
  AccountView,
  AuditEvent,
  LedgerEntry,
  LedgerHistoryResponse,
  LedgerTaskRef,
  Role,
} from '../domain/ledger-types.ts';

/** A task, its current entry (null before the first) and its ledger's version (0 before the first entry). */
export interface TaskLedgerState {
  task: LedgerTaskRef;
  current: LedgerEntry | null;
  version: number;
}

export interface DependencyEdge {
  /** The dependent task: `from` depends on `to`. */
  from: string;
  to: string;
  /** DEPENDS_ON's `kind` (e.g. `explicit`). */
  kind: string;
}

/** An agency of a plan, as a spreadsheet may name it (by name, English name or alias). */
export interface AgencyChoice {
  id: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
}

/** The stored facts a plan's consistency checks look at. */
export interface CheckFacts {
  tasksWithoutLead: Array<{ id: string; ref: string | null; name: string }>;
  unmentionedPilots: Array<{ id: string; name: string; nameEn: string | null }>;
  targetsWithoutYear: Array<{ id: string; name: string; quote: string | null }>;
  explicitEdges: DependencyEdge[];
  orphanedLedgerTasks: string[];
}

/** What a writer needs to know of a task: its reference (plan, lead) and the ids of its measures. */
export interface TaskWriteContext {
  task: LedgerTaskRef;
  measureIds: string[];
}

/** One audit event to record; `before`/`after` are stored as JSON. */
export interface AuditInput {
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  outcome: AuditEvent['outcome'];
  before?: unknown;
  after?: unknown;
}

export interface AuditFilter {
  actor?: string;
  /** Matches actions starting with it (`ledger.` finds every ledger action). */
  action?: string;
  target?: string;
  /** ISO 8601, inclusive. */
  since?: string;
  /** ISO 8601, exclusive. */
  until?: string;
  limit: number;
}

/** Writes inside one transaction: they commit together when the work returns, or none does when it throws. */
export interface AuditWriter {
  /** Records an event at `at` (default now) and returns its id (`audit:<uuid>`). */
  recordAudit(input: AuditInput, at?: Date): Promise<string>;
}

export interface LedgerWriteTx extends AuditWriter {
  /** Null when there is no such task. */
  taskWriteContext(taskId: string): Promise<TaskWriteContext | null>;
  /**
   * Locks the task's ledger until the transaction ends and returns its version and current entry (version 0
   * and null before the first entry); null when there is no such task. Two writers of one task serialise here.
   */
  lockTaskLedger(
    taskId: string,
    now: string,
  ): Promise<{ version: number; current: LedgerEntry | null } | null>;
  /** The agency's name, or null when there is no such agency. */
  agencyName(agencyId: string): Promise<string | null>;
  /** Appends an entry whose version is the locked version + 1 (the caller checked it) and moves the head. */
  appendEntry(entry: LedgerEntry): Promise<void>;
}

/** The reform ledger: append-only entries per task, read as views of a plan. */
export interface LedgerStore {
  planExists(plan: string): Promise<boolean>;
  /** Every task of the plan in outline order (domain number, task order, id). */
  planLedgerStates(plan: string): Promise<TaskLedgerState[]>;
  /** The task's entries newest first; null when there is no such task. */
  taskHistory(taskId: string): Promise<LedgerHistoryResponse | null>;
  /** DEPENDS_ON edges between the plan's tasks whose kind is one of `kinds`, sorted by from, to. */
  planDependencies(plan: string, kinds: string[]): Promise<DependencyEdge[]>;
  /** The plan's agencies, sorted by name. */
  planAgencies(plan: string): Promise<AgencyChoice[]>;
  planCheckFacts(plan: string): Promise<CheckFacts>;
  /** Runs `work` in one write transaction (see AuditWriter). */
  write<T>(work: (tx: LedgerWriteTx) => Promise<T>): Promise<T>;
}

export interface StoredAccount extends AccountView {
  passwordHash: string;
}

/** A live session: its account's name and current role, the CSRF token and when it expires (ISO 8601). */
export interface StoredSession {
  username: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

export interface AccountChange {
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

export interface NewSession {
  /** SHA-256 (hex) of the cookie token: the token itself is never stored. */
  tokenHash: string;
  username: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
}

export interface AccountWriteTx extends AuditWriter {
  /**
   * Creates the account unless one with the same name key (domain/usernames.ts) exists: null when created,
   * otherwise the stored name that holds the key.
   */
  createAccount(account: {
    username: string;
    role: Role;
    passwordHash: string;
    createdAt: string;
  }): Promise<{ taken: string } | null>;
  /** Applies the change; the account before and after it, or null when there is no such account. */
  updateAccount(
    username: string,
    change: AccountChange,
  ): Promise<{ before: AccountView; after: AccountView } | null>;
  /** Names of enabled admins, locked until the transaction ends, so two demotions serialise. */
  lockActiveAdmins(): Promise<string[]>;
  createSession(session: NewSession): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the account, and every expired session (`expiresAt <= now`). */
  deleteSessionsOf(username: string, now: string): Promise<void>;
}

/** Accounts and their login sessions. */
export interface AccountStore {
  /** Found by name key (case and width ignored); an exact name wins. */
  findAccount(username: string): Promise<StoredAccount | null>;
  /** Sorted by username. */
  listAccounts(): Promise<AccountView[]>;
  /** The session for a token hash if unexpired at `now` (ISO 8601) and its account is enabled. */
  findSession(tokenHash: string, now: string): Promise<StoredSession | null>;
  /** Runs `work` in one write transaction (see AuditWriter). */
  write<T>(work: (tx: AccountWriteTx) => Promise<T>): Promise<T>;
}

/** The audit trail, read side. */
export interface AuditStore {
  /** Newest first, at most `filter.limit`. */
  list(filter: AuditFilter): Promise<AuditEvent[]>;
  /** Records one event in a transaction of its own (for attempts that change nothing, e.g. a failed login). */
  record(input: AuditInput): Promise<string>;
}

/** Everything the ledger wing stores. */
export interface LedgerStores {
  ledger: LedgerStore;
  accounts: AccountStore;
  audit: AuditStore;
  /**
   * Creates the constraints and indexes user data relies on (idempotent). Returns the names of accounts stored
   * before name keys existed whose key another account holds (found by exact name only).
   */
  ensureSchema(): Promise<string[]>;
}
