// The read-only Cypher console: reads work, with a row cap and a time limit; anything that would write or
// reach outside the database is refused with 4xx and the graph stays exactly as it was.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse } from '../../../server/src/domain/types.ts';
import { graphFingerprint } from '../_db.ts';
import { apiApp, count, importSeed } from './_seeded-app.ts';

let app: express.Express;

beforeAll(async () => {
  await importSeed();
  app = apiApp({
    cypher: { rowCap: 100, timeoutMs: 5_000 },
    rateLimits: { searchPerMinute: 1000, cypherPerMinute: 1000 },
  });
});

describe('POST /api/cypher reads', () => {
  it('returns columns and rows of a read query', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (t:Task) RETURN t.id AS id, t.name AS name ORDER BY id LIMIT 3' })
      .expect(200);
    const body = res.body as CypherResponse;
    expect(body.columns).toEqual(['id', 'name']);
    expect(body.rows).toHaveLength(3);
    expect(body.truncated).toBe(false);
    expect(body.graph).toBeNull();
  });

  it('passes parameters, whole numbers as integers so LIMIT accepts them', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({
        query: 'MATCH (p:Pilot) WHERE p.name = $name RETURN p.id AS id LIMIT $n',
        params: { name: '哈尔滨新区', n: 1 },
      })
      .expect(200);
    expect((res.body as CypherResponse).rows).toEqual([{ id: 'harbin-2016:pilot:harbin-new-area' }]);
  });

  it('returns nodes, relationships and paths as a graph keyed by our ids', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: "MATCH p = (t:Task)-[:PILOTED_IN]->(:Pilot {name: '哈尔滨新区'}) RETURN p" })
      .expect(200);
    const body = res.body as CypherResponse;
    const expected = await count(
      "MATCH (t:Task)-[r:PILOTED_IN]->(:Pilot {name: '哈尔滨新区'}) RETURN count(r)",
    );
    expect(body.graph?.edges).toHaveLength(expected);
    expect(body.graph?.nodes.map((n) => n.id)).toContain('harbin-2016:pilot:harbin-new-area');
    for (const edge of body.graph?.edges ?? []) {
      expect(edge.type).toBe('PILOTED_IN');
      expect(edge.start).toMatch(/^harbin-2016:task:/);
    }
  });

  it('names relationship ends by our ids even when the nodes are not returned', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (:Domain {number: 1})-[r:HAS_TASK]->() RETURN r LIMIT 1' })
      .expect(200);
    const edge = (res.body as CypherResponse).graph?.edges[0];
    expect(edge?.start).toBe('harbin-2016:domain:1');
    expect(edge?.end).toMatch(/^harbin-2016:task:3\.1\./);
  });

  it('stops at the row cap and says so', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'UNWIND range(1, 5000) AS x RETURN x' })
      .expect(200);
    const body = res.body as CypherResponse;
    expect(body.rows).toHaveLength(100);
    expect(body.truncated).toBe(true);
    expect(body.rowCap).toBe(100);
  });

  it('stops a query that runs past the time limit with 504', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)' })
      .expect(504);
    expect(res.body.error.code).toBe('QUERY_TIMEOUT');
  });

  it('answers a syntax error with 400 and the database’s explanation', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (n RETURN n' }).expect(400);
    expect(res.body.error.details.neo4jCode).toBe('Neo.ClientError.Statement.SyntaxError');
  });

  it('refuses a missing or empty query and a non-object params with 400', async () => {
    await request(app).post('/api/cypher').send({}).expect(400);
    await request(app).post('/api/cypher').send({ query: '   ' }).expect(400);
    await request(app)
      .post('/api/cypher')
      .send({ query: 'RETURN 1', params: [1, 2] })
      .expect(400);
    await request(app)
      .post('/api/cypher')
      .set('Content-Type', 'application/json')
      .send('{"query": ')
      .expect(400);
  });
});

describe('POST /api/cypher refuses anything that writes or reads outside the database', () => {
  it.each([
    ['CREATE', "CREATE (:Task {id: 'intruder'})"],
    ['MERGE', "MERGE (p:Pilot {id: 'harbin-2016:pilot:harbin-new-area'}) SET p.name = 'x'"],
    ['SET', "MATCH (p:Pilot) SET p.name = 'renamed'"],
    ['REMOVE', 'MATCH (p:Pilot) REMOVE p.name'],
    ['DELETE', 'MATCH ()-[r:LED_BY]->() DELETE r'],
    ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
    ['a writing procedure', "CALL db.createLabel('X')"],
    ['a schema change', 'CREATE INDEX intruder FOR (n:Task) ON (n.title)'],
    ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ['LOAD CSV from a URL', "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line"],
    ['a write hidden in a subquery', 'MATCH (t:Task) CALL (t) { SET t.hacked = true } RETURN count(t)'],
    ['batched writes', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1'],
    ['terminating other transactions', 'TERMINATE TRANSACTIONS "neo4j-transaction-1"'],
    ["listing other sessions' queries", 'SHOW TRANSACTIONS'],
    ['reading the server settings', 'SHOW SETTINGS'],
    ['an administrator procedure', 'CALL dbms.listConfig()'],
  ])('refuses %s with 4xx and leaves counts and checksum unchanged', async (_what, query) => {
    const before = await graphFingerprint();
    const res = await request(app).post('/api/cypher').send({ query });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(['QUERY_REFUSED', 'INVALID_REQUEST']).toContain(res.body.error.code);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('refuses writes with 403 QUERY_REFUSED specifically', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'CREATE (:X)' }).expect(403);
    expect(res.body.error.code).toBe('QUERY_REFUSED');
  });
});
