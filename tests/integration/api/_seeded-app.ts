// The API over the real seed plan: the database is emptied, the seed imported through the importer's own
// function, and an express app built on a repository over the test database.
import path from 'node:path';
import type express from 'express';
import pino from 'pino';
import { type ApiOptions, createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import type { ConsoleDatabase } from '../../../server/src/neo4j/console-database.ts';
import { neo4jGraphRepository } from '../../../server/src/neo4j/graph-repository.ts';
import { dbmsInfoReader } from '../../../server/src/neo4j/health-queries.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

export const SEED_MD = path.resolve(import.meta.dirname, '../../../seeds/harbin-2016-economic-reform.md');
export const SEED_PLAN = 'harbin-2016';

export async function importSeed(): Promise<void> {
  await resetDatabase();
  await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
}

/** The API over the test database; console queries run in `consoleDb` (default: the test database itself). */
export function apiApp(options: ApiOptions = {}, consoleDb?: ConsoleDatabase): express.Express {
  return createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: dbmsInfoReader(testDriver(), testDatabase()),
    consoleStatus: consoleDb?.status,
    apiRouters: createApiRouters(neo4jGraphRepository(testDriver(), testDatabase(), consoleDb), options),
  });
}

/** Reads a number straight from the database, to compare API answers with what is stored. */
export async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await testDriver().executeQuery(cypher, params, { database: testDatabase() });
  return Number(records[0]?.get(0));
}

export async function column<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await testDriver().executeQuery(cypher, params, { database: testDatabase() });
  return records.map((record) => record.get(0) as T);
}
