// Errors the services raise, by a closed set of codes; one HTTP middleware maps them to status codes.
import type { ApiErrorCode } from './types.ts';

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
