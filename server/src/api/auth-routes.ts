// /api/auth: log in (rate-limited), log out, and read the current session with its CSRF token.
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../domain/errors.ts';
import type { SessionResponse } from '../domain/ledger-types.ts';
import { type AuthService, SESSION_TTL_MS } from '../ledger/auth-service.ts';
import {
  actorOf,
  currentSession,
  requireWrite,
  SESSION_COOKIE,
  sessionCookieOptions,
  sessionToken,
} from './auth-middleware.ts';
import {
  forbidden,
  loginBody,
  sessionResponse,
  unauthorized,
  WRITE_NOTE,
  WRITE_SECURITY,
} from './auth-schemas.ts';
import type { RouteMount } from './context.ts';
import { sendError } from './error-middleware.ts';
import { errorResponse } from './error-schemas.ts';
import { type LoginThrottle, loginThrottle } from './login-throttle.ts';
import { defineRoute } from './route.ts';
import { jsonResponse } from './schemas.ts';

/** Ten failed logins per address per minute; the eleventh is refused before the password is even checked. */
export const LOGIN_LIMIT = { windowMs: 60_000, failures: 10 };

const tags = ['auth'];

/** `accounts` throttles guesses per account (see login-throttle.ts), whatever address they come from. */
export function authRoutes(auth: AuthService, accounts: LoginThrottle = loginThrottle()) {
  const loginLimiter = rateLimit({
    windowMs: LOGIN_LIMIT.windowMs,
    limit: LOGIN_LIMIT.failures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendError(
        res,
        'RATE_LIMITED',
        'Too many failed logins from this address; wait a minute and try again.',
      ),
  });

  return ({ router, registry }: RouteMount): void => {
    defineRoute(router, registry, {
      method: 'post',
      path: '/auth/login',
      summary: 'Log in: sets the HTTP-only session cookie and returns the CSRF token',
      description:
        'Ten failed logins per address per minute; the eleventh gets 429. Repeated failures for one account make it wait (Retry-After).',
      tags,
      before: [loginLimiter],
      request: { body: loginBody },
      responses: {
        ...jsonResponse('Logged in', sessionResponse),
        401: errorResponse('Wrong username or password'),
        429: errorResponse('Too many failed logins'),
      },
      handler: async ({ body }, req, res) => {
        const backOff = accounts.attempt(body.username);
        if (backOff) {
          const seconds = Math.ceil(backOff.waitMs / 1000);
          res.set('Retry-After', String(seconds));
          sendError(
            res,
            'RATE_LIMITED',
            `Too many failed logins for this account; wait ${seconds} s and try again.`,
          );
          return;
        }
        const result = await auth.login(body.username, body.password, req.ip ?? null);
        if (!result) throw new AppError('UNAUTHORIZED', 'Wrong username or password.');
        accounts.succeeded(body.username);
        res.cookie(SESSION_COOKIE, result.token, sessionCookieOptions(req, SESSION_TTL_MS));
        const payload: SessionResponse = { user: result.user, csrfToken: result.csrfToken };
        res.json(payload);
      },
    });

    defineRoute(router, registry, {
      method: 'post',
      path: '/auth/logout',
      summary: 'Log out (ends the session)',
      description: WRITE_NOTE,
      tags,
      security: WRITE_SECURITY,
      before: [requireWrite('viewer')],
      request: {},
      responses: { 204: { description: 'Logged out' }, ...unauthorized, ...forbidden },
      handler: async (_input, req, res) => {
        const token = sessionToken(res);
        if (token) await auth.logout(token, actorOf(req, res));
        res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req, 0), maxAge: undefined });
        res.status(204).end();
      },
    });

    defineRoute(router, registry, {
      method: 'get',
      path: '/auth/session',
      summary:
        'The session this request acts in and the CSRF token to send with writes (nulls when anonymous; no CSRF token for the editor token)',
      tags,
      request: {},
      responses: jsonResponse('Session', sessionResponse),
      handler: async (_input, _req, res) => {
        const session = currentSession(res);
        res.set('Cache-Control', 'no-store');
        const payload: SessionResponse = session
          ? { user: { username: session.username, role: session.role }, csrfToken: session.csrfToken }
          : { user: null, csrfToken: null };
        res.json(payload);
      },
    });
  };
}
