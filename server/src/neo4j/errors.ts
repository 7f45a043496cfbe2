// Translates driver failures into the app's error codes by the driver's error code, never by message text.
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { AppError } from '../domain/errors.ts';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isNeo4jUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    (isRetryableError(error) && error.code.startsWith('Neo.TransientError.General'))
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
