// Constraints and indexes for user data (ledger, accounts, sessions, audit). Their labels never carry the
// plan-data label, so a plan re-import (which deletes the plan's data nodes) cannot reach them.
import type { Driver } from 'neo4j-driver';
import { LedgerLabel } from '../domain/ledger-types.ts';
import { keyLegacyAccounts } from './account-store.ts';
import { writeTransaction } from './transactions.ts';

const STATEMENTS = [
  `CREATE CONSTRAINT ledgerentry_id_unique IF NOT EXISTS FOR (n:${LedgerLabel.LedgerEntry}) REQUIRE n.id IS UNIQUE`,
  `CREATE INDEX ledgerentry_task IF NOT EXISTS FOR (n:${LedgerLabel.LedgerEntry}) ON (n.taskId, n.version)`,
  // MERGE on a uniquely constrained key is what makes two first entries for one task serialise.
  `CREATE CONSTRAINT ledgerhead_task_unique IF NOT EXISTS FOR (n:${LedgerLabel.LedgerHead}) REQUIRE n.taskId IS UNIQUE`,
  `CREATE CONSTRAINT account_username_unique IF NOT EXISTS FOR (n:${LedgerLabel.Account}) REQUIRE n.username IS UNIQUE`,
  // Names compare by their NFKC case-folded key (domain/usernames.ts): `ED1` cannot be created beside `ed1`.
  `CREATE CONSTRAINT account_usernamekey_unique IF NOT EXISTS FOR (n:${LedgerLabel.Account}) REQUIRE n.usernameKey IS UNIQUE`,
  `CREATE CONSTRAINT session_token_unique IF NOT EXISTS FOR (n:${LedgerLabel.Session}) REQUIRE n.tokenHash IS UNIQUE`,
  `CREATE CONSTRAINT auditevent_id_unique IF NOT EXISTS FOR (n:${LedgerLabel.AuditEvent}) REQUIRE n.id IS UNIQUE`,
  `CREATE INDEX auditevent_at IF NOT EXISTS FOR (n:${LedgerLabel.AuditEvent}) ON (n.at)`,
];

/**
 * Creates the constraints and indexes (idempotent) and keys legacy accounts. Returns the names of accounts
 * stored before name keys existed whose key another account holds. LedgerStores.ensureSchema calls this.
 */
export async function ensureLedgerSchema(driver: Driver, database: string): Promise<string[]> {
  for (const statement of STATEMENTS) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
  return writeTransaction({ driver, database }, keyLegacyAccounts);
}
