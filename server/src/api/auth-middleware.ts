// Who is asking, and may they write? One model for every write (ledger, accounts, scenes): a session with a role
// (viewer < editor < admin). A session comes from the HTTP-only cookie that POST /api/auth/login sets — and then
// every write must also carry the session's CSRF token in a header (synchronizer token), which a cross-site page
// can neither read nor send — or, for scripts, from the server's EDITOR_TOKEN sent as a bearer token, which
// stands for the built-in editor `script:editor-token` (no CSRF token: browsers never attach it on their own).
import { timingSafeEqual } from 'node:crypto';
import cookieParser from 'cookie-parser';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { AppError } from '../domain/errors.ts';
import type { Role } from '../domain/ledger-types.ts';
import { type AuthService, sameToken } from '../ledger/auth-service.ts';
import type { Actor } from '../ledger/ledger-service.ts';

export const SESSION_COOKIE = 'rge_session';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * The actor the editor token stands for, in the audit trail and on ledger entries. The colon keeps it out of
 * the names an account may have (auth-schemas.ts `usernameSchema`), so no account can pass for it.
 */
export const EDITOR_TOKEN_ACTOR = 'script:editor-token';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** The session a request acts in: an account's (cookie, with its CSRF token) or the editor token's. */
export interface RequestSession {
  username: string;
  role: Role;
  /** The CSRF token writes must carry; null for the editor token, which needs none. */
  csrfToken: string | null;
  via: 'cookie' | 'editor-token';
}

interface AuthLocals {
  session: RequestSession | null;
  /** The cookie's session token (to end it on logout); null without a cookie session. */
  token: string | null;
}

function locals(res: Response): AuthLocals {
  return (res.locals.auth as AuthLocals | undefined) ?? { session: null, token: null };
}

export function currentSession(res: Response): RequestSession | null {
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

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer token, or null without one: other schemes (a proxy's Basic auth) are not ours to judge. */
function bearerOf(req: Request): string | null {
  const header = req.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

export interface SessionSources {
  /** Cookie sessions; null where no accounts are served (then only the editor token opens a session). */
  auth: AuthService | null;
  /** EDITOR_TOKEN (16+ characters), or undefined when the server has none. */
  editorToken: string | undefined;
}

/**
 * Parses cookies and loads the session, if any. A bearer token decides alone: the editor token gives the
 * built-in editor, any other is anonymous (the cookie is not consulted). Without one, the cookie's session
 * counts; an unknown or expired cookie simply means anonymous.
 */
export function loadSession(sources: SessionSources): RequestHandler[] {
  return [
    cookieParser(),
    async (req, res, next) => {
      const bearer = bearerOf(req);
      if (bearer !== null) {
        const valid = sources.editorToken !== undefined && sameSecret(bearer, sources.editorToken);
        const session: RequestSession | null = valid
          ? { username: EDITOR_TOKEN_ACTOR, role: 'editor', csrfToken: null, via: 'editor-token' }
          : null;
        res.locals.auth = { session, token: null } satisfies AuthLocals;
        next();
        return;
      }
      const token: unknown = req.cookies?.[SESSION_COOKIE];
      const stored =
        sources.auth && typeof token === 'string' && token.length > 0 && token.length < 200
          ? await sources.auth.session(token)
          : null;
      res.locals.auth = {
        session: stored && {
          username: stored.username,
          role: stored.role,
          csrfToken: stored.csrfToken,
          via: 'cookie',
        },
        token: stored ? (token as string) : null,
      } satisfies AuthLocals;
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

/**
 * Writes: a session (401 without), for a cookie session its CSRF token in the X-CSRF-Token header (403
 * without), and the role (403 below it).
 */
export function requireWrite(role: Role): RequestHandler {
  return (req, res, next) => {
    const session = currentSession(res);
    if (!session)
      throw new AppError(
        'UNAUTHORIZED',
        'Log in to make changes (POST /api/auth/login), or, for a script, send "Authorization: Bearer <EDITOR_TOKEN>".',
      );
    if (session.csrfToken !== null) {
      const given = req.get(CSRF_HEADER);
      if (!given || !sameToken(session.csrfToken, given))
        throw new AppError(
          'FORBIDDEN',
          'The request lacks a valid CSRF token: send the token from GET /api/auth/session in the X-CSRF-Token header.',
        );
    }
    if (RANK[session.role] < RANK[role]) throw new AppError('FORBIDDEN', `This needs the ${role} role.`);
    next();
  };
}
