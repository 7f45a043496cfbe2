// The foundation's promises: health read from the real database, recovery after a Neo4j outage, one-sentence
// errors for a busy port.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { Neo4jStartupError, startEmbeddedNeo4j } from '../../server/src/neo4j/embedded.ts';
import { dbmsInfoReader } from '../../server/src/neo4j/health-queries.ts';
import { freePort } from '../support/_test-neo4j.ts';
import { resetDatabase, testDatabase, testDriver } from './_db.ts';

const logger = pino({ level: 'silent' });

function listenOnFreePort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.end('HTTP/1.1 200 OK\r\n\r\nnot neo4j');
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('health and Bolt access', () => {
  beforeAll(resetDatabase);

  it('reports ok with the Neo4j 5.26 version and edition read from the database', async () => {
    const app = createApp({
      logger,
      clientDir: null,
      dbmsInfo: dbmsInfoReader(testDriver(), testDatabase()),
    });
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.neo4j.version).toMatch(/^5\.26\./);
    expect(res.body.neo4j.edition).toBe('community');
  });

  it('writes a node through Bolt and reads the same properties back', async () => {
    const driver = testDriver();
    const database = testDatabase();
    await driver.executeQuery(
      'CREATE (:Probe {id: $id, name: $name})',
      { id: 'probe-1', name: '哈尔滨' },
      { database },
    );
    const { records } = await driver.executeQuery(
      'MATCH (p:Probe {id: $id}) RETURN p.name AS name',
      { id: 'probe-1' },
      { database },
    );
    expect(records.map((r) => r.get('name'))).toEqual(['哈尔滨']);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const app = createApp({
      logger,
      clientDir: null,
      dbmsInfo: dbmsInfoReader(testDriver(), testDatabase()),
    });
    const res = await request(app).get('/api/no-such-route').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('a Neo4j outage', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rge-outage-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives 503 with a JSON error while Neo4j is down and 200 again once it is back, without a restart', async () => {
    const port = await freePort();
    const start = () => startEmbeddedNeo4j({ port, dataDir, timeoutMs: 180_000, heap: '512m' });
    let neo4j = await start();
    const driver = createDriver(neo4j.uri, 'neo4j', '');
    try {
      const app = createApp({ logger, clientDir: null, dbmsInfo: dbmsInfoReader(driver, 'neo4j') });
      await request(app).get('/api/health').expect(200);

      expect(neo4j.pid).not.toBeNull();
      process.kill(neo4j.pid as number, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const down = await request(app).get('/api/health');
      expect(down.status).toBe(503);
      expect(down.headers['content-type']).toMatch(/json/);
      expect(down.body.error.code).toBe('DB_UNAVAILABLE');

      neo4j = await start();
      const back = await request(app).get('/api/health');
      expect(back.status).toBe(200);
      expect(back.body.status).toBe('ok');
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 240_000);
});

describe('busy ports', () => {
  it('refuses to start the embedded Neo4j on a port that something else holds, in one sentence', async () => {
    const squatter = await listenOnFreePort();
    const { port } = squatter.address() as net.AddressInfo;
    try {
      const attempt = startEmbeddedNeo4j({ port, dataDir: os.tmpdir(), timeoutMs: 5_000, heap: '256m' });
      await expect(attempt).rejects.toBeInstanceOf(Neo4jStartupError);
      await expect(attempt).rejects.toThrow(`Port ${port} is in use by a program that is not Neo4j`);
    } finally {
      squatter.close();
    }
  });

  it('makes a second `npm start` report the busy HTTP port in one sentence and exit non-zero', async () => {
    const first = await listenOnFreePort();
    const { port } = first.address() as net.AddressInfo;
    try {
      const result = spawnSync('npx', ['tsx', 'scripts/start.ts'], {
        env: { ...process.env, PORT: String(port), NEO4J_EMBEDDED_PORT: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port}`);
      expect(lines[0]).toContain('already in use');
    } finally {
      first.close();
    }
  });
});
