// The ledger service's rules against the in-memory store: appending with optimistic concurrency, carrying
// fields over, refusing what does not exist, and the audit trail written with each outcome. Expected values
// come from the rules in domain/ledger-types.ts and ledger-service.ts's contract, not from running it.
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/src/domain/errors.ts';
import type { LedgerTaskRef } from '../../../server/src/domain/ledger-types.ts';
import { LedgerService } from '../../../server/src/ledger/ledger-service.ts';
import { type FakeLedgerStores, fakeLedgerStores } from '../../fixtures/ledger-stores.fake.ts';

const NOW = new Date('2020-07-01T08:00:00.000Z');
const ACTOR = { username: 'editor1', ip: '10.0.0.5' };

function taskRef(id: string, ref: string, lead: { id: string; name: string } | null): LedgerTaskRef {
  return {
    taskId: id,
    planId: 'p',
    ref,
    name: `任务${ref}`,
    nameEn: null,
    domainId: 'p:domain:1',
    domainName: '领域一',
    domainNameEn: null,
    domainNumber: 1,
    leadAgencyId: lead?.id ?? null,
    leadAgencyName: lead?.name ?? null,
  };
}

const LEAD = { id: 'p:agency:fgw', name: '市发展改革委' };
const OTHER = { id: 'p:agency:czj', name: '市财政局' };

function stores(): FakeLedgerStores {
  return fakeLedgerStores({
    plans: ['p'],
    tasks: [
      { ref: taskRef('t1', '1.1', LEAD), measureIds: ['t1:m1'], order: 1 },
      { ref: taskRef('t2', '1.2', null), order: 2 },
      { ref: taskRef('t3', '1.3', OTHER), order: 3 },
    ],
    agencies: [
      { plan: 'p', ...LEAD, nameEn: null, aliases: [] },
      { plan: 'p', ...OTHER, nameEn: null, aliases: [] },
    ],
    dependencies: [{ plan: 'p', from: 't3', to: 't1', kind: 'explicit' }],
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('LedgerService against its store', () => {
  let store: FakeLedgerStores;
  let ledger: LedgerService;
  beforeEach(() => {
    store = stores();
    ledger = new LedgerService(store, () => NOW);
  });

  it('creates a first entry at version 1 whose agency falls back to the task lead and whose fields default', async () => {
    const written = await ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'in-progress' });
    expect(written.version).toBe(1);
    expect(written.entry).toMatchObject({
      taskId: 't1',
      planId: 'p',
      version: 1,
      status: 'in-progress',
      agencyId: LEAD.id,
      agencyName: LEAD.name,
      measureId: null,
      dueDate: null,
      progress: 0,
      note: '',
      evidenceUrl: null,
      author: 'editor1',
      createdAt: '2020-07-01T08:00:00.000Z',
      source: 'api',
    });
    expect(store.state.entries).toHaveLength(1);
  });

  it('records the created entry in the audit trail with who, where, before and after', async () => {
    const { entry } = await ledger.write(ACTOR, 't1', {
      baseVersion: 0,
      status: 'in-progress',
      note: '启动',
    });
    expect(store.state.audit).toEqual([
      expect.objectContaining({
        actor: 'editor1',
        ip: '10.0.0.5',
        action: 'ledger.entry.create',
        target: 't1',
        outcome: 'ok',
        at: '2020-07-01T08:00:00.000Z',
        before: null,
        after: entry,
      }),
    ]);
  });

  it('appends the next version when the writer read the current one, carrying over what it leaves out', async () => {
    await ledger.write(ACTOR, 't1', {
      baseVersion: 0,
      status: 'in-progress',
      dueDate: '2020-12-31',
      progress: 30,
      note: '已印发方案',
      agencyId: OTHER.id,
    });
    const second = await ledger.write(ACTOR, 't1', { baseVersion: 1, status: 'delayed', progress: 40 });
    expect(second.entry).toMatchObject({
      version: 2,
      status: 'delayed',
      progress: 40,
      dueDate: '2020-12-31',
      note: '已印发方案',
      agencyId: OTHER.id,
      agencyName: OTHER.name,
    });
    const history = await ledger.history('t1');
    expect(history.version).toBe(2);
    expect(history.history.map((e) => e.version)).toEqual([2, 1]);
  });

  it('clears a field given as null, and a cleared agency falls back to the lead again', async () => {
    await ledger.write(ACTOR, 't1', {
      baseVersion: 0,
      status: 'in-progress',
      dueDate: '2020-12-31',
      agencyId: OTHER.id,
    });
    const { entry } = await ledger.write(ACTOR, 't1', {
      baseVersion: 1,
      status: 'in-progress',
      dueDate: null,
      agencyId: null,
    });
    expect(entry.dueDate).toBeNull();
    expect(entry.agencyId).toBe(LEAD.id);
  });

  it('refuses a stale write with the state it missed, keeps its payload in the audit trail and writes no entry', async () => {
    const first = await ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'in-progress' });
    const stale = { baseVersion: 0, status: 'done' as const, note: '另一人的修改' };
    const error = await refusal(ledger.write({ username: 'editor2', ip: null }, 't1', stale));
    expect(error.code).toBe('CONFLICT');
    const details = error.details as {
      currentVersion: number;
      current: unknown;
      rejected: unknown;
      auditId: string;
    };
    expect(details).toMatchObject({ currentVersion: 1, current: first.entry, rejected: stale });
    expect(store.state.entries).toHaveLength(1);
    const rejected = store.state.audit.find((e) => e.id === details.auditId);
    expect(rejected).toMatchObject({
      actor: 'editor2',
      action: 'ledger.entry.rejected',
      outcome: 'conflict',
      target: 't1',
      after: stale,
    });
  });

  it('refuses a task, measure or agency that does not exist, and stores nothing for them', async () => {
    expect((await refusal(ledger.write(ACTOR, 'nope', { baseVersion: 0, status: 'done' }))).code).toBe(
      'NOT_FOUND',
    );
    const measure = await refusal(
      ledger.write(ACTOR, 't2', { baseVersion: 0, status: 'done', measureId: 't1:m1' }),
    );
    expect(measure.code).toBe('INVALID_REQUEST');
    expect(measure.message).toContain('t1:m1');
    const agency = await refusal(
      ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'done', agencyId: 'p:agency:none' }),
    );
    expect(agency.code).toBe('INVALID_REQUEST');
    expect(store.state.entries).toEqual([]);
    expect(store.state.audit).toEqual([]);
  });

  it('accepts a measure of the task itself', async () => {
    const { entry } = await ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'done', measureId: 't1:m1' });
    expect(entry.measureId).toBe('t1:m1');
  });

  it('leaves a task without a lead and without an agency with no agency', async () => {
    const { entry } = await ledger.write(ACTOR, 't2', { baseVersion: 0, status: 'in-progress' });
    expect(entry.agencyId).toBeNull();
    expect(entry.agencyName).toBeNull();
  });

  it('answers NOT_FOUND for the views of a plan that is not imported', async () => {
    expect((await refusal(ledger.table('other', {}))).code).toBe('NOT_FOUND');
    expect((await refusal(ledger.history('nope'))).code).toBe('NOT_FOUND');
  });
});

