// A deadline the HTTP answer keeps even when Neo4j does not. The transaction's own time-out marks a query
// terminated on the server, but Neo4j notices termination only between rows: one expression that computes for
// minutes (a `reduce` over a long range) holds its worker, and its answer, until it is done. So the caller gets
// QUERY_TIMEOUT at time-out + grace whatever Neo4j does, and the transaction, found by the metadata it was
// tagged with, is terminated explicitly as well.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { AppError } from '../domain/errors.ts';

/** How long past a query's time-out the answer waits for Neo4j's own time-out error before giving up. */
export const DEADLINE_GRACE_MS = 1_000;

const FIND_TAGGED = `SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.deadlineTag = $tag RETURN transactionId`;

/** Terminates the transactions tagged `tag` (metadata `deadlineTag`); failures are ignored (best effort). */
async function terminateTagged(driver: Driver, database: string, tag: string): Promise<void> {
  try {
    const { records } = await driver.executeQuery(FIND_TAGGED, { tag }, { database });
    const ids = records.map((record) => String(record.get('transactionId')));
    if (ids.length > 0) await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, { database });
  } catch {
    // The time-out already marked the transaction terminated; this is the second try, not the only one.
  }
}

/**
 * Runs `work(metadata)` — which must start its transaction with `metadata` — and rejects with QUERY_TIMEOUT
 * (504) when it has not settled `timeoutMs + DEADLINE_GRACE_MS` after the start; then terminates the tagged
 * transaction and tells `onOverrun(tag)` (the console's replica kills its process if the query goes on). A late
 * result or error of `work` is dropped.
 */
export async function withDeadline<T>(
  driver: Driver,
  database: string,
  timeoutMs: number,
  work: (metadata: Record<string, string>) => Promise<T>,
  onOverrun: (tag: string) => void = () => {},
): Promise<T> {
  const tag = randomUUID();
  const running = work({ deadlineTag: tag });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      running.catch(() => {});
      void terminateTagged(driver, database, tag);
      onOverrun(tag);
      reject(
        new AppError(
          'QUERY_TIMEOUT',
          `The query ran longer than its time limit (${Math.round(timeoutMs / 1000)} s) and was stopped.`,
        ),
      );
    }, timeoutMs + DEADLINE_GRACE_MS);
  });
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
