// Appends ledger entries. Entries are never updated or deleted: a task's state is its newest entry. A
// :LedgerHead per task holds the version and is write-locked first, so two writers of one task serialise
// and the second sees the first's version (and gets a conflict) instead of silently overwriting it.
import { z } from 'zod';
import { type LedgerEntry, LedgerLabel, LedgerRel } from '../domain/ledger-types.ts';
import type { TaskWriteContext } from '../ledger/stores.ts';
import {
  entryProperties,
  TASK_CONTEXT,
  TASK_REF_PROJECTION,
  toLedgerEntry,
  toTaskRef,
} from './ledger-mapper.ts';
import { intValue, optionalString, parseRow } from './row-schemas.ts';
import type { WriteTx } from './transactions.ts';

const { LedgerEntry: E, LedgerHead: H } = LedgerLabel;

const LOCK_HEAD = `
MATCH (t:Task {id: $taskId})
MERGE (h:${H} {taskId: t.id})
ON CREATE SET h.version = 0, h.planId = t.plan
SET h.lastWriteAt = $now`;

const READ_HEAD = `MATCH (h:${H} {taskId: $taskId}) RETURN h.version AS version`;

const CURRENT_ENTRY = `
MATCH (h:${H} {taskId: $taskId})
MATCH (e:${E} {taskId: $taskId, version: h.version})
RETURN properties(e) AS e`;

/** Locks the task's ledger for this transaction and returns its version; null when there is no such task. */
export async function lockTaskLedger(
  tx: WriteTx,
  taskId: string,
  now: string,
): Promise<{ version: number; current: LedgerEntry | null } | null> {
  // Two statements on purpose: the version must be read after the lock is held, never before.
  await tx.run(LOCK_HEAD, { taskId, now });
  const head = await tx.run(READ_HEAD, { taskId });
  const record = head.records[0];
  if (!record) return null;
  const version = parseRow(intValue, record.get('version'), 'ledger head version');
  if (version === 0) return { version, current: null };
  const current = await tx.run(CURRENT_ENTRY, { taskId });
  const row = current.records[0];
  return { version, current: row ? toLedgerEntry(row.get('e')) : null };
}

const APPEND = `
MATCH (h:${H} {taskId: $entry.taskId})
MATCH (t:Task {id: $entry.taskId})
OPTIONAL MATCH (prev:${E} {taskId: $entry.taskId, version: h.version})
OPTIONAL MATCH (t)-[:HAS_MEASURE]->(m:Measure {id: $entry.measureId})
CREATE (e:${E}) SET e = $entry
CREATE (e)-[:${LedgerRel.RECORDS}]->(t)
FOREACH (_ IN CASE WHEN prev IS NULL THEN [] ELSE [1] END | CREATE (e)-[:${LedgerRel.SUPERSEDES}]->(prev))
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (e)-[:${LedgerRel.ABOUT_MEASURE}]->(m))
SET h.version = $entry.version`;

/** Appends an entry whose version is the locked head's version + 1 (the caller checked it). */
export async function appendEntry(tx: WriteTx, entry: LedgerEntry): Promise<void> {
  await tx.run(APPEND, { entry: entryProperties(entry) });
}

const TASK_FOR_WRITE = `
MATCH (t:Task {id: $taskId})
${TASK_CONTEXT}
OPTIONAL MATCH (t)-[:HAS_MEASURE]->(m:Measure)
RETURN ${TASK_REF_PROJECTION} AS task, collect(m.id) AS measureIds`;

const contextRow = z.object({ task: z.unknown(), measureIds: z.array(z.string()) });

export async function taskWriteContext(tx: WriteTx, taskId: string): Promise<TaskWriteContext | null> {
  const result = await tx.run(TASK_FOR_WRITE, { taskId });
  const record = result.records[0];
  if (!record) return null;
  const row = parseRow(contextRow, record.toObject(), 'task');
  return { task: toTaskRef(row.task), measureIds: row.measureIds };
}

export async function agencyName(tx: WriteTx, agencyId: string): Promise<string | null> {
  const result = await tx.run('MATCH (a:Agency {id: $agencyId}) RETURN a.name AS name', { agencyId });
  const record = result.records[0];
  return record ? parseRow(optionalString, record.get('name'), 'agency name') : null;
}
