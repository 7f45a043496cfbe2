// Guards routes that change the graph: free on a loopback-only server (the user's own machine), otherwise a
// bearer token equal to EDITOR_TOKEN is required.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendError } from './error-middleware.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireEditor(options: { host: string; token: string | undefined }): RequestHandler {
  return (req, res, next) => {
    if (isLoopbackHost(options.host)) {
      next();
      return;
    }
    if (!options.token) {
      sendError(res, 'UNAUTHORIZED', 'Editing is disabled on this server: set EDITOR_TOKEN to enable it.');
      return;
    }
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameSecret(given, options.token)) {
      sendError(
        res,
        'UNAUTHORIZED',
        'Editing needs the editor token: send "Authorization: Bearer <EDITOR_TOKEN>".',
      );
      return;
    }
    next();
  };
}
