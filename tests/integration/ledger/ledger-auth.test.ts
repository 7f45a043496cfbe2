// Who may write: anonymous writes get 401, writes without the session's CSRF token 403, viewers 403; failed
// logins are throttled; the session cookie is HTTP-only and same-site strict.
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryUrl, freshLedger, ledgerApp, login, PASSWORD, PLAN, storedEntries, taskId } from './_ledger.ts';

const TASK = taskId('4.1');
const ENTRY = { baseVersion: 0, status: 'in-progress' };

describe('writes without the right credentials', () => {
  let app: Express;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor', guest: 'viewer', root: 'admin' });
    app = ledgerApp();
  });

  it('lets anyone read the ledger without logging in', async () => {
    const res = await request(app).get('/api/ledger').query({ plan: PLAN }).expect(200);
    expect(res.body.rows).toHaveLength(39);
  });

  it('refuses an anonymous write with 401 and stores nothing', async () => {
    const res = await request(app).post(entryUrl(TASK)).send(ENTRY);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(await storedEntries()).toEqual([]);
  });

  it("refuses an editor's write without the CSRF token with 403, and with another session's token too", async () => {
    const mei = await login(app, 'mei');
    const root = await login(app, 'root');
    const missing = await mei.agent.post(entryUrl(TASK)).send(ENTRY);
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('FORBIDDEN');
    const foreign = await mei.agent.post(entryUrl(TASK)).set('X-CSRF-Token', root.csrf).send(ENTRY);
    expect(foreign.status).toBe(403);
    expect(await storedEntries()).toEqual([]);
    await mei.agent.post(entryUrl(TASK)).set('X-CSRF-Token', mei.csrf).send(ENTRY).expect(201);
  });

  it('refuses writes from a viewer account, and admin routes to an editor', async () => {
    const guest = await login(app, 'guest');
    await guest.agent
      .post(entryUrl(taskId('4.2')))
      .set('X-CSRF-Token', guest.csrf)
      .send(ENTRY)
      .expect(403);
    const mei = await login(app, 'mei');
    await mei.agent
      .post('/api/admin/users')
      .set('X-CSRF-Token', mei.csrf)
      .send({ username: 'x1', role: 'admin', password: 'long enough password' })
      .expect(403);
  });

  it('refuses a write with a cookie that is not a live session', async () => {
    const res = await request(app)
      .post(entryUrl(TASK))
      .set('Cookie', 'rge_session=forged-token-value')
      .set('X-CSRF-Token', 'whatever')
      .send({ ...ENTRY, baseVersion: 1 });
    expect(res.status).toBe(401);
  });

  it('ends the session at logout, after which its cookie writes nothing', async () => {
    const res = await request(app)
      .post('/api/auth/login')
      .send({ username: 'mei', password: PASSWORD })
      .expect(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    const csrf: string = res.body.csrfToken;
    const live = await request(app).get('/api/auth/session').set('Cookie', cookie).expect(200);
    expect(live.body.user).toEqual({ username: 'mei', role: 'editor' });

    await request(app).post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
    const after = await request(app).get('/api/auth/session').set('Cookie', cookie).expect(200);
    expect(after.body).toEqual({ user: null, csrfToken: null });
    const replay = await request(app)
      .post(entryUrl(TASK))
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ ...ENTRY, baseVersion: 1 });
    expect(replay.status).toBe(401);
  });

  it('ends the sessions of an account an admin disables', async () => {
    const guest = await login(app, 'guest');
    const root = await login(app, 'root');
    await root.agent
      .patch('/api/admin/users/guest')
      .set('X-CSRF-Token', root.csrf)
      .send({ disabled: true })
      .expect(200);
    const session = await guest.agent.get('/api/auth/session').expect(200);
    expect(session.body.user).toBeNull();
    await request(app).post('/api/auth/login').send({ username: 'guest', password: PASSWORD }).expect(401);
  });
});

describe('the session cookie', () => {
  let app: Express;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor' });
    app = ledgerApp();
  });

  it('is HTTP-only, same-site strict, scoped to the API, and not readable by the login response body', async () => {
    const res = await request(app)
      .post('/api/auth/login')
      .send({ username: 'mei', password: PASSWORD })
      .expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^rge_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api');
    expect(JSON.stringify(res.body)).not.toContain(cookie.split(';')[0]?.split('=')[1]);
    expect(res.body.user).toEqual({ username: 'mei', role: 'editor' });
    expect(res.body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('is marked Secure when the request did not come over plain HTTP on loopback', async () => {
    // Behind a TLS-terminating proxy on loopback (trusted by app.ts), the request counts as HTTPS.
    const res = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'mei', password: PASSWORD })
      .expect(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
    const plain = await request(app)
      .post('/api/auth/login')
      .send({ username: 'mei', password: PASSWORD })
      .expect(200);
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
  });
});

describe('failed logins', () => {
  let app: Express;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor' });
    app = ledgerApp();
  });

  it('refuses the eleventh failed login within a minute with 429, even with the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await request(app)
        .post('/api/auth/login')
        .send({ username: 'mei', password: `wrong ${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const eleventh = await request(app)
      .post('/api/auth/login')
      .send({ username: 'mei', password: 'wrong again' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.code).toBe('RATE_LIMITED');
    const right = await request(app).post('/api/auth/login').send({ username: 'mei', password: PASSWORD });
    expect(right.status).toBe(429);
  });

  it('answers a wrong username and a wrong password with the same message', async () => {
    const fresh = ledgerApp();
    const unknown = await request(fresh).post('/api/auth/login').send({ username: 'nobody', password: 'x' });
    const wrong = await request(fresh).post('/api/auth/login').send({ username: 'mei', password: 'x' });
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('does not count successful logins toward the limit', async () => {
    const fresh = ledgerApp();
    for (let i = 0; i < 12; i += 1)
      await request(fresh).post('/api/auth/login').send({ username: 'mei', password: PASSWORD }).expect(200);
  });
});
