// Shared set-up for the ledger's integration tests: the seed plan imported into the test database, a few
// accounts, and an app with the ledger routers, driven over HTTP with supertest.
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { expect } from 'vitest';
import { ledgerApiRouters } from '../../../server/src/api/ledger-routers.ts';
import { createApp } from '../../../server/src/app.ts';
import type { Role } from '../../../server/src/domain/ledger-types.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { AuthService } from '../../../server/src/ledger/auth-service.ts';
import { dbmsInfoReader } from '../../../server/src/neo4j/health-queries.ts';
import { ensureLedgerSchema } from '../../../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../../../server/src/neo4j/ledger-stores.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

export const SEED = 'seeds/harbin-2016-economic-reform.md';
export const PLAN = 'harbin-2016';
export const PASSWORD = 'correct horse battery';

export async function importSeed(): Promise<void> {
  await importPlan(testDriver(), testDatabase(), { markdownPath: SEED });
}

/** Empty database, the seed plan, and one account per name given. */
export async function freshLedger(accounts: Record<string, Role>): Promise<void> {
  await resetDatabase();
  await importSeed();
  await ensureLedgerSchema(testDriver(), testDatabase());
  const auth = new AuthService(createLedgerStores({ driver: testDriver(), database: testDatabase() }));
  for (const [username, role] of Object.entries(accounts))
    await auth.createAccount(null, username, role, PASSWORD);
}

export function ledgerApp(clock?: () => Date): Express {
  return createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: dbmsInfoReader(testDriver(), testDatabase()),
    apiRouters: ledgerApiRouters({
      stores: createLedgerStores({ driver: testDriver(), database: testDatabase() }),
      clock,
    }),
  });
}

export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

export async function login(app: Express, username: string, password = PASSWORD): Promise<Session> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { agent, csrf: res.body.csrfToken };
}

export function taskId(ref: string): string {
  return `${PLAN}:task:3.${ref}`;
}

export function entryUrl(id: string): string {
  return `/api/ledger/tasks/${encodeURIComponent(id)}/entries`;
}

export function historyUrl(id: string): string {
  return `/api/ledger/tasks/${encodeURIComponent(id)}`;
}

/** What Neo4j holds, read directly: every ledger entry's id and task. */
export async function storedEntries(): Promise<Array<{ id: string; taskId: string; version: number }>> {
  const { records } = await testDriver().executeQuery(
    'MATCH (e:LedgerEntry) RETURN e.id AS id, e.taskId AS taskId, e.version AS version ORDER BY id',
    {},
    { database: testDatabase() },
  );
  return records.map((r) => ({ id: r.get('id'), taskId: r.get('taskId'), version: r.get('version') }));
}
