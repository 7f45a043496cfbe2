// Builds a task's next ledger entry inside a write transaction: lock, version check, carry-over of fields the
// writer left out. Shared by single writes (LedgerService.write) and spreadsheet imports.
import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { LedgerEntry, LedgerEntryInput } from '../domain/ledger-types.ts';
import type { LedgerWriteTx } from './stores.ts';

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
  tx: LedgerWriteTx,
  taskId: string,
  input: LedgerEntryInput,
  author: string,
  now: Date,
  source: LedgerEntry['source'],
): Promise<PreparedEntry> {
  const context = await tx.taskWriteContext(taskId);
  if (!context) throw new AppError('NOT_FOUND', `No task ${taskId}.`);
  if (input.measureId && !context.measureIds.includes(input.measureId))
    throw new AppError('INVALID_REQUEST', `Measure ${input.measureId} is not a measure of task ${taskId}.`);
  const head = await tx.lockTaskLedger(taskId, now.toISOString());
  if (!head) throw new AppError('NOT_FOUND', `No task ${taskId}.`);
  if (head.version !== input.baseVersion)
    return { kind: 'conflict', version: head.version, current: head.current };

  const current = head.current;
  let agencyId = input.agencyId === undefined ? (current?.agencyId ?? null) : input.agencyId;
  agencyId ??= context.task.leadAgencyId;
  let name: string | null = null;
  if (agencyId) {
    name =
      agencyId === context.task.leadAgencyId ? context.task.leadAgencyName : await tx.agencyName(agencyId);
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
