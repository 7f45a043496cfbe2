// Reads behind the ledger views: every task of a plan with its current entry, one task's history, the
// dependency edges for "what is blocked", and the facts the plan checks look at. Each runs inside a read
// transaction the caller opened (ledger-stores.ts) and checks its rows with zod.
import { z } from 'zod';
import { type LedgerHistoryResponse, LedgerLabel } from '../domain/ledger-types.ts';
import type { AgencyChoice, CheckFacts, DependencyEdge, TaskLedgerState } from '../ledger/stores.ts';
import { TASK_CONTEXT, TASK_REF_PROJECTION, toLedgerEntry, toTaskRef } from './ledger-mapper.ts';
import { intValue, optionalString, parseRow } from './row-schemas.ts';
import type { RawReadTx } from './transactions.ts';

const { LedgerEntry: E, LedgerHead: H } = LedgerLabel;

const rows = <S extends z.ZodType>(
  records: Array<{ toObject(): unknown }>,
  schema: S,
  what: string,
): Array<z.output<S>> => records.map((r) => parseRow(schema, r.toObject(), what));

const PLAN_EXISTS = 'MATCH (p:Plan {id: $plan}) RETURN p.id AS id';

export async function readPlanExists(tx: RawReadTx, plan: string): Promise<boolean> {
  return (await tx.run(PLAN_EXISTS, { plan })).records.length > 0;
}

const PLAN_TASKS = `
MATCH (t:Task {plan: $plan})
${TASK_CONTEXT}
OPTIONAL MATCH (h:${H} {taskId: t.id})
OPTIONAL MATCH (e:${E} {taskId: t.id, version: h.version})
RETURN ${TASK_REF_PROJECTION} AS task, properties(e) AS entry, coalesce(h.version, 0) AS version
ORDER BY d.number, t.order, t.id`;

const stateRow = z.object({ task: z.unknown(), entry: z.unknown(), version: intValue });

export async function readPlanLedgerStates(tx: RawReadTx, plan: string): Promise<TaskLedgerState[]> {
  const result = await tx.run(PLAN_TASKS, { plan });
  return rows(result.records, stateRow, 'ledger state').map((r) => ({
    task: toTaskRef(r.task),
    current: r.entry === null ? null : toLedgerEntry(r.entry),
    version: r.version,
  }));
}

const TASK_HISTORY = `
MATCH (t:Task {id: $taskId})
${TASK_CONTEXT}
OPTIONAL MATCH (h:${H} {taskId: t.id})
OPTIONAL MATCH (e:${E} {taskId: t.id})
WITH t, d, lead, h, e ORDER BY e.version DESC
RETURN ${TASK_REF_PROJECTION} AS task, coalesce(h.version, 0) AS version,
       [x IN collect(e) | properties(x)] AS history`;

const historyRow = z.object({ task: z.unknown(), version: intValue, history: z.array(z.unknown()) });

export async function readTaskHistory(tx: RawReadTx, taskId: string): Promise<LedgerHistoryResponse | null> {
  const [record] = rows((await tx.run(TASK_HISTORY, { taskId })).records, historyRow, 'task history');
  if (!record) return null;
  return {
    task: toTaskRef(record.task),
    version: record.version,
    history: record.history.map(toLedgerEntry),
  };
}

const PLAN_DEPENDENCIES = `
MATCH (a:Task {plan: $plan})-[r:DEPENDS_ON]->(b:Task)
WHERE r.kind IN $kinds
RETURN a.id AS from, b.id AS to, r.kind AS kind
ORDER BY from, to`;

const edgeRow = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.string(),
}) satisfies z.ZodType<DependencyEdge>;

export async function readPlanDependencies(
  tx: RawReadTx,
  plan: string,
  kinds: string[],
): Promise<DependencyEdge[]> {
  return rows((await tx.run(PLAN_DEPENDENCIES, { plan, kinds })).records, edgeRow, 'dependency');
}

const PLAN_AGENCIES = `MATCH (a:Agency {plan: $plan})
RETURN a.id AS id, a.name AS name, a.nameEn AS nameEn, a.aliases AS aliases ORDER BY a.name`;

const agencyRow = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: optionalString,
  aliases: z
    .array(z.string())
    .nullish()
    .transform((aliases) => aliases ?? []),
}) satisfies z.ZodType<AgencyChoice, unknown>;

export async function readPlanAgencies(tx: RawReadTx, plan: string): Promise<AgencyChoice[]> {
  return rows((await tx.run(PLAN_AGENCIES, { plan })).records, agencyRow, 'agency');
}

const TASKS_WITHOUT_LEAD = `
MATCH (t:Task {plan: $plan}) WHERE NOT (t)-[:LED_BY]->(:Agency)
RETURN t.id AS id, t.ref AS ref, t.name AS name ORDER BY t.id`;

/** A pilot counts as mentioned by a task when the task, or one of its measures, mentions it or pilots in it. */
const UNMENTIONED_PILOTS = `
MATCH (p:Pilot {plan: $plan})
WHERE NOT EXISTS { MATCH (:Task)-[:PILOTED_IN|MENTIONS]->(p) }
  AND NOT EXISTS { MATCH (:Task)-[:HAS_MEASURE]->(:Measure)-[:MENTIONS]->(p) }
RETURN p.id AS id, p.name AS name, p.nameEn AS nameEn ORDER BY p.id`;

const TARGETS_WITHOUT_YEAR = `
MATCH (g:Target {plan: $plan}) WHERE g.year IS NULL
RETURN g.id AS id, g.name AS name, g.quote AS quote ORDER BY g.id`;

const ORPHANED_LEDGER = `
MATCH (h:${H} {planId: $plan}) WHERE NOT EXISTS { MATCH (:Task {id: h.taskId}) }
RETURN h.taskId AS taskId ORDER BY taskId`;

const leadRow = z.object({ id: z.string(), ref: optionalString, name: z.string() });
const pilotRow = z.object({ id: z.string(), name: z.string(), nameEn: optionalString });
const targetRow = z.object({ id: z.string(), name: z.string(), quote: optionalString });
const orphanRow = z.object({ taskId: z.string() });

export async function readPlanCheckFacts(tx: RawReadTx, plan: string): Promise<CheckFacts> {
  const explicitEdges = await readPlanDependencies(tx, plan, ['explicit']);
  const lead = await tx.run(TASKS_WITHOUT_LEAD, { plan });
  const pilots = await tx.run(UNMENTIONED_PILOTS, { plan });
  const targets = await tx.run(TARGETS_WITHOUT_YEAR, { plan });
  const orphans = await tx.run(ORPHANED_LEDGER, { plan });
  return {
    tasksWithoutLead: rows(lead.records, leadRow, 'task without lead'),
    unmentionedPilots: rows(pilots.records, pilotRow, 'pilot'),
    targetsWithoutYear: rows(targets.records, targetRow, 'target'),
    explicitEdges,
    orphanedLedgerTasks: rows(orphans.records, orphanRow, 'ledger head').map((r) => r.taskId),
  };
}
