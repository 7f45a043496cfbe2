// The one place sessions are opened: a READ session for reads (a cluster routes it to a reader and the server
// refuses writes), a WRITE session for writes (routed to the leader), each with a transaction time-out, and
// driver failures translated to the app's error codes once. Reads that fail with an error the driver calls
// retryable get two quick retries rather than the driver's 30-second loop, so an outage turns into a prompt 503
// and the next request finds Neo4j again; writes use the driver's managed retry (bounded in driver.ts).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { isRetryableNow, translateNeo4jError } from './errors.ts';

/** Where a store reads and writes: a driver and the database name. `Neo4jConnection` is one. */
export interface Neo4jDb {
  driver: Driver;
  database: string;
}

export const DEFAULT_READ_TIMEOUT_MS = 10_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;
const RETRY_DELAYS_MS = [100, 400];

/** A transaction as the work sees it: running queries (plan-graph reads wrap it, see exact-read.ts). */
export type RawReadTx = Pick<ManagedTransaction, 'run'>;
/** A write transaction as the work sees it. */
export type WriteTx = Pick<ManagedTransaction, 'run'>;

/**
 * Runs `work` in a READ transaction that times out after `timeoutMs`; errors pass through `translate`
 * (AppError codes by default: DB_UNAVAILABLE, QUERY_TIMEOUT).
 */
export async function readTransaction<T>(
  driver: Driver,
  database: string,
  work: (tx: RawReadTx) => Promise<T>,
  timeoutMs = DEFAULT_READ_TIMEOUT_MS,
  translate: (error: unknown) => unknown = translateNeo4jError,
  metadata: Record<string, string> = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const tx = session.beginTransaction({ timeout: timeoutMs, metadata });
      try {
        const result = await work(tx);
        await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      }
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined && isRetryableNow(error)) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      throw translate(error);
    } finally {
      await session.close();
    }
  }
}

/**
 * Runs `work` in one WRITE transaction: everything it writes commits when it returns, nothing when it throws
 * (its AppError passes through unchanged). The driver may run `work` again after a transient failure, so work
 * must not have effects outside the transaction.
 */
export async function writeTransaction<T>(
  db: Neo4jDb,
  work: (tx: WriteTx) => Promise<T>,
  timeoutMs = DEFAULT_WRITE_TIMEOUT_MS,
): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work, { timeout: timeoutMs });
  } catch (error) {
    throw translateNeo4jError(error);
  } finally {
    await session.close();
  }
}

/** Reads on the ledger's and accounts' default time-out, through `readTransaction`. */
export function readIn<T>(db: Neo4jDb, work: (tx: RawReadTx) => Promise<T>): Promise<T> {
  return readTransaction(db.driver, db.database, work, DEFAULT_WRITE_TIMEOUT_MS);
}
