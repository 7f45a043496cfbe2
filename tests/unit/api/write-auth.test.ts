// One write-authorisation model: every write needs a session with a role (viewer < editor < admin), from the
// login cookie (plus its CSRF token) or from the editor token sent as a bearer by a script; scenes alone are
// open on a loopback-only server. Accounts come from a fake store: this is the HTTP guard, not the database.
import express, { type RequestHandler } from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  actorOf,
  EDITOR_TOKEN_ACTOR,
  loadSession,
  requireWrite,
  SESSION_COOKIE,
} from '../../../server/src/api/auth-middleware.ts';
import { errorHandler } from '../../../server/src/api/error-middleware.ts';
import { sceneWriteGuard } from '../../../server/src/api/scene-routes.ts';
import type { Role } from '../../../server/src/domain/ledger-types.ts';
import { AuthService, tokenHash } from '../../../server/src/ledger/auth-service.ts';
import type { AccountStore, AuditStore, StoredSession } from '../../../server/src/ledger/stores.ts';

const TOKEN = 'a-long-editor-token-0123456789';
const CSRF = 'csrf-of-the-cookie-session';

/** Sessions by cookie token: `<role>-cookie` is a live session of an account with that role. */
function fakeAuth(): AuthService {
  const sessions = new Map<string, StoredSession>(
    (['viewer', 'editor', 'admin'] as Role[]).map((role) => [
      tokenHash(`${role}-cookie`),
      { username: `${role}-user`, role, csrfToken: CSRF, expiresAt: '2999-01-01T00:00:00Z' },
    ]),
  );
  const unused = () => Promise.reject(new Error('not used by the guard'));
  const accounts: AccountStore = {
    findAccount: unused,
    listAccounts: unused,
    findSession: async (hash) => sessions.get(hash) ?? null,
    write: unused,
  };
  const audit: AuditStore = { list: unused, record: unused };
  return new AuthService({ accounts, audit });
}

function app(guard: RequestHandler[], editorToken: string | undefined = TOKEN) {
  const server = express();
  server.use(loadSession({ auth: fakeAuth(), editorToken }));
  server.post('/api/write', ...guard, (req, res) => {
    res.status(201).json({ actor: res.locals.auth?.session ? actorOf(req, res).username : null });
  });
  server.use(errorHandler(pino({ level: 'silent' })));
  return server;
}

const cookie = (role: Role) => `${SESSION_COOKIE}=${role}-cookie`;

describe('the editor token is a session for scripts', () => {
  it('acts as the built-in editor, with no CSRF token needed', async () => {
    const res = await request(app([requireWrite('editor')]))
      .post('/api/write')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(201);
    expect(res.body.actor).toBe(EDITOR_TOKEN_ACTOR);
  });

  it('is an editor, not an admin', async () => {
    const res = await request(app([requireWrite('admin')]))
      .post('/api/write')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(403);
    expect(res.body.error.message).toContain('admin');
  });

  it('refuses a wrong token with a 401 that says how to authorise, even beside a live cookie', async () => {
    const res = await request(app([requireWrite('editor')]))
      .post('/api/write')
      .set('Authorization', `Bearer ${TOKEN}x`)
      .set('Cookie', cookie('editor'))
      .set('X-CSRF-Token', CSRF)
      .expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.body.error.message).toContain('Authorization: Bearer');
  });

  it('opens nothing on a server without EDITOR_TOKEN, not even an empty bearer', async () => {
    await request(app([requireWrite('editor')], undefined))
      .post('/api/write')
      .set('Authorization', 'Bearer ')
      .expect(401);
  });
});

describe('a login session writes with its CSRF token and its role', () => {
  it("is not disturbed by another scheme's Authorization header (a proxy's Basic auth)", async () => {
    const res = await request(app([requireWrite('editor')]))
      .post('/api/write')
      .set('Authorization', 'Basic dXNlcjpwYXNz')
      .set('Cookie', cookie('editor'))
      .set('X-CSRF-Token', CSRF)
      .expect(201);
    expect(res.body.actor).toBe('editor-user');
  });

  it('accepts an editor with the CSRF token and names the account as the actor', async () => {
    const res = await request(app([requireWrite('editor')]))
      .post('/api/write')
      .set('Cookie', cookie('editor'))
      .set('X-CSRF-Token', CSRF)
      .expect(201);
    expect(res.body.actor).toBe('editor-user');
  });

  it('refuses the same session without the CSRF token (403), and a viewer (403)', async () => {
    await request(app([requireWrite('editor')]))
      .post('/api/write')
      .set('Cookie', cookie('editor'))
      .expect(403);
    await request(app([requireWrite('editor')]))
      .post('/api/write')
      .set('Cookie', cookie('viewer'))
      .set('X-CSRF-Token', CSRF)
      .expect(403);
  });
});

describe('scene writes use the same guard', () => {
  it.each(['127.0.0.1', '::1', 'localhost'])('are open on a server listening on %s only', async (host) => {
    await request(app(sceneWriteGuard(host)))
      .post('/api/write')
      .expect(201);
  });

  it.each(['0.0.0.0', '192.168.1.10'])(
    'need an editor session beyond loopback (%s): login or token',
    async (host) => {
      await request(app(sceneWriteGuard(host)))
        .post('/api/write')
        .expect(401);
      await request(app(sceneWriteGuard(host)))
        .post('/api/write')
        .set('Cookie', cookie('viewer'))
        .set('X-CSRF-Token', CSRF)
        .expect(403);
      await request(app(sceneWriteGuard(host)))
        .post('/api/write')
        .set('Cookie', cookie('editor'))
        .set('X-CSRF-Token', CSRF)
        .expect(201);
      await request(app(sceneWriteGuard(host)))
        .post('/api/write')
        .set('Authorization', `Bearer ${TOKEN}`)
        .expect(201);
    },
  );
});
