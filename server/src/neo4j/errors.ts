// Translates driver failures into the app's error codes by the driver's error code, never by message text.
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { AppError } from '../domain/errors.ts';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** A query that needed more than db.memory.transaction.max: transient by Neo4j's code, but retrying cannot help. */
export const MEMORY_LIMIT_CODE = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

/** Worth retrying at once: the driver says so and it is not a query over its memory limit. */
export function isRetryableNow(error: unknown): boolean {
  return isRetryableError(error) && !(error instanceof Neo4jError && error.code === MEMORY_LIMIT_CODE);
}

export function isNeo4jUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    (isRetryableNow(error) && error.code.startsWith('Neo.TransientError.General'))
  );
}

export function translateNeo4jError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isNeo4jUnavailable(error)) {
    return new AppError(
      'DB_UNAVAILABLE',
      'The graph database is not reachable right now; retry in a moment.',
      {
        cause: error,
      },
    );
  }
  if (
    error instanceof Neo4jError &&
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new AppError('QUERY_TIMEOUT', 'The query ran longer than its time limit and was stopped.', {
      cause: error,
    });
  }
  return error;
}
