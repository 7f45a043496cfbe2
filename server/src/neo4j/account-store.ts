// Accounts and their sessions. A session is stored under the SHA-256 of its cookie token, so the database
// never holds a token that could be replayed; its CSRF token lives beside it (synchronizer pattern).
// Accounts are found by `usernameKey` (see domain/usernames.ts), unique by constraint, so `ED1` is `ed1`.
import { z } from 'zod';
import { type AccountView, LedgerLabel, Role } from '../domain/ledger-types.ts';
import { usernameKey } from '../domain/usernames.ts';
import type { AccountChange, NewSession, StoredAccount, StoredSession } from '../ledger/stores.ts';
import { optionalString, parseRow } from './row-schemas.ts';
import type { RawReadTx, WriteTx } from './transactions.ts';

const A = LedgerLabel.Account;
const S = LedgerLabel.Session;

const role = z.enum(Role);

const accountRow = z.object({
  username: z.string(),
  role,
  disabled: z
    .boolean()
    .nullish()
    .transform((disabled) => disabled === true),
  createdAt: z.string(),
  passwordHash: z.string(),
}) satisfies z.ZodType<StoredAccount, unknown>;

function toAccount(props: unknown): StoredAccount {
  return parseRow(accountRow, props, 'account');
}

const sessionRow = z.object({
  username: z.string(),
  role,
  csrfToken: z.string(),
  expiresAt: z.string(),
}) satisfies z.ZodType<StoredSession>;

export function publicAccount(account: StoredAccount): AccountView {
  const { passwordHash: _hidden, ...view } = account;
  return view;
}

/**
 * Matches the one account whose key is the key of `$username`; an account stored before keys existed and left
 * without one (its key was taken by another) is still found by its exact name, which wins over the key.
 */
const MATCH_ACCOUNT = `MATCH (a:${A}) WHERE a.usernameKey = $key OR (a.usernameKey IS NULL AND a.username = $username)
  WITH a ORDER BY a.username = $username DESC LIMIT 1`;

export async function readAccount(tx: RawReadTx, username: string): Promise<StoredAccount | null> {
  const result = await tx.run(`${MATCH_ACCOUNT} RETURN properties(a) AS a`, {
    username,
    key: usernameKey(username),
  });
  const record = result.records[0];
  return record ? toAccount(record.get('a')) : null;
}

export async function readAccounts(tx: RawReadTx): Promise<AccountView[]> {
  const result = await tx.run(`MATCH (a:${A}) RETURN properties(a) AS a ORDER BY a.username`);
  return result.records.map((r) => publicAccount(toAccount(r.get('a'))));
}

/**
 * Returns null when it created the account, or the stored name that holds the same key (`ed1` when `ED1` was
 * asked for): the unique constraint on the key decides, not a prior read.
 */
const createdRow = z.object({ created: z.boolean(), username: z.string() });

export async function createAccount(
  tx: WriteTx,
  account: { username: string; role: Role; passwordHash: string; createdAt: string },
): Promise<{ taken: string } | null> {
  const result = await tx.run(
    // The hash carries a fresh random salt, so finding it stored means this statement created the account.
    `MERGE (a:${A} {usernameKey: $key})
     ON CREATE SET a.username = $username, a.role = $role, a.passwordHash = $passwordHash,
                   a.disabled = false, a.createdAt = $createdAt
     RETURN a.passwordHash = $passwordHash AS created, a.username AS username`,
    { ...account, key: usernameKey(account.username) },
  );
  const row = parseRow(createdRow, result.records[0]?.toObject(), 'account');
  return row.created ? null : { taken: row.username };
}

