// Neo4j going away: every route answers 503 within 3 s of the database process being killed, and the same
// server answers 200 again, without a restart, once Neo4j is back on the same port and data folder. Runs its
// own embedded Neo4j, since it kills it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type express from 'express';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerApiRouters } from '../../../server/src/api/ledger-routers.ts';
import { createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { dataVersionReader } from '../../../server/src/neo4j/data-version.ts';
import { createDriver } from '../../../server/src/neo4j/driver.ts';
import { type EmbeddedHandle, startEmbeddedNeo4j } from '../../../server/src/neo4j/embedded.ts';
import { neo4jGraphRepository } from '../../../server/src/neo4j/graph-repository.ts';
import { dbmsInfoReader } from '../../../server/src/neo4j/health-queries.ts';
import { createLedgerStores } from '../../../server/src/neo4j/ledger-stores.ts';
import { freePort } from '../../support/_test-neo4j.ts';
import { SEED_MD, SEED_PLAN } from './_seeded-app.ts';

const DATABASE = 'neo4j';
let port = 0;
let dataDir = '';
let neo4j: EmbeddedHandle | null = null;
let driver: ReturnType<typeof createDriver>;
let app: express.Express;

function start(): Promise<EmbeddedHandle> {
  return startEmbeddedNeo4j({
    port,
    dataDir,
    timeoutMs: 240_000,
    heap: '512m',
    log: (line) => process.stderr.write(`[outage] ${line}\n`),
  });
}

/** Every kind of route: health, plan reads (cached and not), search, the console, the ledger and a login. */
const ROUTES: Array<[string, (agent: request.Agent) => request.Test]> = [
  ['GET /api/health', (agent) => agent.get('/api/health')],
  ['GET /api/plans', (agent) => agent.get('/api/plans')],
  ['GET /api/graph', (agent) => agent.get(`/api/graph?plan=${SEED_PLAN}`)],
  ['GET /api/nodes/:id', (agent) => agent.get(`/api/nodes/${encodeURIComponent(`${SEED_PLAN}:domain:1`)}`)],
  ['GET /api/search', (agent) => agent.get(`/api/search?q=x&plan=${SEED_PLAN}`)],
  [
    'POST /api/cypher',
    (agent) => agent.post('/api/cypher').send({ query: 'MATCH (t:Task) RETURN count(t)' }),
  ],
  ['GET /api/ledger', (agent) => agent.get(`/api/ledger?plan=${SEED_PLAN}`)],
  ['POST /api/auth/login', (agent) => agent.post('/api/auth/login').send({ username: 'x', password: 'y' })],
];

beforeAll(async () => {
  port = await freePort();
  dataDir = path.resolve(`.data/test-runs/outage-${process.pid}-${port}`);
  neo4j = await start();
  driver = createDriver(neo4j.uri, 'neo4j', '');
  await importPlan(driver, DATABASE, { markdownPath: SEED_MD });
  app = createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: dbmsInfoReader(driver, DATABASE),
    apiRouters: [
      ...createApiRouters(neo4jGraphRepository(driver, DATABASE), {
        dataVersion: dataVersionReader(driver, DATABASE),
        rateLimits: { searchPerMinute: 1000, cypherPerMinute: 1000 },
      }),
      ...ledgerApiRouters({ stores: createLedgerStores({ driver, database: DATABASE }) }),
    ],
  });
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('when Neo4j is killed and comes back', () => {
  it('serves every route while Neo4j runs', async () => {
    const agent = request.agent(app);
    await agent.get('/api/health').expect(200);
    await agent.get('/api/plans').expect(200);
    await agent.get(`/api/graph?plan=${SEED_PLAN}`).expect(200);
  });

  it('answers every route with 503 within 3 s of the kill', async () => {
    const pid = neo4j?.pid;
    expect(pid).toBeTypeOf('number');
    process.kill(pid as number, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const agent = request.agent(app);
    for (const [route, send] of ROUTES) {
      const started = Date.now();
      const res = await send(agent);
      const elapsed = Date.now() - started;
      process.stderr.write(`[outage] ${route}: ${res.status} in ${elapsed} ms\n`);
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBe(503);
      expect(res.body.error.code).toBe('DB_UNAVAILABLE');
      expect(elapsed, route).toBeLessThan(3_000);
    }
  }, 60_000);

  it('answers 200 again after Neo4j restarts on the same port and data folder, with no server restart', async () => {
    neo4j = await start();
    const agent = request.agent(app);
    const restarted = Date.now();
    let health = await agent.get('/api/health');
    while (health.status !== 200 && Date.now() - restarted < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      health = await agent.get('/api/health');
    }
    expect(health.status).toBe(200);
    await agent.get('/api/plans').expect(200);
    const graph = await agent.get(`/api/graph?plan=${SEED_PLAN}`).expect(200);
    expect(graph.body.nodes.length).toBeGreaterThan(0);
  }, 300_000);
});
