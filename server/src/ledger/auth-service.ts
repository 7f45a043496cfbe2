// Accounts, logins and sessions. The cookie carries a random token; the database keeps only its SHA-256,
// the account it belongs to and the session's CSRF token, so a stolen database copy holds no usable session.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import type { AccountView, AuditEvent, Role } from '../domain/ledger-types.ts';
import { displayUsername } from '../domain/usernames.ts';
import type { Actor, Clock } from './ledger-service.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import type {
  AccountChange,
  AccountStore,
  AuditFilter,
  AuditStore,
  LedgerStores,
  StoredSession,
} from './stores.ts';

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

/**
 * Logins, sessions, accounts and the audit trail over the account and audit stores. Errors: AppError
 * INVALID_REQUEST (password too short), CONFLICT (name taken, last admin), NOT_FOUND (no such account).
 */
export class AuthService {
  private readonly accounts: AccountStore;
  private readonly audit: AuditStore;

  constructor(
    stores: Pick<LedgerStores, 'accounts' | 'audit'>,
    private readonly clock: Clock = () => new Date(),
  ) {
    this.accounts = stores.accounts;
    this.audit = stores.audit;
  }

  /** Null for a wrong username or password, alike, so a caller cannot tell which was wrong. */
  async login(username: string, password: string, ip: string | null): Promise<LoginResult | null> {
    const account = await this.accounts.findAccount(username);
    const ok = await verifyPassword(account?.passwordHash ?? null, password);
    const now = this.clock();
    if (!account || !ok || account.disabled) {
      await this.audit.record({
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
    await this.accounts.write(async (tx) => {
      await tx.createSession({
        tokenHash: tokenHash(token),
        username: account.username,
        csrfToken,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        ip,
      });
      await tx.recordAudit(
        { actor: account.username, action: 'auth.login', target: account.username, ip, outcome: 'ok' },
        now,
      );
    });
    return { token, csrfToken, expiresAt, user: { username: account.username, role: account.role } };
  }

  async session(token: string): Promise<StoredSession | null> {
    return this.accounts.findSession(tokenHash(token), this.clock().toISOString());
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await this.accounts.write(async (tx) => {
      await tx.deleteSession(tokenHash(token));
      await tx.recordAudit({
        actor: actor.username,
        action: 'auth.logout',
        target: actor.username,
        ip: actor.ip,
        outcome: 'ok',
      });
    });
  }

  listAccounts(): Promise<AccountView[]> {
    return this.accounts.listAccounts();
  }

  /** The audit trail, newest first (admins only: the route checks the role). */
  auditTrail(filter: AuditFilter): Promise<AuditEvent[]> {
    return this.audit.list(filter);
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
    const clash = await this.accounts.write(async (tx) => {
      const taken = await tx.createAccount({ username, role, passwordHash, createdAt });
      if (!taken)
        await tx.recordAudit({
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
    const result = await this.accounts.write(async (tx) => {
      const admins = leavesAdmin ? [] : await tx.lockActiveAdmins();
      const updated = await tx.updateAccount(username, stored);
      if (!updated) return null;
      const wasActiveAdmin = admins.includes(updated.before.username);
      if (wasActiveAdmin && admins.length === 1)
        throw new AppError(
          'CONFLICT',
          `${updated.before.username} is the only admin: make another account admin before demoting or disabling this one.`,
        );
      await tx.deleteSessionsOf(updated.before.username, now);
      await tx.recordAudit({
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
