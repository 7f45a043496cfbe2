// The bench's own embedded Neo4j: a fresh data folder on a free port (never the user's .data/neo4j), with
// LOAD CSV allowed to read one import folder, and everything deleted when the bench ends.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { freeLoopbackPort, startEmbeddedNeo4j } from '../../server/src/neo4j/embedded.ts';

export interface BenchNeo4j {
  uri: string;
  driver: Driver;
  database: string;
  importDir: string;
  version: string;
  stop(): Promise<void>;
}

/** A port nothing listens on now, on loopback: for the bench's Neo4j and API servers. */
export const freePort = freeLoopbackPort;

export async function startBenchNeo4j(
  heap: string,
  log: (line: string) => void,
  pageCacheMb = 512,
): Promise<BenchNeo4j> {
  const port = await freePort();
  const root = path.resolve(`.data/bench-${process.pid}-${port}`);
  const importDir = path.join(root, 'import');
  mkdirSync(importDir, { recursive: true });
  // The launcher reads these from its environment; only this throwaway instance ever sets them.
  process.env.NEO4J_EMBEDDED_ALLOW_FILE_IMPORT = '1';
  process.env.NEO4J_EMBEDDED_IMPORT_DIR = importDir;
  process.env.NEO4J_EMBEDDED_PAGECACHE_MB ??= String(pageCacheMb);
  const embedded = await startEmbeddedNeo4j({
    port,
    dataDir: path.join(root, 'data'),
    timeoutMs: 300_000,
    heap,
    log,
  });
  delete process.env.NEO4J_EMBEDDED_ALLOW_FILE_IMPORT;
  delete process.env.NEO4J_EMBEDDED_IMPORT_DIR;
  const driver = createDriver(embedded.uri, 'neo4j', '');
  const database = 'neo4j';
  const { records } = await driver.executeQuery(
    'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition',
    {},
    { database },
  );
  const version = `${records[0]?.get('version') ?? 'unknown'} ${records[0]?.get('edition') ?? ''}`.trim();
  return {
    uri: embedded.uri,
    driver,
    database,
    importDir,
    version,
    async stop() {
      await driver.close();
      await embedded.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** `CALL … IN TRANSACTIONS` runs only in an auto-commit transaction, which executeQuery never opens. */
export async function autoCommit(neo: BenchNeo4j, query: string, params: Record<string, unknown> = {}) {
  const session = neo.driver.session({ database: neo.database });
  try {
    return await session.run(query, params);
  } finally {
    await session.close();
  }
}

/** Empties the database in batches (one huge transaction would need the heap for the whole graph). */
export async function wipe(neo: BenchNeo4j): Promise<void> {
  await autoCommit(neo, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
}

export async function countGraph(neo: BenchNeo4j): Promise<{ nodes: number; rels: number }> {
  const nodes = await neo.driver.executeQuery(
    'MATCH (n) RETURN count(n) AS c',
    {},
    { database: neo.database },
  );
  const rels = await neo.driver.executeQuery(
    'MATCH ()-[r]->() RETURN count(r) AS c',
    {},
    { database: neo.database },
  );
  return { nodes: Number(nodes.records[0]?.get('c') ?? 0), rels: Number(rels.records[0]?.get('c') ?? 0) };
}
