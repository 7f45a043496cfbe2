// The ledger wing's stores over Neo4j (the interfaces are ledger/stores.ts): reads in READ transactions,
// each write use case in one WRITE transaction whose audit event commits with it. The API wires these with
// `createLedgerStores(connection)` and never sees a driver type.
import type { LedgerStores } from '../ledger/stores.ts';
import {
  createAccount,
  createSession,
  deleteSession,
  deleteSessionsOf,
  lockActiveAdmins,
  readAccount,
  readAccounts,
  readSession,
  updateAccount,
} from './account-store.ts';
import { readAudit, recordAudit } from './ledger-audit-store.ts';
import {
  readPlanAgencies,
  readPlanCheckFacts,
  readPlanDependencies,
  readPlanExists,
  readPlanLedgerStates,
  readTaskHistory,
} from './ledger-queries.ts';
import { ensureLedgerSchema } from './ledger-schema.ts';
import { agencyName, appendEntry, lockTaskLedger, taskWriteContext } from './ledger-store.ts';
import { type Neo4jDb, readIn, type WriteTx, writeTransaction } from './transactions.ts';

const auditWriter = (tx: WriteTx) => ({
  recordAudit: (input: Parameters<typeof recordAudit>[1], at?: Date) => recordAudit(tx, input, at),
});

/**
 * Ledger, account and audit stores over one database. `db` may be the app's `Neo4jConnection`. Errors: driver
 * failures become AppError DB_UNAVAILABLE / QUERY_TIMEOUT; a stored row of the wrong shape AppError INTERNAL.
 */
export function createLedgerStores(db: Neo4jDb): LedgerStores {
  const read = <T>(work: Parameters<typeof readIn<T>>[1]) => readIn(db, work);
  return {
    ledger: {
      planExists: (plan) => read((tx) => readPlanExists(tx, plan)),
      planLedgerStates: (plan) => read((tx) => readPlanLedgerStates(tx, plan)),
      taskHistory: (taskId) => read((tx) => readTaskHistory(tx, taskId)),
      planDependencies: (plan, kinds) => read((tx) => readPlanDependencies(tx, plan, kinds)),
      planAgencies: (plan) => read((tx) => readPlanAgencies(tx, plan)),
      planCheckFacts: (plan) => read((tx) => readPlanCheckFacts(tx, plan)),
      write: (work) =>
        writeTransaction(db, (tx) =>
          work({
            ...auditWriter(tx),
            taskWriteContext: (taskId) => taskWriteContext(tx, taskId),
            lockTaskLedger: (taskId, now) => lockTaskLedger(tx, taskId, now),
            agencyName: (agencyId) => agencyName(tx, agencyId),
            appendEntry: (entry) => appendEntry(tx, entry),
          }),
        ),
    },
    accounts: {
      findAccount: (username) => read((tx) => readAccount(tx, username)),
      listAccounts: () => read(readAccounts),
      findSession: (tokenHash, now) => read((tx) => readSession(tx, tokenHash, now)),
      write: (work) =>
        writeTransaction(db, (tx) =>
          work({
            ...auditWriter(tx),
            createAccount: (account) => createAccount(tx, account),
            updateAccount: (username, change) => updateAccount(tx, username, change),
            lockActiveAdmins: () => lockActiveAdmins(tx),
            createSession: (session) => createSession(tx, session),
            deleteSession: (tokenHash) => deleteSession(tx, tokenHash),
            deleteSessionsOf: (username, now) => deleteSessionsOf(tx, username, now),
          }),
        ),
    },
    audit: {
      list: (filter) => read((tx) => readAudit(tx, filter)),
      record: (input) => writeTransaction(db, (tx) => recordAudit(tx, input)),
    },
    ensureSchema: () => ensureLedgerSchema(db.driver, db.database),
  };
}