/** Applies the change and returns the account before it, or null when there is no such account. */
export async function updateAccount(
  tx: WriteTx,
  username: string,
  change: AccountChange,
): Promise<{ before: AccountView; after: AccountView } | null> {
  const result = await tx.run(
    `${MATCH_ACCOUNT}
     WITH a, properties(a) AS before
     SET a.role = coalesce($role, a.role),
         a.disabled = coalesce($disabled, a.disabled),
         a.passwordHash = coalesce($passwordHash, a.passwordHash)
     RETURN before, properties(a) AS after`,
    {
      username,
      key: usernameKey(username),
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

/**
 * The usernames of enabled admins, each locked for writing until the transaction ends, so that two
 * transactions that each demote one of the last two admins run one after the other and the second sees
 * the first's change.
 */
export async function lockActiveAdmins(tx: WriteTx): Promise<string[]> {
  // Lock first, read after: a read in the locking statement could see an admin another transaction was
  // demoting while this one waited for its lock.
  await tx.run(
    `MATCH (a:${A} {role: 'admin'}) WITH a ORDER BY a.usernameKey SET a._lock = true REMOVE a._lock`,
  );
  const result = await tx.run(
    `MATCH (a:${A} {role: 'admin'}) WHERE a.disabled = false RETURN a.username AS username ORDER BY username`,
  );
  return result.records.map((r) => parseRow(z.string(), r.get('username'), 'admin name'));
}

const legacyRow = z.object({ username: z.string(), key: optionalString });

/**
 * Gives a key to accounts stored before keys existed. A name whose key another account already holds keeps
 * no key (found by its exact name, see MATCH_ACCOUNT) and is reported, so an admin can rename or disable it.
 */
export async function keyLegacyAccounts(tx: WriteTx): Promise<string[]> {
  const result = await tx.run(
    `MATCH (a:${A}) RETURN a.username AS username, a.usernameKey AS key ORDER BY a.createdAt, username`,
  );
  const accounts = result.records.map((r) => parseRow(legacyRow, r.toObject(), 'account'));
  const taken = new Set(accounts.map((a) => a.key).filter((k) => k !== null));
  const keyed: Array<{ username: string; key: string }> = [];
  const clashing: string[] = [];
  for (const { username, key: stored } of accounts) {
    if (stored !== null) continue;
    const key = usernameKey(username);
    if (taken.has(key)) clashing.push(username);
    else {
      taken.add(key);
      keyed.push({ username, key });
    }
  }
  await tx.run(`UNWIND $keyed AS k MATCH (a:${A} {username: k.username}) SET a.usernameKey = k.key`, {
    keyed,
  });
  return clashing;
}

export async function createSession(tx: WriteTx, session: NewSession): Promise<void> {
  await tx.run(
    `MATCH (a:${A} {username: $username})
     CREATE (s:${S} {tokenHash: $tokenHash, username: $username, csrfToken: $csrfToken,
                     createdAt: $createdAt, expiresAt: $expiresAt, ip: $ip})
     CREATE (s)-[:OF_ACCOUNT]->(a)`,
    session,
  );
}

/** The live session for a token hash: unexpired and of an enabled account (role read fresh each time). */
export async function readSession(
  tx: RawReadTx,
  tokenHash: string,
  now: string,
): Promise<StoredSession | null> {
  const result = await tx.run(
    `MATCH (s:${S} {tokenHash: $tokenHash})-[:OF_ACCOUNT]->(a:${A})
     WHERE s.expiresAt > $now AND a.disabled = false
     RETURN s.username AS username, a.role AS role, s.csrfToken AS csrfToken, s.expiresAt AS expiresAt`,
    { tokenHash, now },
  );
  const record = result.records[0];
  return record ? parseRow(sessionRow, record.toObject(), 'session') : null;
}

export async function deleteSession(tx: WriteTx, tokenHash: string): Promise<void> {
  await tx.run(`MATCH (s:${S} {tokenHash: $tokenHash}) DETACH DELETE s`, { tokenHash });
}

/** Ends every session of an account (when it is disabled or its password changes) and expired ones. */
export async function deleteSessionsOf(tx: WriteTx, username: string, now: string): Promise<void> {
  await tx.run(`MATCH (s:${S}) WHERE s.username = $username OR s.expiresAt <= $now DETACH DELETE s`, {
    username,
    now,
  });
}
