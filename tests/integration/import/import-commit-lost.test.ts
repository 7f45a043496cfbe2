// The connection dies while the import commits, after Neo4j received the COMMIT: the CLI must not report a
// plain "database error" for an import that is in fact stored. It reads the plan's digest back and says so.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPlanFromFiles } from '../../../server/src/ingest/plan-files.ts';
import { SEED_MD } from '../../unit/ingest/_plans.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { type BoltProxy, boltProxy } from './_bolt-proxy.ts';
import { testDatabaseEnv } from './_cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('an import whose connection is lost during the commit', () => {
  let proxy: BoltProxy;

  beforeAll(async () => {
    await resetDatabase();
    proxy = await boltProxy(new URL(inject('neo4jUri')), 'DETACH DELETE n');
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('reads the digest back and reports the import as committed, with exit code 0', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/import.ts', SEED_MD], {
      cwd: ROOT,
      env: { ...process.env, ...testDatabaseEnv(), NEO4J_URI: proxy.uri },
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // Neo4j comes back once the CLI has noticed the lost commit and starts checking.
      if (stderr.includes('checking whether')) void proxy.reopen().catch(() => {});
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await proxy.cut;
    expect(stderr).toContain('The connection to Neo4j failed while the import was committing');
    expect(stderr).not.toContain('database error');
    const sha256 = String((await buildPlanFromFiles({ markdownPath: SEED_MD })).graph.plan.sha256);
    expect(stderr).toContain(`committed: the database holds this plan (sha256 ${sha256})`);
    expect(stdout).toContain('plan harbin-2016');
    expect(code).toBe(0);
    const { records } = await testDriver().executeQuery(
      'MATCH (p:Plan {id: "harbin-2016"}) RETURN p.sha256 AS sha256',
      {},
      { database: testDatabase() },
    );
    expect(records[0]?.get('sha256')).toBe(sha256);
  }, 240_000);
});
