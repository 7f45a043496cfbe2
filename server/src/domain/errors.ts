// Errors the services raise, by a closed set of codes; one HTTP middleware maps them to status codes.
import type { ApiErrorCode } from './types.ts';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly options: { cause?: unknown; details?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }
  get details(): unknown {
    return this.options.details;
  }
}
