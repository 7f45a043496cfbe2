// The ledger's use cases: read views of a plan's progress and append entries with optimistic concurrency.
// A stale write is refused with the state it missed, and its payload is kept in the audit trail, so neither
// side's data is lost.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../domain/errors.ts';
import type {
  BlockedResponse,
  LedgerConflictDetails,
  LedgerDashboardResponse,
  LedgerEntry,
  LedgerEntryInput,
  LedgerHistoryResponse,
  LedgerRow,
  LedgerStatusResponse,
  LedgerTableResponse,
  LedgerWriteResponse,
  PlanChecksResponse,
} from '../domain/ledger-types.ts';
import { recordAudit } from '../neo4j/ledger-audit-store.ts';
import {
  planCheckFacts,
  planDependencies,
  planExists,
  planLedgerStates,
  taskHistory,
} from '../neo4j/ledger-queries.ts';
import { agencyName, appendEntry, lockTaskLedger, taskWriteContext } from '../neo4j/ledger-store.ts';
import { type LedgerDb, ledgerWrite } from '../neo4j/ledger-tx.ts';
import { dependencyCycles, downstreamOf } from './dependency-analysis.ts';
import {
  dashboardGroups,
  filterAndSort,
  localDate,
  progressGroup,
  type RowFilter,
  statusMap,
  toRow,
} from './ledger-views.ts';

/** Who writes, from where, and when: the audit trail's who/where/when. */
export interface Actor {
  username: string;
  ip: string | null;
}

export type Clock = () => Date;

export class LedgerService {
  constructor(
    private readonly db: LedgerDb,
    private readonly clock: Clock = () => new Date(),
  ) {}

  today(): string {
    return localDate(this.clock());
  }

  private async requirePlan(plan: string): Promise<void> {
    if (!(await planExists(this.db, plan))) throw new AppError('NOT_FOUND', `No plan ${plan} is imported.`);
  }

  async rows(plan: string, asOf: string): Promise<LedgerRow[]> {
    await this.requirePlan(plan);
    return (await planLedgerStates(this.db, plan)).map((state) => toRow(state, asOf));
  }

  async table(plan: string, filter: RowFilter, asOf = this.today()): Promise<LedgerTableResponse> {
    return { plan, asOf, rows: filterAndSort(await this.rows(plan, asOf), filter) };
  }

  async status(plan: string, asOf = this.today()): Promise<LedgerStatusResponse> {
    return { plan, asOf, tasks: statusMap(await this.rows(plan, asOf)) };
  }

  async dashboard(plan: string, asOf = this.today()): Promise<LedgerDashboardResponse> {
    const rows = await this.rows(plan, asOf);
    return { plan, asOf, totals: progressGroup(plan, plan, null, rows), ...dashboardGroups(rows) };
  }

  async history(taskId: string): Promise<LedgerHistoryResponse> {
    const found = await taskHistory(this.db, taskId);
    if (!found) throw new AppError('NOT_FOUND', `No task ${taskId}.`);
    return found;
  }

  async blocked(plan: string, kinds: string[], asOf = this.today()): Promise<BlockedResponse> {
    const rows = await this.rows(plan, asOf);
    const byId = new Map(rows.map((r) => [r.taskId, r]));
    const edges = await planDependencies(this.db, plan, kinds);
    const settled = (taskId: string) => byId.get(taskId)?.status === 'done';
    const items = rows
      .filter((row) => row.status === 'delayed')
      .map((row) => {
        const { current: _c, version: _v, overdue: _o, ...delayed } = row;
        return {
          delayed,
          blocked: downstreamOf(row.taskId, edges, settled).map((d) => {
            const task = byId.get(d.taskId);
            return {
              taskId: d.taskId,
              ref: task?.ref ?? null,
              name: task?.name ?? d.taskId,
              nameEn: task?.nameEn ?? null,
              status: task?.status ?? 'not-started',
              depth: d.depth,
              path: d.path,
            };
          }),
        };
      });
    return { plan, kinds, items };
  }

  async checks(plan: string): Promise<PlanChecksResponse> {
    await this.requirePlan(plan);
    const facts = await planCheckFacts(this.db, plan);
    return {
      plan,
      tasksWithoutLead: facts.tasksWithoutLead,
      unmentionedPilots: facts.unmentionedPilots,
      targetsWithoutYear: facts.targetsWithoutYear,
      dependencyCycles: dependencyCycles(facts.explicitEdges).map((tasks) => ({ tasks })),
      orphanedLedgerTasks: facts.orphanedLedgerTasks,
    };
  }

