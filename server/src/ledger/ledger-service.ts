// The ledger's use cases: read views of a plan's progress and append entries with optimistic concurrency.
// A stale write is refused with the state it missed, and its payload is kept in the audit trail, so neither
// side's data is lost.
import { AppError } from '../domain/errors.ts';
import type {
  BlockedResponse,
  LedgerConflictDetails,
  LedgerDashboardResponse,
  LedgerEntryInput,
  LedgerHistoryResponse,
  LedgerImportResponse,
  LedgerRow,
  LedgerStatusResponse,
  LedgerTableResponse,
  LedgerWriteResponse,
  PlanChecksResponse,
} from '../domain/ledger-types.ts';
import { dependencyCycles, downstreamOf } from './dependency-analysis.ts';
import { importLedgerSheet } from './ledger-import.ts';
import {
  dashboardGroups,
  filterAndSort,
  localDate,
  progressGroup,
  type RowFilter,
  statusMap,
  toRow,
} from './ledger-views.ts';
import { prepareEntry } from './prepare-entry.ts';
import type { SheetFormat } from './spreadsheet-export.ts';
import type { LedgerStore, LedgerStores } from './stores.ts';

/** Who writes, from where, and when: the audit trail's who/where/when. */
export interface Actor {
  username: string;
  ip: string | null;
}

export type Clock = () => Date;

/**
 * The ledger's use cases over a LedgerStore. Errors: AppError NOT_FOUND (no such plan or task),
 * INVALID_REQUEST (a measure or agency that is not there), CONFLICT (stale version), and the store's.
 */
export class LedgerService {
  private readonly store: LedgerStore;

  constructor(
    stores: Pick<LedgerStores, 'ledger'>,
    readonly clock: Clock = () => new Date(),
  ) {
    this.store = stores.ledger;
  }

  today(): string {
    return localDate(this.clock());
  }

  private async requirePlan(plan: string): Promise<void> {
    if (!(await this.store.planExists(plan))) throw new AppError('NOT_FOUND', `No plan ${plan} is imported.`);
  }

  async rows(plan: string, asOf: string): Promise<LedgerRow[]> {
    await this.requirePlan(plan);
    return (await this.store.planLedgerStates(plan)).map((state) => toRow(state, asOf));
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
    const found = await this.store.taskHistory(taskId);
    if (!found) throw new AppError('NOT_FOUND', `No task ${taskId}.`);
    return found;
  }

  async blocked(plan: string, kinds: string[], asOf = this.today()): Promise<BlockedResponse> {
    const rows = await this.rows(plan, asOf);
    const byId = new Map(rows.map((r) => [r.taskId, r]));
    const edges = await this.store.planDependencies(plan, kinds);
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
    const facts = await this.store.planCheckFacts(plan);
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
    const outcome = await this.store.write(async (tx) => {
      const prepared = await prepareEntry(tx, taskId, input, actor.username, now, 'api');
      if (prepared.kind === 'conflict') {
        const auditId = await tx.recordAudit(
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
      await tx.appendEntry(prepared.entry);
      await tx.recordAudit(
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

  /**
   * Applies a spreadsheet (XLSX or CSV bytes) in one transaction: all changed rows or none. INVALID_REQUEST
   * naming row and column when a cell is wrong, CONFLICT when a task changed while importing.
   */
  importSheet(
    actor: Actor,
    plan: string,
    format: SheetFormat,
    buffer: Buffer,
  ): Promise<LedgerImportResponse> {
    return importLedgerSheet(this.store, this, actor, plan, format, buffer);
  }
}
