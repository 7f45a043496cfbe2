// Errors the services raise, by a closed set of codes (the one list: the HTTP layer maps each to a status and
// the OpenAPI schema of the error body is derived from it); one HTTP middleware maps them to status codes.

/** Every code an API error body may carry (`{"error":{"code","message","details"}}`). */
export const ApiErrorCode = {
  INVALID_REQUEST: 'INVALID_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** An uploaded document that holds no readable plan (empty, binary, not a Word file …): 422. */
  UNREADABLE_DOCUMENT: 'UNREADABLE_DOCUMENT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_REFUSED: 'QUERY_REFUSED',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  DB_UNAVAILABLE: 'DB_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];
export const API_ERROR_CODES: readonly ApiErrorCode[] = Object.values(ApiErrorCode);

/**
 * One problem with a request, as every `INVALID_REQUEST` raised by request validation lists them in `details`:
 * `path` starts with the part of the request (`params`, `query`, `body`) followed by the field's path.
 */
export interface RequestIssue {
  path: string[];
  code: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** `retryAfterSeconds`: sent as Retry-After, for an answer that will change by itself (503 while starting). */
    readonly options: { cause?: unknown; details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
  }
  get details(): unknown {
    return this.options.details;
  }
}