describe('status transitions as the views show them', () => {
  it('goes from not-started through delayed (overdue) to done (no longer overdue)', async () => {
    const store = stores();
    const ledger = new LedgerService(store, () => NOW);
    const asOf = '2020-07-01';
    expect((await ledger.status('p', asOf)).tasks.t1).toEqual({
      status: 'not-started',
      overdue: false,
      progress: 0,
      version: 0,
    });
    await ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'in-progress', dueDate: '2020-06-30' });
    expect((await ledger.status('p', asOf)).tasks.t1).toMatchObject({ status: 'in-progress', overdue: true });
    await ledger.write(ACTOR, 't1', { baseVersion: 1, status: 'delayed', progress: 50 });
    expect((await ledger.status('p', asOf)).tasks.t1).toMatchObject({
      status: 'delayed',
      overdue: true,
      progress: 50,
      version: 2,
    });
    await ledger.write(ACTOR, 't1', { baseVersion: 2, status: 'done', progress: 100 });
    expect((await ledger.status('p', asOf)).tasks.t1).toMatchObject({
      status: 'done',
      overdue: false,
      version: 3,
    });
  });

  it('does not count a suspended task as overdue, nor a task due on the day itself', async () => {
    const ledger = new LedgerService(stores(), () => NOW);
    await ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'suspended', dueDate: '2020-01-01' });
    await ledger.write(ACTOR, 't3', { baseVersion: 0, status: 'in-progress', dueDate: '2020-07-01' });
    const { tasks } = await ledger.status('p', '2020-07-01');
    expect(tasks.t1?.overdue).toBe(false);
    expect(tasks.t3?.overdue).toBe(false);
  });

  it('lists the tasks that depend on a delayed task as blocked by it', async () => {
    const ledger = new LedgerService(stores(), () => NOW);
    await ledger.write(ACTOR, 't1', { baseVersion: 0, status: 'delayed' });
    const { items } = await ledger.blocked('p', ['explicit'], '2020-07-01');
    expect(items).toHaveLength(1);
    expect(items[0]?.delayed.taskId).toBe('t1');
    expect(items[0]?.blocked).toEqual([
      expect.objectContaining({ taskId: 't3', depth: 1, status: 'not-started', path: ['t3', 't1'] }),
    ]);
  });
});
