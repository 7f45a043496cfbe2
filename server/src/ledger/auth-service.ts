// Accounts, logins and sessions. The cookie carries a random token; the database keeps only its SHA-256,
// the account it belongs to and the session's CSRF token, so a stolen database copy holds no usable session.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { AccountView, Role } from '../domain/ledger-types.ts';
import { displayUsername } from '../domain/usernames.ts';
import {
  type AccountChange,
  createAccount,
  createSession,
  deleteSession,
  deleteSessionsOf,
  findAccount,
  findSession,
  listAccounts,
  lockActiveAdmins,
  type StoredSession,
  updateAccount,
} from '../neo4j/account-store.ts';
import { recordAudit, recordAuditAlone } from '../neo4j/ledger-audit-store.ts';
import { type LedgerDb, ledgerWrite } from '../neo4j/ledger-tx.ts';
import type { Actor, Clock } from './ledger-service.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so the CSRF check leaks nothing about the expected token through timing. */
export function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { username: string; role: Role };
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AppError(
      'INVALID_REQUEST',
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
}

export class AuthService {
  constructor(
    private readonly db: LedgerDb,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** Null for a wrong username or password, alike, so a caller cannot tell which was wrong. */
  async login(username: string, password: string, ip: string | null): Promise<LoginResult | null> {
    const account = await findAccount(this.db, username);
    const ok = await verifyPassword(account?.passwordHash ?? null, password);
    const now = this.clock();
    if (!account || !ok || account.disabled) {
      await recordAuditAlone(this.db, {
        actor: null,
        action: 'auth.login',
        target: username,
        ip,
        outcome: 'failed',
      });
      return null;
    }
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await ledgerWrite(this.db, async (tx) => {
      await createSession(tx, {
        tokenHash: tokenHash(token),
        username: account.username,
        csrfToken,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        ip,
      });
      await recordAudit(
        tx,
        { actor: account.username, action: 'auth.login', target: account.username, ip, outcome: 'ok' },
        now,
      );
    });
    return { token, csrfToken, expiresAt, user: { username: account.username, role: account.role } };
  }

  async session(token: string): Promise<StoredSession | null> {
    return findSession(this.db, tokenHash(token), this.clock().toISOString());
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await ledgerWrite(this.db, async (tx) => {
      await deleteSession(tx, tokenHash(token));
      await recordAudit(tx, {
        actor: actor.username,
        action: 'auth.logout',
        target: actor.username,
        ip: actor.ip,
        outcome: 'ok',
      });
    });
  }

  listAccounts(): Promise<AccountView[]> {
    return listAccounts(this.db);
  }

  /**
   * `actor` is null when the command line creates the first admin. The name is stored NFKC-normalised with
   * its case; CONFLICT when an account of the same name ignoring case and width exists (`ED1` beside `ed1`).
   */
  async createAccount(
    actor: Actor | null,
    requestedName: string,
    role: Role,
    password: string,
  ): Promise<AccountView> {
    checkPassword(password);
    const username = displayUsername(requestedName);
    const passwordHash = await hashPassword(password);
    const createdAt = this.clock().toISOString();
    const clash = await ledgerWrite(this.db, async (tx) => {
      const taken = await createAccount(tx, { username, role, passwordHash, createdAt });
      if (!taken)
        await recordAudit(tx, {
          actor: actor?.username ?? '(command line)',
          action: 'account.create',
          target: username,
          ip: actor?.ip ?? null,
          outcome: 'ok',
          after: { username, role },
        });
      return taken;
    });
    if (clash)
      throw new AppError(
        'CONFLICT',
        clash.taken === username
          ? `An account named ${username} already exists.`
          : `An account named ${username} already exists as ${clash.taken} (names are compared ignoring case and width).`,
      );
    return { username, role, disabled: false, createdAt };
  }

  /**
   * Changing the role, disabling or setting a password ends the account's sessions. CONFLICT when the change
   * would leave no enabled admin (the last admin demoting or disabling themselves, or being demoted).
   */
  async updateAccount(
    actor: Actor | null,
    username: string,
    change: { role?: Role; disabled?: boolean; password?: string },
  ): Promise<AccountView> {
    const stored: AccountChange = { role: change.role, disabled: change.disabled };
    if (change.password !== undefined) {
      checkPassword(change.password);
      stored.passwordHash = await hashPassword(change.password);
    }
    const now = this.clock().toISOString();
    const leavesAdmin = (change.role === undefined || change.role === 'admin') && change.disabled !== true;
    const result = await ledgerWrite(this.db, async (tx) => {
      const admins = leavesAdmin ? [] : await lockActiveAdmins(tx);
      const updated = await updateAccount(tx, username, stored);
      if (!updated) return null;
      const wasActiveAdmin = admins.includes(updated.before.username);
      if (wasActiveAdmin && admins.length === 1)
        throw new AppError(
          'CONFLICT',
          `${updated.before.username} is the only admin: make another account admin before demoting or disabling this one.`,
        );
      await deleteSessionsOf(tx, updated.before.username, now);
      await recordAudit(tx, {
        actor: actor?.username ?? '(command line)',
        action: 'account.update',
        target: updated.before.username,
        ip: actor?.ip ?? null,
        outcome: 'ok',
        before: updated.before,
        after: { ...updated.after, passwordChanged: change.password !== undefined },
      });
      return updated.after;
    });
    if (!result) throw new AppError('NOT_FOUND', `No account named ${username}.`);
    return result;
  }
}
