// Reads behind the ledger views: every task of a plan with its current entry, one task's history, the
// dependency edges for "what is blocked", and the facts the plan checks look at.
import { type LedgerEntry, LedgerLabel, type LedgerTaskRef } from '../domain/ledger-types.ts';
import { TASK_CONTEXT, TASK_REF_PROJECTION, toLedgerEntry, toTaskRef } from './ledger-mapper.ts';
import { type LedgerDb, ledgerRead, num } from './ledger-tx.ts';

const { LedgerEntry: E, LedgerHead: H } = LedgerLabel;

export interface TaskLedgerState {
  task: LedgerTaskRef;
  current: LedgerEntry | null;
  version: number;
}

const PLAN_EXISTS = 'MATCH (p:Plan {id: $plan}) RETURN p.id AS id';

export async function planExists(db: LedgerDb, plan: string): Promise<boolean> {
  return ledgerRead(db, async (tx) => (await tx.run(PLAN_EXISTS, { plan })).records.length > 0);
}

const PLAN_TASKS = `
MATCH (t:Task {plan: $plan})
${TASK_CONTEXT}
OPTIONAL MATCH (h:${H} {taskId: t.id})
OPTIONAL MATCH (e:${E} {taskId: t.id, version: h.version})
RETURN ${TASK_REF_PROJECTION} AS task, properties(e) AS entry, coalesce(h.version, 0) AS version
ORDER BY d.number, t.order, t.id`;

export async function planLedgerStates(db: LedgerDb, plan: string): Promise<TaskLedgerState[]> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(PLAN_TASKS, { plan });
    return result.records.map((r) => {
      const entry = r.get('entry') as Record<string, unknown> | null;
      return {
        task: toTaskRef(r.get('task')),
        current: entry ? toLedgerEntry(entry) : null,
        version: num(r.get('version')),
      };
    });
  });
}

const TASK_HISTORY = `
MATCH (t:Task {id: $taskId})
${TASK_CONTEXT}
OPTIONAL MATCH (h:${H} {taskId: t.id})
OPTIONAL MATCH (e:${E} {taskId: t.id})
WITH t, d, lead, h, e ORDER BY e.version DESC
RETURN ${TASK_REF_PROJECTION} AS task, coalesce(h.version, 0) AS version,
       [x IN collect(e) | properties(x)] AS history`;

export async function taskHistory(
  db: LedgerDb,
  taskId: string,
): Promise<{ task: LedgerTaskRef; version: number; history: LedgerEntry[] } | null> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(TASK_HISTORY, { taskId });
    const record = result.records[0];
    if (!record) return null;
    return {
      task: toTaskRef(record.get('task')),
      version: num(record.get('version')),
      history: (record.get('history') as Array<Record<string, unknown>>).map(toLedgerEntry),
    };
  });
}

export interface DependencyEdge {
  /** The dependent task: `from` depends on `to`. */
  from: string;
  to: string;
  kind: string;
}

const PLAN_DEPENDENCIES = `
MATCH (a:Task {plan: $plan})-[r:DEPENDS_ON]->(b:Task)
WHERE r.kind IN $kinds
RETURN a.id AS from, b.id AS to, r.kind AS kind
ORDER BY from, to`;

export async function planDependencies(
  db: LedgerDb,
  plan: string,
  kinds: string[],
): Promise<DependencyEdge[]> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(PLAN_DEPENDENCIES, { plan, kinds });
    return result.records.map((r) => ({ from: r.get('from'), to: r.get('to'), kind: r.get('kind') }));
  });
}

export interface AgencyChoice {
  id: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
}

export async function planAgencies(db: LedgerDb, plan: string): Promise<AgencyChoice[]> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(
      'MATCH (a:Agency {plan: $plan}) RETURN a.id AS id, a.name AS name, a.nameEn AS nameEn, a.aliases AS aliases ORDER BY a.name',
      { plan },
    );
    return result.records.map((r) => ({
      id: r.get('id'),
      name: r.get('name'),
      nameEn: r.get('nameEn') ?? null,
      aliases: (r.get('aliases') as string[] | null) ?? [],
    }));
  });
}

export interface CheckFacts {
  tasksWithoutLead: Array<{ id: string; ref: string | null; name: string }>;
  unmentionedPilots: Array<{ id: string; name: string; nameEn: string | null }>;
  targetsWithoutYear: Array<{ id: string; name: string; quote: string | null }>;
  explicitEdges: DependencyEdge[];
  orphanedLedgerTasks: string[];
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

export async function planCheckFacts(db: LedgerDb, plan: string): Promise<CheckFacts> {
  const explicitEdges = await planDependencies(db, plan, ['explicit']);
  return ledgerRead(db, async (tx) => {
    const lead = await tx.run(TASKS_WITHOUT_LEAD, { plan });
    const pilots = await tx.run(UNMENTIONED_PILOTS, { plan });
    const targets = await tx.run(TARGETS_WITHOUT_YEAR, { plan });
    const orphans = await tx.run(ORPHANED_LEDGER, { plan });
    return {
      tasksWithoutLead: lead.records.map((r) => ({
        id: r.get('id'),
        ref: r.get('ref') ?? null,
        name: r.get('name'),
      })),
      unmentionedPilots: pilots.records.map((r) => ({
        id: r.get('id'),
        name: r.get('name'),
        nameEn: r.get('nameEn') ?? null,
      })),
      targetsWithoutYear: targets.records.map((r) => ({
        id: r.get('id'),
        name: r.get('name'),
        quote: r.get('quote') ?? null,
      })),
      explicitEdges,
      orphanedLedgerTasks: orphans.records.map((r) => r.get('taskId')),
    };
  });
}
