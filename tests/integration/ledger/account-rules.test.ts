// Account rules a user would notice: names are one account whatever their case or width, there is always an
// admin left, and guesses at one account are throttled however many addresses they come from.
import type { Express } from 'express';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthService } from '../../../server/src/ledger/auth-service.ts';
import { hashPassword } from '../../../server/src/ledger/password.ts';
import { ensureLedgerSchema } from '../../../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../../../server/src/neo4j/ledger-stores.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { freshLedger, ledgerApp, login, PASSWORD } from './_ledger.ts';

async function users(app: Express, admin: string): Promise<Array<{ username: string; role: string }>> {
  const session = await login(app, admin);
  return (await session.agent.get('/api/admin/users').expect(200)).body.users;
}

describe('account names', () => {
  let app: Express;
  beforeEach(async () => {
    await freshLedger({ root: 'admin', ed1: 'editor' });
    app = ledgerApp();
  });

  it('refuses ED1 (and full-width ｅｄ１) beside ed1, and keeps the case a name was created with', async () => {
    const admin = await login(app, 'root');
    for (const username of ['ED1', 'Ed1', 'ｅｄ１']) {
      const res = await admin.agent
        .post('/api/admin/users')
        .set('X-CSRF-Token', admin.csrf)
        .send({ username, role: 'viewer', password: PASSWORD });
      expect(res.status, username).toBe(409);
      expect(res.body.error.message).toContain('already exists');
    }
    const upper = await admin.agent
      .post('/api/admin/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ username: 'ED1', role: 'viewer', password: PASSWORD });
    expect(upper.body.error.message).toBe(
      'An account named ED1 already exists as ed1 (names are compared ignoring case and width).',
    );
    await admin.agent
      .post('/api/admin/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ username: 'Mei.Li', role: 'viewer', password: PASSWORD })
      .expect(201);
    const names = (await users(app, 'root')).map((u) => u.username);
    expect(names.sort()).toEqual(['Mei.Li', 'ed1', 'root']);
    // One account, whichever way the name is typed at login.
    const session = await login(app, 'MEI.LI');
    expect((await session.agent.get('/api/auth/session').expect(200)).body.user.username).toBe('Mei.Li');
  });
});

describe('accounts stored before names had keys', () => {
  it('get their key, so they log in under any case, and a clashing pair is reported, not merged', async () => {
    await freshLedger({});
    const passwordHash = await hashPassword(PASSWORD);
    await testDriver().executeQuery(
      `UNWIND ['Old.Admin', 'Twin', 'TWIN'] AS name
       CREATE (:Account {username: name, role: 'admin', passwordHash: $passwordHash, disabled: false,
                         createdAt: '2026-01-01T00:00:00Z'})`,
      { passwordHash },
      { database: testDatabase() },
    );
    const clashing = await ensureLedgerSchema(testDriver(), testDatabase());
    expect(clashing).toHaveLength(1);
    expect(['Twin', 'TWIN']).toContain(clashing[0]);
    const app = ledgerApp();
    await login(app, 'old.admin');
    // Both of the pair still log in by their exact spelling.
    for (const name of ['Twin', 'TWIN']) {
      const session = await login(app, name);
      expect((await session.agent.get('/api/auth/session').expect(200)).body.user.username).toBe(name);
    }
  });
});

describe('the last admin', () => {
  let app: Express;
  beforeEach(async () => {
    await freshLedger({ root: 'admin', ed1: 'editor' });
    app = ledgerApp();
  });

  it('cannot demote or disable themselves, and stays admin', async () => {
    const admin = await login(app, 'root');
    for (const change of [{ role: 'editor' }, { role: 'viewer' }, { disabled: true }]) {
      const res = await admin.agent
        .patch('/api/admin/users/root')
        .set('X-CSRF-Token', admin.csrf)
        .send(change);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect(res.body.error.message).toContain('only admin');
    }
    expect((await users(app, 'root')).find((u) => u.username === 'root')?.role).toBe('admin');
  });

  it('can step down once another admin exists, who then cannot', async () => {
    const admin = await login(app, 'root');
    await admin.agent
      .patch('/api/admin/users/ed1')
      .set('X-CSRF-Token', admin.csrf)
      .send({ role: 'admin' })
      .expect(200);
    await admin.agent
      .patch('/api/admin/users/ROOT')
      .set('X-CSRF-Token', admin.csrf)
      .send({ role: 'editor' })
      .expect(200);
    const second = await login(app, 'ed1');
    await second.agent
      .patch('/api/admin/users/ed1')
      .set('X-CSRF-Token', second.csrf)
      .send({ role: 'editor' })
      .expect(409);
  });

  it('keeps one admin when the last two demote each other at the same time', async () => {
    const auth = new AuthService(createLedgerStores({ driver: testDriver(), database: testDatabase() }));
    await auth.updateAccount(null, 'ed1', { role: 'admin' });
    const outcomes = await Promise.allSettled([
      auth.updateAccount(null, 'root', { role: 'editor' }),
      auth.updateAccount(null, 'ed1', { disabled: true }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const admins = (await auth.listAccounts()).filter((a) => a.role === 'admin' && !a.disabled);
    expect(admins).toHaveLength(1);
  });
});

describe('guesses at one account from many addresses', () => {
  beforeEach(async () => {
    await freshLedger({ mei: 'editor', other: 'editor' });
  });

  it('answers 429 before 30 guesses from 30 forwarded addresses, even for the right password', async () => {
    const app = ledgerApp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const res = await request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ username: i % 2 ? 'MEI' : 'mei', password: `guess ${i}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    const right = await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ username: 'mei', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.body.error.message).toContain('this account');
    // Another account is not slowed down by them.
    await request(app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.8')
      .send({ username: 'other', password: PASSWORD })
      .expect(200);
  });
});
