// Accounts and their sessions. A session is stored under the SHA-256 of its cookie token, so the database
// never holds a token that could be replayed; its CSRF token lives beside it (synchronizer pattern).
import type { ManagedTransaction } from 'neo4j-driver';
import { type AccountView, LedgerLabel, type Role } from '../domain/ledger-types.ts';
import { type LedgerDb, ledgerRead } from './ledger-tx.ts';

const A = LedgerLabel.Account;
const S = LedgerLabel.Session;

export interface StoredAccount extends AccountView {
  passwordHash: string;
}

export interface StoredSession {
  username: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

function toAccount(props: Record<string, unknown>): StoredAccount {
  return {
    username: String(props.username),
    role: props.role as Role,
    disabled: props.disabled === true,
    createdAt: String(props.createdAt),
    passwordHash: String(props.passwordHash),
  };
}

export function publicAccount(account: StoredAccount): AccountView {
  const { passwordHash: _hidden, ...view } = account;
  return view;
}

export async function findAccount(db: LedgerDb, username: string): Promise<StoredAccount | null> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(`MATCH (a:${A} {username: $username}) RETURN properties(a) AS a`, {
      username,
    });
    const record = result.records[0];
    return record ? toAccount(record.get('a')) : null;
  });
}

export async function listAccounts(db: LedgerDb): Promise<AccountView[]> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(`MATCH (a:${A}) RETURN properties(a) AS a ORDER BY a.username`);
    return result.records.map((r) => publicAccount(toAccount(r.get('a'))));
  });
}

/** Returns false when the username is taken (the unique constraint decides, not a prior read). */
export async function createAccount(
  tx: ManagedTransaction,
  account: { username: string; role: Role; passwordHash: string; createdAt: string },
): Promise<boolean> {
  const result = await tx.run(
    // The hash carries a fresh random salt, so finding it stored means this statement created the account.
    `MERGE (a:${A} {username: $username})
     ON CREATE SET a.role = $role, a.passwordHash = $passwordHash, a.disabled = false, a.createdAt = $createdAt
     RETURN a.passwordHash = $passwordHash AS created`,
    account,
  );
  return result.records[0]?.get('created') === true;
}

export interface AccountChange {
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

/** Applies the change and returns the account before it, or null when there is no such account. */
export async function updateAccount(
  tx: ManagedTransaction,
  username: string,
  change: AccountChange,
): Promise<{ before: AccountView; after: AccountView } | null> {
  const result = await tx.run(
    `MATCH (a:${A} {username: $username})
     WITH a, properties(a) AS before
     SET a.role = coalesce($role, a.role),
         a.disabled = coalesce($disabled, a.disabled),
         a.passwordHash = coalesce($passwordHash, a.passwordHash)
     RETURN before, properties(a) AS after`,
    {
      username,
      role: change.role ?? null,
      disabled: change.disabled ?? null,
      passwordHash: change.passwordHash ?? null,
    },
  );
  const record = result.records[0];
  if (!record) return null;
  return {
    before: publicAccount(toAccount(record.get('before'))),
    after: publicAccount(toAccount(record.get('after'))),
  };
}

export async function createSession(
  tx: ManagedTransaction,
  session: {
    tokenHash: string;
    username: string;
    csrfToken: string;
    createdAt: string;
    expiresAt: string;
    ip: string | null;
  },
): Promise<void> {
  await tx.run(
    `MATCH (a:${A} {username: $username})
     CREATE (s:${S} {tokenHash: $tokenHash, username: $username, csrfToken: $csrfToken,
                     createdAt: $createdAt, expiresAt: $expiresAt, ip: $ip})
     CREATE (s)-[:OF_ACCOUNT]->(a)`,
    session,
  );
}

/** The live session for a token hash: unexpired and of an enabled account (role read fresh each time). */
export async function findSession(
  db: LedgerDb,
  tokenHash: string,
  now: string,
): Promise<StoredSession | null> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run(
      `MATCH (s:${S} {tokenHash: $tokenHash})-[:OF_ACCOUNT]->(a:${A})
       WHERE s.expiresAt > $now AND a.disabled = false
       RETURN s.username AS username, a.role AS role, s.csrfToken AS csrfToken, s.expiresAt AS expiresAt`,
      { tokenHash, now },
    );
    const record = result.records[0];
    if (!record) return null;
    return {
      username: record.get('username'),
      role: record.get('role'),
      csrfToken: record.get('csrfToken'),
      expiresAt: record.get('expiresAt'),
    };
  });
}

export async function deleteSession(tx: ManagedTransaction, tokenHash: string): Promise<void> {
  await tx.run(`MATCH (s:${S} {tokenHash: $tokenHash}) DETACH DELETE s`, { tokenHash });
}

/** Ends every session of an account (when it is disabled or its password changes) and expired ones. */
export async function deleteSessionsOf(tx: ManagedTransaction, username: string, now: string): Promise<void> {
  await tx.run(`MATCH (s:${S}) WHERE s.username = $username OR s.expiresAt <= $now DETACH DELETE s`, {
    username,
    now,
  });
}
