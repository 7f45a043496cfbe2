// Who is asking, and may they write? Sessions come from an HTTP-only cookie; every write must also carry the
// session's CSRF token in a header (synchronizer token), which a cross-site page can neither read nor send.
import cookieParser from 'cookie-parser';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/ledger-types.ts';
import { type AuthService, sameToken } from '../ledger/auth-service.ts';
import type { Actor } from '../ledger/ledger-service.ts';
import type { StoredSession } from '../neo4j/account-store.ts';

export const SESSION_COOKIE = 'rge_session';
export const CSRF_HEADER = 'x-csrf-token';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

interface AuthLocals {
  session: StoredSession | null;
  token: string | null;
}

function locals(res: Response): AuthLocals {
  return (res.locals.auth as AuthLocals | undefined) ?? { session: null, token: null };
}

export function currentSession(res: Response): StoredSession | null {
  return locals(res).session;
}

export function sessionToken(res: Response): string | null {
  return locals(res).token;
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * Secure unless the request came over plain HTTP to a loopback interface (local use, where browsers would
 * drop a Secure cookie): anywhere else the cookie only travels over HTTPS.
 */
export function sessionCookieOptions(req: Request, maxAgeMs: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure || !isLoopback(req.socket.localAddress),
    path: '/api',
    maxAge: maxAgeMs,
  };
}

/** Parses cookies and loads the session, if any; an unknown or expired cookie simply means anonymous. */
export function loadSession(auth: AuthService): RequestHandler[] {
  return [
    cookieParser(),
    async (req, res, next) => {
      const token: unknown = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string' && token.length > 0 && token.length < 200) {
        res.locals.auth = { session: await auth.session(token), token } satisfies AuthLocals;
      } else {
        res.locals.auth = { session: null, token: null } satisfies AuthLocals;
      }
      next();
    },
  ];
}

export function actorOf(req: Request, res: Response): Actor {
  const session = currentSession(res);
  if (!session) throw new AppError('UNAUTHORIZED', 'Log in first.');
  return { username: session.username, ip: req.ip ?? null };
}

/** Reads that need an account (the audit trail): a session with at least `role`. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const session = currentSession(res);
    if (!session) throw new AppError('UNAUTHORIZED', 'Log in to see this.');
    if (RANK[session.role] < RANK[role]) throw new AppError('FORBIDDEN', `This needs the ${role} role.`);
    next();
  };
}

/** Writes: a session (401 without), its CSRF token in the X-CSRF-Token header (403 without), and the role. */
export function requireWrite(role: Role): RequestHandler {
  return (req, res, next) => {
    const session = currentSession(res);
    if (!session) throw new AppError('UNAUTHORIZED', 'Log in to make changes.');
    const given = req.get(CSRF_HEADER);
    if (!given || !sameToken(session.csrfToken, given))
      throw new AppError(
        'FORBIDDEN',
        'The request lacks a valid CSRF token: send the token from GET /api/auth/session in the X-CSRF-Token header.',
      );
    if (RANK[session.role] < RANK[role]) throw new AppError('FORBIDDEN', `This needs the ${role} role.`);
    next();
  };
}
