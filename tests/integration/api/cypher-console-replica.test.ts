// The console runs in a replica that holds a copy of the plan data and nothing else: accounts and sessions
// stored in the main database do not exist there at all, the copy matches the main database, and an import
// or a change in the main database is what the next console query sees.
import path from 'node:path';
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, HealthResponse } from '../../../server/src/domain/types.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { AuthService } from '../../../server/src/ledger/auth-service.ts';
import type { ConsoleDatabase } from '../../../server/src/neo4j/console-database.ts';
import { ensureLedgerSchema } from '../../../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../../../server/src/neo4j/ledger-stores.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { replicaDriver, replicaLog, testConsoleReplica } from './_console-replica.ts';
import { apiApp, column, count, importSeed, SEED_PLAN } from './_seeded-app.ts';

const SECOND_MD = path.resolve(import.meta.dirname, '../../fixtures/plans/jiangbei-2021-innovation.md');

let app: express.Express;
const replica: ConsoleDatabase = testConsoleReplica();

beforeAll(async () => {
  await importSeed();
  await ensureLedgerSchema(testDriver(), testDatabase());
  await new AuthService(createLedgerStores({ driver: testDriver(), database: testDatabase() })).createAccount(
    null,
    'replica-admin',
    'admin',
    'correct horse battery staple',
  );
  app = apiApp({ rateLimits: { searchPerMinute: 1000, cypherPerMinute: 1000 } }, replica);
}, 240_000);

async function consoleRows(query: string): Promise<CypherResponse['rows']> {
  const res = await request(app).post('/api/cypher').send({ query });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return (res.body as CypherResponse).rows;
}

async function onReplica<T>(cypher: string): Promise<T[]> {
  const driver = replicaDriver(replica);
  try {
    const { records } = await driver.executeQuery(cypher, {}, { database: 'neo4j' });
    return records.map((record) => record.get(0) as T);
  } finally {
    await driver.close();
  }
}

describe('the console replica', () => {
  it('starts on the first console request: answers it, or says it is starting and when to retry', async () => {
    expect(replica.status().state).toBe('stopped');
    const started = Date.now();
    const ask = () => request(app).post('/api/cypher').send({ query: 'MATCH (p:Plan) RETURN p.id AS id' });
    let res = await ask();
    let starting = 0;
    // The first request waits up to 25 s (CONSOLE_START_WAIT_MS); a busier machine gets the 503 meanwhile.
    while (res.status === 503 && Date.now() - started < 200_000) {
      starting += 1;
      expect(res.body.error.message).toMatch(/console's database is starting/);
      expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      res = await ask();
    }
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect((res.body as CypherResponse).rows.map((row) => row.id)).toEqual([SEED_PLAN]);
    process.stderr.write(
      `[console-replica] first console answer after ${Date.now() - started} ms (${starting} × 503 starting)\n`,
    );
  }, 240_000);

  it('holds no account, session or any other node that is not plan data', async () => {
    expect(await count('MATCH (a:Account) RETURN count(a)')).toBe(1);
    expect(await onReplica<number>('MATCH (n) WHERE NOT n:Plan AND NOT n:PlanData RETURN count(n)')).toEqual([
      0,
    ]);
    const labels = await onReplica<string>('CALL db.labels() YIELD label RETURN label');
    expect(labels).toContain('Task');
    expect(labels).not.toContain('Account');
    expect(labels).not.toContain('Session');
  });

  it('holds the same plan nodes and relationships as the main database', async () => {
    const byLabel =
      'MATCH (n:PlanData) UNWIND labels(n) AS label WITH label, count(*) AS n RETURN label + ":" + n AS x ORDER BY x';
    expect(await onReplica<string>(byLabel)).toEqual(await column<string>(byLabel));
    const byType =
      'MATCH (:Plan|PlanData)-[r]->(:Plan|PlanData) WITH type(r) AS t, count(*) AS n RETURN t + ":" + n AS x ORDER BY x';
    expect(await onReplica<string>(byType)).toEqual(await column<string>(byType));
    const quote = 'MATCH (:Task)-[r:LED_BY]->(a:Agency) RETURN a.name + "|" + r.basis AS x ORDER BY x';
    expect(await onReplica<string>(quote)).toEqual(await column<string>(quote));
  });

  it('shows an import into the main database in the next console query', async () => {
    await importPlan(testDriver(), testDatabase(), { markdownPath: SECOND_MD, annotationsPath: null });
    const rows = await consoleRows('MATCH (p:Plan) RETURN p.id AS id ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual(
      await column<string>('MATCH (p:Plan) RETURN p.id ORDER BY p.id'),
    );
    expect(rows).toHaveLength(2);
  });

  it('shows a change to one node in the next console query, values exact', async () => {
    const id = (await column<string>('MATCH (t:Task) RETURN t.id ORDER BY t.id LIMIT 1'))[0];
    await testDriver().executeQuery(
      `MATCH (t:Task {id: $id}) SET t.nameEn = 'changed in the main database',
         t.big = 9007199254740993, t.span = duration('P3D')`,
      { id },
      { database: testDatabase() },
    );
    const res = await request(app)
      .post('/api/cypher')
      .send({
        query: 'MATCH (t:Task {id: $id}) RETURN t.nameEn AS nameEn, t.big AS big, t.span AS span',
        params: { id },
      })
      .expect(200);
    expect((res.body as CypherResponse).rows).toEqual([
      { nameEn: 'changed in the main database', big: '9007199254740993', span: 'P3D' },
    ]);
    const types = 'MATCH (t:Task) WITH t ORDER BY t.id LIMIT 1 RETURN valueType(t.order)';
    expect(await onReplica<string>(types)).toEqual(await column<string>(types));
  });

  it('says in /api/health that the console runs in a replica', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect((res.body as HealthResponse).console).toEqual({ database: 'replica', state: 'ready' });
    process.stderr.write(`[console-replica] ${replicaLog.join(' / ')}\n`);
  });
});
