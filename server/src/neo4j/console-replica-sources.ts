// Where the console's replica comes from: a Neo4j process this server starts for it (the same embedded launcher
// as the main database, its own store and a free loopback port, killed and restarted at will because its store
// is a copy), or a server the operator provides with CONSOLE_NEO4J_URI (never killed, and checked to hold
// plan data only before it is overwritten).
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ReplicaServer, ReplicaSource } from './console-database.ts';
import { assertPlanDataOnly } from './console-sync.ts';
import { createDriver, waitForBolt } from './driver.ts';
import { freeLoopbackPort, Neo4jStartupError, startEmbeddedNeo4j } from './embedded.ts';

/** Launcher settings of the embedded replica: a small page cache (plan data is small), the same memory guard. */
const REPLICA_LAUNCHER_ENV = {
  NEO4J_EMBEDDED_PAGECACHE_MB: '64',
  NEO4J_EMBEDDED_TX_MEMORY_MB: '256',
  NEO4J_EMBEDDED_TX_TOTAL_MEMORY_MB: '512',
};

/** Where and how the embedded console replica runs. */
export interface EmbeddedReplicaOptions {
  /** The replica's store, emptied at every start (it only ever holds a copy). */
  dataDir: string;
  /** JVM heap, like NEO4J_HEAP: `768m`, `1g`. */
  heap: string;
  timeoutMs: number;
  log?: (line: string) => void;
}

/**
 * An embedded Neo4j for the console: each start empties `dataDir`, takes a free loopback port and runs the
 * launcher there; `kill` ends the JVM at once (SIGKILL), taking any runaway query with it. Throws
 * Neo4jStartupError when the launcher cannot start.
 */
export function embeddedReplicaSource(options: EmbeddedReplicaOptions): ReplicaSource {
  const dataDir = path.resolve(options.dataDir);
  return {
    kind: 'embedded',
    async start(onExit) {
      rmSync(dataDir, { recursive: true, force: true });
      const handle = await startEmbeddedNeo4j({
        port: await freeLoopbackPort(),
        dataDir,
        timeoutMs: options.timeoutMs,
        heap: options.heap,
        env: REPLICA_LAUNCHER_ENV,
        log: options.log,
        onExit,
      });
      if (!handle.startedHere) {
        throw new Neo4jStartupError(
          'The console replica found another Neo4j on its port; it will try again.',
        );
      }
      // The store is a copy: a replica must not outlive this process (kill() signals synchronously).
      const killOnExit = () => void handle.kill();
      process.once('exit', killOnExit);
      const driver = createDriver(handle.uri, 'neo4j', '');
      const server: ReplicaServer = {
        driver,
        database: 'neo4j',
        uri: handle.uri,
        pid: handle.pid,
        kill: () => handle.kill(),
        async close() {
          process.off('exit', killOnExit);
          await handle.kill();
          await driver.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
      try {
        await waitForBolt(driver, 'neo4j', 30_000, 250);
      } catch (error) {
        await server.close();
        throw error;
      }
      return server;
    },
  };
}

/** The operator's console replica: CONSOLE_NEO4J_URI and its credentials and database. */
export interface ExternalReplicaOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/**
 * The operator's replica at CONSOLE_NEO4J_URI: connected to, and refused (with an Error naming the setting)
 * when its database holds anything but plan data, since every sync overwrites it. Never killed.
 */
export function externalReplicaSource(options: ExternalReplicaOptions): ReplicaSource {
  return {
    kind: 'external',
    async start() {
      const driver = createDriver(options.uri, options.username, options.password);
      try {
        await waitForBolt(driver, options.database, 5_000, 250);
        await assertPlanDataOnly({ driver, database: options.database });
      } catch (error) {
        await driver.close();
        throw error;
      }
      return {
        driver,
        database: options.database,
        uri: options.uri,
        pid: null,
        kill: null,
        close: () => driver.close(),
      };
    },
  };
}
