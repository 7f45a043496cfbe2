// Limits of the console that hold: a query that computes inside one expression still gets its 504 on time and
// its transaction terminated; a query that builds a huge value hits Neo4j's transaction memory guard (400, and
// the database keeps serving); a query that fails on the data it meets is the user's error (400), not ours.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testDriver } from '../_db.ts';
import { apiApp, importSeed } from './_seeded-app.ts';

const REDUCE = "RETURN size(reduce(s = '', i IN range(1, 200000) | s + 'xxxxxxxxxx')) AS n";

let app: express.Express;

beforeAll(async () => {
  await importSeed();
  app = apiApp({
    cypher: { rowCap: 100, timeoutMs: 5_000 },
    rateLimits: { searchPerMinute: 1000, cypherPerMinute: 1000 },
  });
});

/** Neo4j's transactions running the reduce query, with their status ("Running", "Terminated with reason: …"). */
async function reduceTransactions(): Promise<string[]> {
  const { records } = await testDriver().executeQuery(
    `SHOW TRANSACTIONS YIELD currentQuery, status
     WHERE currentQuery CONTAINS 'reduce(s' AND NOT currentQuery STARTS WITH 'SHOW' RETURN status`,
    {},
    { database: testDatabase() },
  );
  return records.map((record) => String(record.get('status')));
}

describe('a query that computes inside one expression', () => {
  // Terminated, not gone: Neo4j's list-expression loops never check for termination, so the worker keeps
  // computing until the expression is done (~20-30 s here). Why no setting, runtime, plan guard or launcher
  // watchdog can end it sooner, with measurements: docs/security.md, "What is not bounded".
  it('answers 504 within 10 s, and Neo4j has terminated its transaction within 15 s', async () => {
    const started = Date.now();
    const res = await request(app).post('/api/cypher').send({ query: REDUCE });
    const answeredMs = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('QUERY_TIMEOUT');
    expect(answeredMs).toBeLessThan(10_000);

    let statuses = await reduceTransactions();
    while (statuses.some((status) => !status.startsWith('Terminated')) && Date.now() - started < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      statuses = await reduceTransactions();
    }
    expect(statuses.filter((status) => !status.startsWith('Terminated'))).toEqual([]);
    process.stderr.write(
      `[cypher-limits] reduce: 504 after ${answeredMs} ms; ${statuses.length} transaction(s) left, terminated, at ${Date.now() - started} ms\n`,
    );
  }, 30_000);

  it('leaves the console answering other queries meanwhile', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (t:Task) RETURN count(t) AS n' })
      .expect(200);
    expect(res.body.rows[0].n).toBeGreaterThan(0);
  });
});

describe('a query over the transaction memory limit', () => {
  it('is refused by Neo4j’s memory guard with 400, not 503, and is not retried', async () => {
    const started = Date.now();
    const res = await request(app)
      .post('/api/cypher')
      .send({
        query: `UNWIND range(1, 3000000) AS x RETURN size(collect(toString(x) + '${'x'.repeat(200)}')) AS n`,
      });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(400);
    expect(res.body.error.details.neo4jCode).toBe('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    process.stderr.write(`[cypher-limits] memory guard: 400 after ${Date.now() - started} ms\n`);
  }, 30_000);
});

describe('a query that fails on the data it meets', () => {
  it('answers allShortestPaths between equal ends with 400', async () => {
    const res = await request(app).post('/api/cypher').send({
      query: 'MATCH (a:Task), (b:Task) MATCH p = allShortestPaths((a)-[:DEPENDS_ON*]-(b)) RETURN count(p)',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
  });

  it('refuses the same search over the whole store (no labels, no types) before it runs, with 4xx', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (a), (b) MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p)' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('QUERY_REFUSED');
  });
});
