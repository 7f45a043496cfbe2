// Ledger data is user data: re-importing the plan (which replaces the plan's own nodes in one transaction)
// must leave every ledger entry, account and audit event in place, and the ledger must still read back.
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_DATA_LABEL } from '../../../server/src/domain/model.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { entryUrl, freshLedger, historyUrl, importSeed, ledgerApp, login, PLAN, taskId } from './_ledger.ts';

const USER_LABELS = ['LedgerEntry', 'LedgerHead', 'Account', 'Session', 'AuditEvent'];

async function userData(): Promise<string[]> {
  const { records } = await testDriver().executeQuery(
    'MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN labels(n) AS labels, properties(n) AS props',
    { labels: USER_LABELS },
    { database: testDatabase() },
  );
  return records
    .map((r) => {
      const props = r.get('props') as Record<string, unknown>;
      const sorted = Object.keys(props)
        .sort()
        .filter((k) => k !== 'lastWriteAt')
        .map((k) => [k, props[k]]);
      return JSON.stringify([r.get('labels'), sorted]);
    })
    .sort();
}

async function linkedEntries(): Promise<number> {
  const { records } = await testDriver().executeQuery(
    'MATCH (e:LedgerEntry)-[:RECORDS]->(t:Task) WHERE t.id = e.taskId RETURN count(e) AS n',
    {},
    { database: testDatabase() },
  );
  return records[0]?.get('n');
}

describe('a plan re-import', () => {
  let app: Express;
  const measureTask = taskId('1.1');

  beforeAll(async () => {
    await freshLedger({ mei: 'editor', root: 'admin' });
    app = ledgerApp();
    const mei = await login(app, 'mei');
    const history = await request(app).get(historyUrl(measureTask)).expect(200);
    expect(history.body.task.name).toBeTruthy();
    const { records } = await testDriver().executeQuery(
      'MATCH (:Task {id: $id})-[:HAS_MEASURE]->(m:Measure) RETURN m.id AS id ORDER BY m.order LIMIT 1',
      { id: measureTask },
      { database: testDatabase() },
    );
    const measureId = records[0]?.get('id') as string;
    const post = (id: string, body: object) =>
      mei.agent.post(entryUrl(id)).set('X-CSRF-Token', mei.csrf).send(body).expect(201);
    await post(measureTask, { baseVersion: 0, status: 'in-progress', measureId, progress: 20 });
    await post(measureTask, { baseVersion: 1, status: 'delayed' });
    await post(taskId('2.1'), { baseVersion: 0, status: 'done', progress: 100 });
    await post(taskId('8.2'), { baseVersion: 0, status: 'suspended', note: '暂缓' });
  });

  it('keeps user data apart: no ledger, account or audit node carries the plan-data label', async () => {
    const { records } = await testDriver().executeQuery(
      `MATCH (n:${PLAN_DATA_LABEL}) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n`,
      { labels: USER_LABELS },
      { database: testDatabase() },
    );
    expect(records[0]?.get('n')).toBe(0);
  });

  it('leaves every ledger entry, account, session and audit event exactly as it was', async () => {
    const before = await userData();
    expect(before.filter((l) => l.includes('"LedgerEntry"'))).toHaveLength(4);
    await importSeed();
    expect(await userData()).toEqual(before);
  });

  it('still serves each task’s history and current status after the re-import', async () => {
    const history = await request(app).get(historyUrl(measureTask)).expect(200);
    expect(history.body.history.map((e: { status: string }) => e.status)).toEqual(['delayed', 'in-progress']);
    const status = await request(app).get('/api/ledger/status').query({ plan: PLAN }).expect(200);
    expect(status.body.tasks[taskId('2.1')].status).toBe('done');
    expect(status.body.tasks[taskId('8.2')].status).toBe('suspended');
  });

  it('keeps the links from entries to the recreated task and measure nodes', async () => {
    expect(await linkedEntries()).toBe(4);
    const { records } = await testDriver().executeQuery(
      'MATCH (e:LedgerEntry)-[:ABOUT_MEASURE]->(m:Measure) WHERE m.id = e.measureId RETURN count(e) AS n',
      {},
      { database: testDatabase() },
    );
    // Both entries of the measure's task carry the measure (the second carried it over).
    expect(records[0]?.get('n')).toBe(2);
  });

  it('accepts new entries after the re-import, continuing the version count', async () => {
    const mei = await login(app, 'mei');
    const res = await mei.agent
      .post(entryUrl(measureTask))
      .set('X-CSRF-Token', mei.csrf)
      .send({ baseVersion: 2, status: 'in-progress' })
      .expect(201);
    expect(res.body.version).toBe(3);
  });
});