  /** Appends an entry if `baseVersion` is still the task's version; otherwise 409 with both sides' data. */
  async write(actor: Actor, taskId: string, input: LedgerEntryInput): Promise<LedgerWriteResponse> {
    const now = this.clock();
    const outcome = await ledgerWrite(this.db, async (tx) => {
      const prepared = await prepareEntry(tx, taskId, input, actor.username, now, 'api');
      if (prepared.kind === 'conflict') {
        const auditId = await recordAudit(
          tx,
          {
            actor: actor.username,
            action: 'ledger.entry.rejected',
            target: taskId,
            ip: actor.ip,
            outcome: 'conflict',
            before: prepared.current,
            after: input,
          },
          now,
        );
        const details: LedgerConflictDetails = {
          taskId,
          current: prepared.current,
          currentVersion: prepared.version,
          rejected: input,
          auditId,
        };
        return { kind: 'conflict' as const, details };
      }
      await appendEntry(tx, prepared.entry);
      await recordAudit(
        tx,
        {
          actor: actor.username,
          action: 'ledger.entry.create',
          target: taskId,
          ip: actor.ip,
          outcome: 'ok',
          before: prepared.current,
          after: prepared.entry,
        },
        now,
      );
      return { kind: 'ok' as const, entry: prepared.entry };
    });
    if (outcome.kind === 'conflict') {
      throw new AppError(
        'CONFLICT',
        `Task ${taskId} changed since you read it (you read version ${input.baseVersion}, it is now version ${outcome.details.currentVersion}); your entry was not saved but is kept in the audit trail.`,
        { details: outcome.details },
      );
    }
    return { entry: outcome.entry, version: outcome.entry.version };
  }
}

/** Left out (undefined): keep the previous value; null: clear it. */
function carry<T>(given: T | null | undefined, previous: T | null | undefined, fallback: T): T {
  return given === undefined ? (previous ?? fallback) : (given ?? fallback);
}

export type PreparedEntry =
  | { kind: 'ok'; entry: LedgerEntry; current: LedgerEntry | null }
  | { kind: 'conflict'; version: number; current: LedgerEntry | null };

/**
 * Locks the task's ledger, checks the version the writer read and builds the next entry. Fields the input
 * leaves out carry over from the current entry; an explicit null clears them (the agency falls back to the
 * task's lead).
 */
export async function prepareEntry(
  tx: ManagedTransaction,
  taskId: string,
  input: LedgerEntryInput,
  author: string,
  now: Date,
  source: LedgerEntry['source'],
): Promise<PreparedEntry> {
  const context = await taskWriteContext(tx, taskId);
  if (!context) throw new AppError('NOT_FOUND', `No task ${taskId}.`);
  if (input.measureId && !context.measureIds.includes(input.measureId))
    throw new AppError('INVALID_REQUEST', `Measure ${input.measureId} is not a measure of task ${taskId}.`);
  const head = await lockTaskLedger(tx, taskId, now.toISOString());
  if (!head) throw new AppError('NOT_FOUND', `No task ${taskId}.`);
  if (head.version !== input.baseVersion)
    return { kind: 'conflict', version: head.version, current: head.current };

  const current = head.current;
  let agencyId = input.agencyId === undefined ? (current?.agencyId ?? null) : input.agencyId;
  agencyId ??= context.task.leadAgencyId;
  let name: string | null = null;
  if (agencyId) {
    name =
      agencyId === context.task.leadAgencyId ? context.task.leadAgencyName : await agencyName(tx, agencyId);
    if (name === null) throw new AppError('INVALID_REQUEST', `No agency ${agencyId}.`);
  }
  const entry: LedgerEntry = {
    id: `ledger:${randomUUID()}`,
    taskId,
    planId: context.task.planId,
    measureId: carry(input.measureId, current?.measureId, null),
    version: head.version + 1,
    status: input.status,
    agencyId,
    agencyName: name,
    dueDate: carry(input.dueDate, current?.dueDate, null),
    progress: carry(input.progress, current?.progress, 0),
    note: carry(input.note, current?.note, ''),
    evidenceUrl: carry(input.evidenceUrl, current?.evidenceUrl, null),
    author,
    createdAt: now.toISOString(),
    source,
  };
  return { kind: 'ok', entry, current };
}
