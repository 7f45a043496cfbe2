// Chooses where the Cypher console runs from the configuration, once at start-up: an embedded replica beside
// an embedded main database (started on the console's first request, so a server whose console is never used
// runs one JVM), the operator's CONSOLE_NEO4J_URI beside an external one, otherwise the main database.
import type { EnvConfig } from '../config/env.ts';
import { type ConsoleDatabase, mainConsoleDatabase, replicaConsoleDatabase } from './console-database.ts';
import { embeddedReplicaSource, externalReplicaSource } from './console-replica-sources.ts';
import type { Neo4jConnection } from './driver.ts';

export type ConsoleSettings = Pick<
  EnvConfig,
  | 'NEO4J_URI'
  | 'NEO4J_DATA_DIR'
  | 'NEO4J_START_TIMEOUT_MS'
  | 'CONSOLE_DATABASE'
  | 'CONSOLE_NEO4J_URI'
  | 'CONSOLE_NEO4J_USERNAME'
  | 'CONSOLE_NEO4J_PASSWORD'
  | 'CONSOLE_NEO4J_DATABASE'
  | 'CONSOLE_NEO4J_HEAP'
>;

/**
 * The console database the settings ask for, over the main database of `connection`: a replica (embedded, in
 * `<NEO4J_DATA_DIR>-console`, or external at CONSOLE_NEO4J_URI) or, with an external main server and no
 * CONSOLE_NEO4J_URI, or CONSOLE_DATABASE=main, the main database. Starts nothing yet.
 */
export function consoleDatabaseFor(
  settings: ConsoleSettings,
  connection: Pick<Neo4jConnection, 'driver' | 'database'>,
  log: (line: string) => void = () => {},
): ConsoleDatabase {
  const main = { driver: connection.driver, database: connection.database };
  if (settings.CONSOLE_DATABASE === 'main') return mainConsoleDatabase(main);
  if (settings.CONSOLE_NEO4J_URI) {
    const source = externalReplicaSource({
      uri: settings.CONSOLE_NEO4J_URI,
      username: settings.CONSOLE_NEO4J_USERNAME,
      password: settings.CONSOLE_NEO4J_PASSWORD,
      database: settings.CONSOLE_NEO4J_DATABASE,
    });
    return replicaConsoleDatabase(main, source, log);
  }
  if (settings.NEO4J_URI) return mainConsoleDatabase(main);
  const source = embeddedReplicaSource({
    dataDir: `${settings.NEO4J_DATA_DIR.replace(/[\\/]+$/, '')}-console`,
    heap: settings.CONSOLE_NEO4J_HEAP,
    timeoutMs: settings.NEO4J_START_TIMEOUT_MS,
    log,
  });
  return replicaConsoleDatabase(main, source, log);
}

/** `connection` with its console database attached; closing it stops the console's replica first. */
export function withConsoleDatabase(
  connection: Neo4jConnection,
  settings: ConsoleSettings,
  log: (line: string) => void = () => {},
): Neo4jConnection {
  const consoleDb = consoleDatabaseFor(settings, connection, log);
  return {
    ...connection,
    console: consoleDb,
    async close() {
      await consoleDb.close();
      await connection.close();
    },
  };
}
