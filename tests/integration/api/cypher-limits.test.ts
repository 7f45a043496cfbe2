// Limits of the console that hold: a query that computes inside one expression gets its 504 on time and is
// gone soon after, because the console runs in a replica of its own that is killed and restarted (the main
// database never sees the query, and every other route keeps answering); a query that builds a huge value hits
// Neo4j's transaction memory guard (400); a query that fails on the data it meets is the user's error (400).
import type express from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleDatabase } from '../../../server/src/neo4j/console-database.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { replicaDriver, testConsoleReplica } from './_console-replica.ts';
import { apiApp, count, importSeed } from './_seeded-app.ts';

const REDUCE = "RETURN size(reduce(s = '', i IN range(1, 200000) | s + 'xxxxxxxxxx')) AS n";

let app: express.Express;
const replica: ConsoleDatabase = testConsoleReplica();

beforeAll(async () => {
  await importSeed();
  await replica.ready();
  app = apiApp(
    {
      cypher: { rowCap: 100, timeoutMs: 5_000 },
      rateLimits: { searchPerMinute: 1000, cypherPerMinute: 1000 },
    },
    replica,
  );
}, 240_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The transactions running the reduce query on one server, with their status ("Running", "Terminated …"). */
async function reduceTransactions(driver: Driver, database: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD currentQuery, status
     WHERE currentQuery CONTAINS 'reduce(s' AND NOT currentQuery STARTS WITH 'SHOW' RETURN status`,
    {},
    { database },
  );
  return records.map((record) => String(record.get('status')));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a query that computes inside one expression', () => {
  // Neo4j's list-expression loops never check for termination (docs/security.md), so terminating the
  // transaction is not enough: the replica that runs it is killed, and the query with it.
  it('answers 504 within 10 s, and within 15 s of sending its transaction is gone', async () => {
    const pid = replica.status().replica?.pid;
    expect(pid).toEqual(expect.any(Number));
    const ranOn = replicaDriver(replica);
    try {
      const started = Date.now();
      const res = await request(app).post('/api/cypher').send({ query: REDUCE });
      const answeredMs = Date.now() - started;
      expect(res.status).toBe(504);
      expect(res.body.error.code).toBe('QUERY_TIMEOUT');
      expect(answeredMs).toBeLessThan(10_000);
      await request(app).get('/api/plans').expect(200);

      // Gone: not listed by the replica that ran it, or that replica's process no longer exists.
      let gone = false;
      while (!gone && Date.now() - started < 15_000) {
        gone =
          !processAlive(pid ?? 0) ||
          (await reduceTransactions(ranOn, 'neo4j').then(
            (listed) => listed.length === 0,
            () => !processAlive(pid ?? 0),
          ));
        if (!gone) await sleep(200);
      }
      const goneMs = Date.now() - started;
      expect(gone, 'the reduce transaction is still there 15 s after it was sent').toBe(true);
      expect(await reduceTransactions(testDriver(), testDatabase())).toEqual([]);
      process.stderr.write(
        `[cypher-limits] reduce: 504 after ${answeredMs} ms; gone at ${goneMs} ms (replica process ${processAlive(pid ?? 0) ? 'alive' : 'killed'})\n`,
      );
    } finally {
      await ranOn.close();
    }
  }, 30_000);

  it('answers the next console query correctly once its replica is back, 503 with Retry-After meanwhile', async () => {
    const started = Date.now();
    let res = await request(app).post('/api/cypher').send({ query: 'MATCH (t:Task) RETURN count(t) AS n' });
    let unavailable = 0;
    while (res.status === 503 && Date.now() - started < 90_000) {
      unavailable += 1;
      expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(res.body.error.message).toMatch(/console's database is (re)?starting/);
      await sleep(500);
      res = await request(app).post('/api/cypher').send({ query: 'MATCH (t:Task) RETURN count(t) AS n' });
    }
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body.rows[0].n).toBe(await count('MATCH (t:Task) RETURN count(t)'));
    expect(replica.status().restarts).toBe(1);
    const restarted = replicaDriver(replica);
    try {
      expect(await reduceTransactions(restarted, 'neo4j')).toEqual([]);
    } finally {
      await restarted.close();
    }
    process.stderr.write(
      `[cypher-limits] console back after ${Date.now() - started} ms more (${unavailable} answer(s) 503 meanwhile)\n`,
    );
  }, 120_000);
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
