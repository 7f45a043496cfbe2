// Every API read runs here: a READ session (so a cluster routes it to a reader and the server refuses writes)
// with a transaction time-out, and driver failures translated to the app's error codes in one place.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { translateNeo4jError } from './errors.ts';

export const DEFAULT_READ_TIMEOUT_MS = 10_000;

export async function readTransaction<T>(
  driver: Driver,
  database: string,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs = DEFAULT_READ_TIMEOUT_MS,
): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: timeoutMs });
  } catch (error) {
    throw translateNeo4jError(error);
  } finally {
    await session.close();
  }
}
