// Which plan a request means when none or several are imported, and 503 while Neo4j cannot be reached.
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import type { CyOverviewElements, PlansResponse } from '../../../server/src/domain/types.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { createDriver } from '../../../server/src/neo4j/driver.ts';
import { neo4jGraphRepository } from '../../../server/src/neo4j/graph-repository.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { apiApp, column, importSeed, SEED_PLAN } from './_seeded-app.ts';

const SECOND_MD = path.resolve(import.meta.dirname, '../../fixtures/plans/jiangbei-2021-innovation.md');
const SECOND_PLAN = 'jiangbei-2021';

describe('with no plan imported', () => {
  beforeAll(resetDatabase);

  it('answers plan-wide routes with 404 telling how to import one', async () => {
    const app = apiApp();
    const plans = await request(app).get('/api/plans').expect(200);
    expect((plans.body as PlansResponse).plans).toEqual([]);
    for (const url of ['/api/graph', '/api/stats', '/api/search?q=x', '/api/agencies/matrix']) {
      const res = await request(app).get(url).expect(404);
      expect(res.body.error.message).toContain('npm run import');
    }
  });
});

describe('with two plans imported', () => {
  beforeAll(async () => {
    await importSeed();
    await importPlan(testDriver(), testDatabase(), { markdownPath: SECOND_MD });
  });

  it('asks which plan is meant, listing both, when the request does not say', async () => {
    const res = await request(apiApp()).get('/api/graph').expect(400);
    expect(res.body.error.message).toContain('plan');
    expect(res.body.error.details.available).toEqual([SECOND_PLAN, SEED_PLAN].sort());
  });

  it('serves only the named plan’s elements', async () => {
    const res = await request(apiApp()).get(`/api/graph?plan=${SECOND_PLAN}`).expect(200);
    const body = res.body as CyOverviewElements;
    const stored = await column<string>('MATCH (n {plan: $plan}) RETURN n.id', { plan: SECOND_PLAN });
    expect(stored.length).toBeGreaterThan(0);
    expect(new Set(body.nodes.map((node) => node.data.id))).toEqual(new Set(stored));
  });

  it('searches within the named plan only', async () => {
    const res = await request(apiApp())
      .get(`/api/search?q=${encodeURIComponent('哈尔滨')}&plan=${SECOND_PLAN}`)
      .expect(200);
    for (const hit of res.body.hits as Array<{ id: string }>)
      expect(hit.id.startsWith(`${SECOND_PLAN}:`)).toBe(true);
  });
});

describe('while Neo4j cannot be reached', () => {
  let port = 0;
  const driver = () => createDriver(`bolt://127.0.0.1:${port}`, 'neo4j', '');
  let closed: ReturnType<typeof driver>;

  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there, as after a crash.
    port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    closed = driver();
  });
  afterAll(() => closed.close());

  it('answers every route with a JSON 503 within seconds', async () => {
    const app = createApp({
      logger: pino({ level: 'silent' }),
      clientDir: null,
      dbmsInfo: async () => ({ version: 'n/a', edition: 'n/a' }),
      apiRouters: createApiRouters(neo4jGraphRepository(closed, 'neo4j')),
    });
    const started = Date.now();
    for (const call of [
      request(app).get('/api/plans'),
      request(app).get('/api/graph'),
      request(app).get('/api/nodes/x:task:1'),
      request(app).get('/api/search?q=x'),
      request(app).post('/api/cypher').send({ query: 'RETURN 1' }),
    ]) {
      const res = await call;
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('DB_UNAVAILABLE');
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
