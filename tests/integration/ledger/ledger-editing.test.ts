// Editing the ledger over HTTP: an editor's update becomes the task's current state with its history kept;
// concurrent edits never silently lose one side; the audit trail names who changed what.

import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  entryUrl,
  freshLedger,
  historyUrl,
  ledgerApp,
  login,
  PLAN,
  type Session,
  storedEntries,
  taskId,
} from './_ledger.ts';

const TASK = taskId('1.1');

describe('an editor updating a task', () => {
  let app: Express;
  let editor: Session;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor', root: 'admin' });
    app = ledgerApp();
    editor = await login(app, 'mei');
  });

  it('starts every task of the seed plan as not started at version 0', async () => {
    const res = await editor.agent.get('/api/ledger/status').query({ plan: PLAN }).expect(200);
    const tasks = Object.values(res.body.tasks) as Array<{ status: string; version: number }>;
    expect(tasks).toHaveLength(39);
    expect(tasks.every((t) => t.status === 'not-started' && t.version === 0)).toBe(true);
  });

  it('records a first entry that defaults the responsible agency to the task lead', async () => {
    const history = await editor.agent.get(historyUrl(TASK)).expect(200);
    const lead = history.body.task.leadAgencyId;
    expect(lead).toMatch(/^harbin-2016:agency:/);

    const res = await editor.agent
      .post(entryUrl(TASK))
      .set('X-CSRF-Token', editor.csrf)
      .send({
        baseVersion: 0,
        status: 'in-progress',
        progress: 30,
        dueDate: '2018-12-31',
        note: '清单已公布',
      })
      .expect(201);
    expect(res.body.version).toBe(1);
    expect(res.body.entry).toMatchObject({
      status: 'in-progress',
      progress: 30,
      agencyId: lead,
      author: 'mei',
    });
  });

  it('shows both entries in the history, newest first, after a second update, and colours the task by the newest', async () => {
    await editor.agent
      .post(entryUrl(TASK))
      .set('X-CSRF-Token', editor.csrf)
      .send({ baseVersion: 1, status: 'delayed', note: '等待省级下放' })
      .expect(201);

    const history = await editor.agent.get(historyUrl(TASK)).expect(200);
    expect(history.body.version).toBe(2);
    expect(history.body.history.map((e: { status: string }) => e.status)).toEqual(['delayed', 'in-progress']);
    // Left-out fields carry over from the previous entry; the first entry is unchanged.
    expect(history.body.history[0]).toMatchObject({
      progress: 30,
      dueDate: '2018-12-31',
      note: '等待省级下放',
    });
    expect(history.body.history[1]).toMatchObject({ progress: 30, note: '清单已公布', version: 1 });

    const status = await editor.agent.get('/api/ledger/status').query({ plan: PLAN, asOf: '2019-06-01' });
    expect(status.body.tasks[TASK]).toMatchObject({ status: 'delayed', overdue: true, version: 2 });
  });

  it('keeps each entry as its own node linked to the task', async () => {
    const entries = (await storedEntries()).filter((e) => e.taskId === TASK);
    expect(entries.map((e) => e.version).sort()).toEqual([1, 2]);
  });

  it('refuses an entry for a task that does not exist, and a measure of another task', async () => {
    await editor.agent
      .post(entryUrl(`${PLAN}:task:9.9.9`))
      .set('X-CSRF-Token', editor.csrf)
      .send({ baseVersion: 0, status: 'done' })
      .expect(404);
    const res = await editor.agent
      .post(entryUrl(taskId('1.2')))
      .set('X-CSRF-Token', editor.csrf)
      .send({ baseVersion: 0, status: 'done', measureId: `${PLAN}:measure:3.1.1.1` })
      .expect(400);
    expect(res.body.error.message).toContain('is not a measure of task');
  });

  it('names the field of a malformed entry', async () => {
    const res = await editor.agent
      .post(entryUrl(taskId('1.2')))
      .set('X-CSRF-Token', editor.csrf)
      .send({ baseVersion: 0, status: 'finished', progress: 130 })
      .expect(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
    expect(res.body.error.message).toMatch(/status|progress/);
  });
});

