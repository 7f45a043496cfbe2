// The one place where errors become HTTP responses: codes map to statuses; driver text never leaks.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors.ts';
import { assertNever } from '../domain/model.ts';
import type { ApiErrorBody, ApiErrorCode } from '../domain/types.ts';
import { translateNeo4jError } from '../neo4j/errors.ts';

export function statusFor(code: ApiErrorCode): number {
  switch (code) {
    case 'INVALID_REQUEST':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'QUERY_REFUSED':
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNREADABLE_DOCUMENT':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'DB_UNAVAILABLE':
      return 503;
    case 'QUERY_TIMEOUT':
      return 504;
    default:
      return assertNever(code, 'error code');
  }
}

export function sendError(
  res: Parameters<RequestHandler>[1],
  code: ApiErrorCode,
  message: string,
  details?: unknown,
) {
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  res.status(statusFor(code)).json(body);
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, 'NOT_FOUND', `No API route ${req.method} ${req.path}`);
};

/** Body-parser and other http-errors carry `status`/`type`; everything else unknown is a 500. */
function httpErrorCode(error: unknown): ApiErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (type === 'entity.too.large' || status === 413) return 'PAYLOAD_TOO_LARGE';
  // A file the static sender did not find (or would not send) is missing, not a malformed request.
  if (status === 404) return 'NOT_FOUND';
  if (typeof status === 'number' && status >= 400 && status < 500) return 'INVALID_REQUEST';
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (raw: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    // A driver failure no store translated (say, a schema check on a first request) is still an outage: 503.
    const error = translateNeo4jError(raw);
    if (error instanceof AppError) {
      if (error.code === 'DB_UNAVAILABLE' || error.code === 'INTERNAL')
        logger.warn({ err: error.cause ?? error }, error.message);
      if (error.options.retryAfterSeconds !== undefined)
        res.set('Retry-After', String(error.options.retryAfterSeconds));
      sendError(res, error.code, error.message, error.details);
      return;
    }
    const code = httpErrorCode(error);
    if (code) {
      sendError(
        res,
        code,
        code === 'PAYLOAD_TOO_LARGE'
          ? 'The request body is too large.'
          : code === 'NOT_FOUND'
            ? 'Nothing is served at this path.'
            : 'The request is malformed.',
      );
      return;
    }
    logger.error({ err: error }, 'unhandled error');
    sendError(res, 'INTERNAL', 'Something went wrong on the server; it has been logged.');
  };
}
