// Per-client rate limits for the expensive routes, answered in the API's JSON error shape.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { sendError } from './error-middleware.ts';

export interface RateLimits {
  searchPerMinute: number;
  cypherPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { searchPerMinute: 300, cypherPerMinute: 30 };

export function limiter(perMinute: number, what: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      sendError(
        res,
        'RATE_LIMITED',
        `Too many ${what} requests: at most ${perMinute} a minute; retry shortly.`,
      );
    },
  });
}
