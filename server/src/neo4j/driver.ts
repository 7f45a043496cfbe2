// Gives the rest of the code a connected driver: an external Neo4j when NEO4J_URI is set, otherwise the
// embedded one (built and started on demand, stopped on exit if we started it).
import neo4j, { type Driver } from 'neo4j-driver';
import type { EnvConfig } from '../config/env.ts';
import type { ConsoleDatabase } from './console-database.ts';
import { type EmbeddedHandle, Neo4jStartupError, startEmbeddedNeo4j } from './embedded.ts';

export interface Neo4jConnection {
  driver: Driver;
  database: string;
  uri: string;
  embedded: EmbeddedHandle | null;
  /** Where the Cypher console runs (console-setup.ts); without it, the main database behind the plan guard. */
  console?: ConsoleDatabase;
  /** Closes the driver and stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * Sized so that every route answers 503 within 3 s of Neo4j going away (docs/security.md): a refused or dropped
 * connection fails at once, an unreachable host after `connectionTimeout`, a pool held by dead connections after
 * `connectionAcquisitionTimeout`; and managed transactions (executeQuery, executeRead/Write) retry a transient
 * error once (the first retry waits 0.8–1.2 s, past `maxTransactionRetryTime`) instead of for 30 s.
 */
export const OUTAGE_TIMEOUTS = {
  connectionTimeout: 2_000,
  connectionAcquisitionTimeout: 2_500,
  maxTransactionRetryTime: 750,
} as const;

const exactTwins = new WeakMap<Driver, () => Driver>();

export function createDriver(uri: string, username: string, password: string): Driver {
  const auth = neo4j.auth.basic(username, password);
  const config = {
    ...OUTAGE_TIMEOUTS,
    maxConnectionPoolSize: 50,
    userAgent: 'reform-graph-explorer',
  };
  // Integers come back as JS numbers: our counts and offsets are far below 2^53.
  const driver = neo4j.driver(uri, auth, { ...config, disableLosslessIntegers: true });
  let twin: Driver | null = null;
  exactTwins.set(driver, () => {
    twin ??= neo4j.driver(uri, auth, { ...config, useBigInt: true, maxConnectionPoolSize: 20 });
    return twin;
  });
  const close = driver.close.bind(driver);
  driver.close = async () => {
    await Promise.all([close(), twin?.close()]);
  };
  return driver;
}

/**
 * The same server through a driver that returns every integer as a `bigint`, for answers that must show
 * arbitrary values exactly (the Cypher console): opened on first use, closed with `driver`. A driver not made
 * by createDriver is returned as it is.
 */
export function exactValuesDriver(driver: Driver): Driver {
  return exactTwins.get(driver)?.() ?? driver;
}

/**
 * Waits until `database` answers `RETURN 1`, retrying every `pollMs`; throws the last driver error after
 * `timeoutMs` (milliseconds).
 */
export async function waitForBolt(
  driver: Driver,
  database: string,
  timeoutMs: number,
  pollMs = 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.executeQuery('RETURN 1', {}, { database });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

export type Neo4jSettings = Pick<
  EnvConfig,
  | 'NEO4J_URI'
  | 'NEO4J_USERNAME'
  | 'NEO4J_PASSWORD'
  | 'NEO4J_DATABASE'
  | 'NEO4J_EMBEDDED_PORT'
  | 'NEO4J_DATA_DIR'
  | 'NEO4J_START_TIMEOUT_MS'
  | 'NEO4J_HEAP'
>;

export async function ensureNeo4j(
  settings: Neo4jSettings,
  log: (line: string) => void = () => {},
): Promise<Neo4jConnection> {
  const embedded = settings.NEO4J_URI
    ? null
    : await startEmbeddedNeo4j({
        port: settings.NEO4J_EMBEDDED_PORT,
        dataDir: settings.NEO4J_DATA_DIR,
        timeoutMs: settings.NEO4J_START_TIMEOUT_MS,
        heap: settings.NEO4J_HEAP,
        log,
      });
  const uri = settings.NEO4J_URI ?? embedded?.uri ?? '';
  const driver = createDriver(uri, settings.NEO4J_USERNAME, settings.NEO4J_PASSWORD);
  try {
    await waitForBolt(driver, settings.NEO4J_DATABASE, embedded ? 30_000 : 15_000);
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Neo4jStartupError(
      `Could not connect to Neo4j at ${uri} (${reason}): check NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and that the server is running.`,
    );
  }
  return {
    driver,
    database: settings.NEO4J_DATABASE,
    uri,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
