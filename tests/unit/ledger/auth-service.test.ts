// The account rules against the in-memory store: logins that fail say nothing about why and are audited,
// names compare ignoring case and width, the last enabled admin cannot be demoted, and a role change ends
// the account's sessions. Expected values come from auth-service.ts's contract and docs/security.md.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/src/domain/errors.ts';
import { AuthService, tokenHash } from '../../../server/src/ledger/auth-service.ts';
import { fakeLedgerStores } from '../../fixtures/ledger-stores.fake.ts';

const PASSWORD = 'a long enough password';
const NOW = new Date('2020-07-01T08:00:00.000Z');

function setUp() {
  const store = fakeLedgerStores({ plans: [], tasks: [] });
  return { store, auth: new AuthService(store, () => NOW) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
}

describe('AuthService against its store', () => {
  it('refuses a wrong password and an unknown name alike, and audits both attempts', async () => {
    const { store, auth } = setUp();
    await auth.createAccount(null, 'ed1', 'editor', PASSWORD);
    expect(await auth.login('ed1', 'wrong password!', '10.0.0.1')).toBeNull();
    expect(await auth.login('nobody', PASSWORD, '10.0.0.1')).toBeNull();
    const failed = store.state.audit.filter((e) => e.action === 'auth.login');
    expect(failed.map((e) => [e.target, e.outcome, e.actor])).toEqual([
      ['ed1', 'failed', null],
      ['nobody', 'failed', null],
    ]);
    expect(store.state.sessions).toEqual([]);
  });

  it('opens a session that stores only the token hash and finds it again by the token', async () => {
    const { store, auth } = setUp();
    await auth.createAccount(null, 'ed1', 'editor', PASSWORD);
    const login = await auth.login('ed1', PASSWORD, null);
    expect(login?.user).toEqual({ username: 'ed1', role: 'editor' });
    const token = login?.token ?? '';
    expect(store.state.sessions.map((s) => s.tokenHash)).toEqual([tokenHash(token)]);
    expect(JSON.stringify(store.state)).not.toContain(token);
    expect(await auth.session(token)).toMatchObject({ username: 'ed1', role: 'editor' });
  });

  it('refuses a name that differs from an existing one only in case or width', async () => {
    const { auth } = setUp();
    await auth.createAccount(null, 'ed1', 'editor', PASSWORD);
    expect(await codeOf(auth.createAccount(null, 'ＥＤ１', 'viewer', PASSWORD))).toBe('CONFLICT');
    expect((await auth.listAccounts()).map((a) => a.username)).toEqual(['ed1']);
  });

  it('refuses a password shorter than 10 characters', async () => {
    const { auth } = setUp();
    expect(await codeOf(auth.createAccount(null, 'ed1', 'editor', 'short'))).toBe('INVALID_REQUEST');
  });

  it('keeps the last enabled admin: demoting it is a conflict and changes nothing', async () => {
    const { store, auth } = setUp();
    await auth.createAccount(null, 'root', 'admin', PASSWORD);
    const actor = { username: 'root', ip: null };
    expect(await codeOf(auth.updateAccount(actor, 'root', { role: 'editor' }))).toBe('CONFLICT');
    expect(await codeOf(auth.updateAccount(actor, 'root', { disabled: true }))).toBe('CONFLICT');
    expect(store.state.accounts[0]).toMatchObject({ role: 'admin', disabled: false });
    await auth.createAccount(actor, 'second', 'admin', PASSWORD);
    expect(await auth.updateAccount(actor, 'root', { role: 'editor' })).toMatchObject({ role: 'editor' });
  });

  it("ends the account's sessions when its role changes", async () => {
    const { auth } = setUp();
    await auth.createAccount(null, 'root', 'admin', PASSWORD);
    await auth.createAccount(null, 'ed1', 'editor', PASSWORD);
    const login = await auth.login('ed1', PASSWORD, null);
    await auth.updateAccount({ username: 'root', ip: null }, 'ed1', { role: 'viewer' });
    expect(await auth.session(login?.token ?? '')).toBeNull();
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const { auth } = setUp();
    expect(await codeOf(auth.updateAccount(null, 'ghost', { role: 'viewer' }))).toBe('NOT_FOUND');
  });
});
