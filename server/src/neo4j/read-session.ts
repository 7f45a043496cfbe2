// Every API read runs here: a READ session (so a cluster routes it to a reader and the server refuses writes)
// and a transaction time-out. Failures the driver calls retryable get two quick retries rather than the
// driver's 30-second retry loop, so an outage turns into a prompt 503 and the next request finds Neo4j again.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { isRetryableNow, translateNeo4jError } from './errors.ts';

export const DEFAULT_READ_TIMEOUT_MS = 10_000;
const RETRY_DELAYS_MS = [100, 400];

/** A transaction as the work sees it: running queries (plan-graph reads wrap it, see exact-read.ts). */
export type RawReadTx = Pick<ManagedTransaction, 'run'>;

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
