// The console's replica for integration tests: an embedded Neo4j of its own (a second JVM, only in the files
// that test the console), holding a copy of the test database's plan data, stopped after the file.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll } from 'vitest';
import { type ConsoleDatabase, replicaConsoleDatabase } from '../../../server/src/neo4j/console-database.ts';
import { embeddedReplicaSource } from '../../../server/src/neo4j/console-replica-sources.ts';
import { createDriver } from '../../../server/src/neo4j/driver.ts';
import { testDatabase, testDriver } from '../_db.ts';

/** Log lines of the replica (start, sync, restart), for the test's own report on stderr. */
export const replicaLog: string[] = [];

/**
 * A replica console over the test database; started by the first console request (or `ready()`). Call it at
 * the top level of a test file, not inside a hook: it registers the afterAll that stops the replica.
 */
export function testConsoleReplica(): ConsoleDatabase {
  const replica = replicaConsoleDatabase(
    { driver: testDriver(), database: testDatabase() },
    embeddedReplicaSource({
      dataDir: path.resolve(`.data/test-runs/console-${process.pid}-${randomUUID().slice(0, 8)}`),
      heap: '768m',
      timeoutMs: 240_000,
    }),
    (line) => {
      replicaLog.push(line);
      process.stderr.write(`[console-replica] ${line}\n`);
    },
  );
  afterAll(() => replica.close(), 60_000);
  return replica;
}

/** A driver to the replica's server as it runs now (its address changes at each restart); close it after use. */
export function replicaDriver(replica: ConsoleDatabase): Driver {
  const uri = replica.status().replica?.uri;
  if (!uri) throw new Error('the console replica is not running');
  return createDriver(uri, 'neo4j', '');
}
