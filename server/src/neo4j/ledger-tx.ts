// Transactions for the ledger, accounts and audit trail: writes in WRITE sessions (routed to the leader in a
// cluster), reads in READ sessions, driver failures translated to the app's error codes in one place.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { translateNeo4jError } from './errors.ts';

export interface LedgerDb {
  driver: Driver;
  database: string;
}

const TIMEOUT_MS = 30_000;

export async function ledgerWrite<T>(db: LedgerDb, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work, { timeout: TIMEOUT_MS });
  } catch (error) {
    throw translateNeo4jError(error);
  } finally {
    await session.close();
  }
}

export async function ledgerRead<T>(db: LedgerDb, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: TIMEOUT_MS });
  } catch (error) {
    throw translateNeo4jError(error);
  } finally {
    await session.close();
  }
}

/** Whole numbers must travel as Neo4j integers, or the driver stores them as floats. */
export function int(value: number) {
  return neo4j.int(value);
}

/** Reads a number whatever the driver's integer setting (the app's driver returns plain numbers). */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (neo4j.isInt(value)) return value.toNumber();
  return Number(value ?? 0);
}