describe('two editors changing the same task at once', () => {
  let app: Express;
  let mei: Session;
  let lin: Session;
  const task = taskId('2.1');

  beforeAll(async () => {
    await freshLedger({ mei: 'editor', lin: 'editor', root: 'admin' });
    app = ledgerApp();
    [mei, lin] = [await login(app, 'mei'), await login(app, 'lin')];
  });

  it('lets exactly one succeed; the other gets 409 with the current state and its own payload, kept in the audit trail', async () => {
    const first = { baseVersion: 0, status: 'in-progress', progress: 40, note: 'Mei: 已启动' };
    const second = { baseVersion: 0, status: 'delayed', progress: 10, note: 'Lin: 资金未到位' };
    const [a, b] = await Promise.all([
      mei.agent.post(entryUrl(task)).set('X-CSRF-Token', mei.csrf).send(first),
      lin.agent.post(entryUrl(task)).set('X-CSRF-Token', lin.csrf).send(second),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);

    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    const [wonPayload, lostPayload] = a.status === 201 ? [first, second] : [second, first];
    expect(lost.body.error.code).toBe('CONFLICT');
    expect(lost.body.error.details.current).toMatchObject({ note: wonPayload.note, version: 1 });
    expect(lost.body.error.details.currentVersion).toBe(1);
    expect(lost.body.error.details.rejected).toEqual(lostPayload);

    // The winner's data is the task's state.
    const history = await mei.agent.get(historyUrl(task)).expect(200);
    expect(history.body.history).toHaveLength(1);
    expect(history.body.history[0].note).toBe(wonPayload.note);
    expect(won.body.entry.id).toBe(history.body.history[0].id);

    // The loser's data is recoverable from the audit trail.
    const root = await login(app, 'root');
    const audit = await root.agent
      .get('/api/admin/audit')
      .query({ action: 'ledger.entry.rejected' })
      .expect(200);
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]).toMatchObject({
      id: lost.body.error.details.auditId,
      target: task,
      outcome: 'conflict',
      after: lostPayload,
    });
  });

  it('accepts the loser once it re-reads the current version', async () => {
    const history = await lin.agent.get(historyUrl(task)).expect(200);
    const res = await lin.agent
      .post(entryUrl(task))
      .set('X-CSRF-Token', lin.csrf)
      .send({ baseVersion: history.body.version, status: 'delayed', note: 'Lin: 资金未到位' })
      .expect(201);
    expect(res.body.version).toBe(2);
  });

  it('never gives two entries of one task the same version under many concurrent writers', async () => {
    const other = taskId('2.2');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? lin : mei).agent
          .post(entryUrl(other))
          .set('X-CSRF-Token', (i % 2 ? lin : mei).csrf)
          .send({ baseVersion: 0, status: 'in-progress', note: `writer ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const versions = (await storedEntries()).filter((e) => e.taskId === other).map((e) => e.version);
    expect(versions).toEqual([1]);
  });
});

describe('the audit trail', () => {
  let app: Express;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor', lin: 'editor', root: 'admin' });
    app = ledgerApp();
  });

  it('lists each change with its author, address, before and after, newest first', async () => {
    const mei = await login(app, 'mei');
    const lin = await login(app, 'lin');
    const task = taskId('3.1');
    await mei.agent
      .post(entryUrl(task))
      .set('X-CSRF-Token', mei.csrf)
      .send({ baseVersion: 0, status: 'in-progress' })
      .expect(201);
    await lin.agent
      .post(entryUrl(task))
      .set('X-CSRF-Token', lin.csrf)
      .send({ baseVersion: 1, status: 'done', progress: 100 })
      .expect(201);

    const root = await login(app, 'root');
    const res = await root.agent
      .get('/api/admin/audit')
      .query({ action: 'ledger.entry', target: task })
      .expect(200);
    const changes = res.body.events.map((e: { actor: string; action: string }) => [e.actor, e.action]);
    expect(changes).toEqual([
      ['lin', 'ledger.entry.create'],
      ['mei', 'ledger.entry.create'],
    ]);
    const [linEvent, meiEvent] = res.body.events;
    expect(linEvent.before).toMatchObject({ status: 'in-progress', author: 'mei' });
    expect(linEvent.after).toMatchObject({ status: 'done', progress: 100, author: 'lin' });
    expect(meiEvent.before).toBeNull();
    expect(linEvent.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(Date.parse(linEvent.at)).not.toBeNaN();
  });

  it('records logins, failed logins and account changes too', async () => {
    await ledgerLoginFails(app, 'mei');
    const root = await login(app, 'root');
    await root.agent
      .post('/api/admin/users')
      .set('X-CSRF-Token', root.csrf)
      .send({ username: 'zhao', role: 'viewer', password: 'a long enough password' })
      .expect(201);
    const res = await root.agent.get('/api/admin/audit').expect(200);
    const seen = res.body.events.map(
      (e: { action: string; outcome: string; target: string }) => `${e.action}:${e.outcome}:${e.target}`,
    );
    expect(seen).toContain('auth.login:failed:mei');
    expect(seen).toContain('auth.login:ok:root');
    expect(seen).toContain('account.create:ok:zhao');
  });

  it('exports as CSV and JSON for admins, and to nobody else', async () => {
    const root = await login(app, 'root');
    const csv = await root.agent.get('/api/admin/audit/export').query({ format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('audit.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,target,ip,outcome,before,after');
    expect(lines.some((l) => l.includes(',lin,ledger.entry.create,'))).toBe(true);

    const json = await root.agent.get('/api/admin/audit/export').query({ format: 'json' }).expect(200);
    const parsed = JSON.parse(json.text);
    expect(parsed.events.length).toBe(lines.length - 1);

    const mei = await login(app, 'mei');
    await mei.agent.get('/api/admin/audit').expect(403);
    await mei.agent.get('/api/admin/audit/export').expect(403);
    const anonymous = await ledgerAnonymous(app).get('/api/admin/audit');
    expect(anonymous.status).toBe(401);
  });
});

async function ledgerLoginFails(app: Express, username: string): Promise<void> {
  const res = await ledgerAnonymous(app)
    .post('/api/auth/login')
    .send({ username, password: 'not the password' });
  expect(res.status).toBe(401);
}

function ledgerAnonymous(app: Express) {
  return request(app);
}
