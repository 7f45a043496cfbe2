// /api/auth: log in (rate-limited), log out, and read the current session with its CSRF token.
import { type Request, type Response, Router } from 'express';
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
import { loginBody } from './auth-schemas.ts';
import { sendError } from './error-middleware.ts';
import { parseInput } from './ledger-validation.ts';
import { type LoginThrottle, loginThrottle } from './login-throttle.ts';

/** Ten failed logins per address per minute; the eleventh is refused before the password is even checked. */
export const LOGIN_LIMIT = { windowMs: 60_000, failures: 10 };

/** `accounts` throttles guesses per account (see login-throttle.ts), whatever address they come from. */
export function authRoutes(auth: AuthService, accounts: LoginThrottle = loginThrottle()): Router {
  const router = Router();
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

  router.post('/auth/login', loginLimiter, async (req: Request, res: Response) => {
    const body = parseInput(loginBody, req.body, 'login');
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
  });

  router.post('/auth/logout', requireWrite('viewer'), async (req: Request, res: Response) => {
    const token = sessionToken(res);
    if (token) await auth.logout(token, actorOf(req, res));
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req, 0), maxAge: undefined });
    res.status(204).end();
  });

  router.get('/auth/session', (_req: Request, res: Response) => {
    const session = currentSession(res);
    res.set('Cache-Control', 'no-store');
    const payload: SessionResponse = session
      ? { user: { username: session.username, role: session.role }, csrfToken: session.csrfToken }
      : { user: null, csrfToken: null };
    res.json(payload);
  });

  return router;
}
