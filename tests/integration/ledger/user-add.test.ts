// `npm run user:add` creates the first admin from the command line, with the password read from stdin.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseEnv } from '../import/_cli.ts';
import { freshLedger, ledgerApp, login } from './_ledger.ts';

function userAdd(args: string[], password: string) {
  return spawnSync('npx', ['tsx', 'scripts/user-add.ts', ...args], {
    input: `${password}\n`,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...testDatabaseEnv() },
  });
}

describe('npm run user:add', () => {
  beforeAll(() => freshLedger({}));

  it('creates an admin who can then log in and manage accounts', async () => {
    const result = userAdd(
      ['--username', 'chief', '--role', 'admin', '--password-stdin'],
      'first admin password',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created account chief (admin)');
    const chief = await login(ledgerApp(), 'chief', 'first admin password');
    const users = await chief.agent.get('/api/admin/users').expect(200);
    expect(users.body.users).toEqual([
      expect.objectContaining({ username: 'chief', role: 'admin', disabled: false }),
    ]);
    expect(JSON.stringify(users.body)).not.toContain('argon2');
  });

  it('refuses an existing username unless --update, and a short password, with exit code 1', () => {
    const again = userAdd(['--username', 'chief', '--role', 'editor'], 'another long password');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists. Use --update');
    const short = userAdd(['--username', 'newbie', '--role', 'editor'], 'short');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 10 characters');
  });

  it('keeps the last admin an admin, even from the command line', async () => {
    const result = userAdd(['--username', 'CHIEF', '--role', 'editor', '--update'], 'a brand new password');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('chief is the only admin');
    const chief = await login(ledgerApp(), 'chief', 'first admin password');
    await chief.agent.get('/api/admin/users').expect(200);
  });

  it('changes role and password with --update', async () => {
    expect(userAdd(['--username', 'deputy', '--role', 'admin'], 'deputy admin password').status).toBe(0);
    const result = userAdd(['--username', 'chief', '--role', 'editor', '--update'], 'a brand new password');
    expect(result.status).toBe(0);
    const chief = await login(ledgerApp(), 'chief', 'a brand new password');
    await chief.agent.get('/api/admin/users').expect(403);
  });

  it('explains a missing or unknown role', () => {
    const result = userAdd(['--username', 'x', '--role', 'boss'], 'whatever password');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--role must be one of viewer, editor, admin');
  });
});
