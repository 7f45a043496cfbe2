// Shared by the integration tests of routes behind sessions: one account per role, and an app with the
// accounts' routes (login) beside the routes under test, over the test database.
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { expect } from 'vitest';
import type { SessionSources } from '../../server/src/api/auth-middleware.ts';
import type { ApiOptions } from '../../server/src/api/routers.ts';
import { createApiRouters } from '../../server/src/api/routers.ts';
import { createApp } from '../../server/src/app.ts';
import { AuthService } from '../../server/src/ledger/auth-service.ts';
import { neo4jGraphRepository } from '../../server/src/neo4j/graph-repository.ts';
import { dbmsInfoReader } from '../../server/src/neo4j/health-queries.ts';
import { ensureLedgerSchema } from '../../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../../server/src/neo4j/ledger-stores.ts';
import type { PlanDriver } from '../../server/src/neo4j/plan-writer.ts';
import { testDatabase, testDriver } from './_db.ts';

export const PASSWORD = 'correct horse battery';

/** Accounts named admin, editor and viewer, each with that role and PASSWORD. */
export async function createRoleAccounts(): Promise<void> {
  await ensureLedgerSchema(testDriver(), testDatabase());
  const auth = new AuthService(createLedgerStores({ driver: testDriver(), database: testDatabase() }));
  for (const role of ['admin', 'editor', 'viewer'] as const)
    await auth.createAccount(null, role, role, PASSWORD);
}

/** The app with the accounts' routes and the routes `options` mounts, given the driver and the sessions. */
export function appWithAccounts(
  options: (db: { driver: PlanDriver; database: string }, sessions: SessionSources) => ApiOptions,
): Express {
  const { driver, database } = { driver: testDriver(), database: testDatabase() };
  const stores = createLedgerStores({ driver, database });
  const sessions: SessionSources = { auth: new AuthService(stores), editorToken: undefined };
  return createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: dbmsInfoReader(driver, database),
    apiRouters: createApiRouters(neo4jGraphRepository(driver, database), {
      ledger: { stores },
      ...options({ driver, database }, sessions),
    }),
  });
}

export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

/** Logs in through the API; the agent keeps the cookie, `csrf` goes in X-CSRF-Token. */
export async function login(app: Express, username: string): Promise<Session> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password: PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { agent, csrf: res.body.csrfToken };
}
