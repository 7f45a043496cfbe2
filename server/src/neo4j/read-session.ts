// Kept for modules that still import the read helper by this name (cypher-console.ts, changed on another
// branch): the session wrapper itself lives in transactions.ts.
export { DEFAULT_READ_TIMEOUT_MS, type RawReadTx, readTransaction } from './transactions.ts';
