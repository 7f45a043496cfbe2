// Where the Cypher console runs. Preferably in a replica: a Neo4j of its own that holds a copy of the plan data
// only (console-sync.ts), so that secrets are out of the console's reach by construction and a query Neo4j cannot
// stop (one expression computing for minutes) can be ended by killing that process, which no other route uses.
// Without a replica (an external main server and no CONSOLE_NEO4J_URI) the console runs on the main database,
// behind the plan guard alone. This module holds the contract and the replica's life: start on first use, sync
// when the main data changed, and restart after a query that outlived its deadline.
import { AppError } from '../domain/errors.ts';
import type { ConsoleStatus } from '../domain/types.ts';
import { type DatabaseRef, type SyncOutcome, syncPlanData } from './console-sync.ts';
import { dataVersionReader } from './data-version.ts';

/** A database the console may run a query in, and what to do when that query outlives its deadline. */
export interface ConsoleTarget extends DatabaseRef {
  /** Told once a query ran past its deadline and was told to terminate (`tag`: its metadata `deadlineTag`). */
  overran(tag: string): void;
}

/** The console's database, for cypher-console.ts; the server's health route reads its status. */
export interface ConsoleDatabase {
  /**
   * The database to run the next query in, started and synced with the main database's plan data. Throws
   * AppError DB_UNAVAILABLE (with `retryAfterSeconds`) while a replica starts or restarts.
   */
  acquire(): Promise<ConsoleTarget>;
  /** Resolves when the console could answer at once (started and synced), for warm-up and tests. */
  ready(): Promise<void>;
  status(): ConsoleStatus;
  /** Stops a replica this server runs; the main database is closed by its owner. */
  close(): Promise<void>;
}

/** A running replica server: its database, and how to end it at once (null when it is not ours to end). */
export interface ReplicaServer extends DatabaseRef {
  uri: string;
  pid: number | null;
  kill: (() => Promise<void>) | null;
  /** Ends our use of it: closes the driver, and ends the process if we started it. */
  close(): Promise<void>;
}

/** How a replica server is obtained: started by us (embedded) or provided by the operator (external). */
export interface ReplicaSource {
  kind: 'embedded' | 'external';
  /** Starts (or connects to) the server; `onExit` is called if it later ends by itself. */
  start(onExit: () => void): Promise<ReplicaServer>;
}

/** How long the first console request waits for a replica to start before answering 503 "starting". */
export const CONSOLE_START_WAIT_MS = 25_000;
/** After a deadline's TERMINATE, how long a query may take to notice before its replica is killed. */
export const CONSOLE_KILL_GRACE_MS = 1_500;

const STILL_RUNNING = `SHOW TRANSACTIONS YIELD metaData WHERE metaData.deadlineTag = $tag RETURN count(*) AS n`;

/** The console on the main database: no replica, the plan guard is the only wall. */
export function mainConsoleDatabase(main: DatabaseRef): ConsoleDatabase {
  return {
    acquire: async () => ({ ...main, overran: () => {} }),
    ready: async () => {},
    status: () => ({ database: 'main', replica: null, state: 'ready', lastSync: null, restarts: 0 }),
    close: async () => {},
  };
}

function unavailable(message: string, retryAfterSeconds: number): AppError {
  return new AppError('DB_UNAVAILABLE', message, { retryAfterSeconds });
}

/** The life of one console replica: what replicaConsoleDatabase's helpers below read and change. */
interface ReplicaLife {
  main: DatabaseRef;
  source: ReplicaSource;
  log: (line: string) => void;
  mainVersion: () => Promise<string>;
  server: ReplicaServer | null;
  starting: Promise<ReplicaServer> | null;
  syncing: Promise<void> | null;
  syncedVersion: string | null;
  lastSync: SyncOutcome | null;
  lastStartMs: number;
  restarting: boolean;
  restarts: number;
  failure: string | null;
  closed: boolean;
}

/** Seconds a client should wait before retrying: about one replica start. */
function retryAfter(life: ReplicaLife): number {
  return Math.max(2, Math.ceil(life.lastStartMs / 1000) + 1);
}

/** The running replica, or the one being started (one start at a time); forgets it if it ends by itself. */
function start(life: ReplicaLife): Promise<ReplicaServer> {
  if (life.server) return Promise.resolve(life.server);
  life.starting ??= (async () => {
    const began = performance.now();
    const started = await life.source.start(() => {
      if (life.server === started) {
        life.server = null;
        life.syncedVersion = null;
      }
    });
    life.lastStartMs = performance.now() - began;
    life.log(
      `Console replica (${life.source.kind}) at ${started.uri} ready in ${Math.round(life.lastStartMs)} ms.`,
    );
    if (life.closed) {
      await started.close();
      throw new Error('the console was closed while its database started');
    }
    life.server = started;
    life.syncedVersion = null;
    life.failure = null;
    return started;
  })().finally(() => {
    life.starting = null;
  });
  return life.starting;
}

/** Copies the main database's plan data into `target` unless it already holds the current version. */
async function synced(life: ReplicaLife, target: ReplicaServer): Promise<void> {
  if (life.syncing) await life.syncing.catch(() => {});
  const version = await life.mainVersion();
  if (version === life.syncedVersion && life.server === target) return;
  life.syncing ??= syncPlanData(life.main, target)
    .then((outcome) => {
      life.lastSync = outcome;
      if (life.server === target) life.syncedVersion = outcome.version;
      life.log(
        `Console replica synced: ${outcome.nodes} nodes, ${outcome.relationships} relationships in ${outcome.ms} ms.`,
      );
    })
    .finally(() => {
      life.syncing = null;
    });
  await life.syncing;
}

/** The replica, started and synced; records and logs why when it cannot be had. */
async function startedAndSynced(life: ReplicaLife): Promise<ReplicaServer> {
  try {
    const target = await start(life);
    await synced(life, target);
    return target;
  } catch (error) {
    life.failure = error instanceof Error ? error.message : String(error);
    life.log(`Console replica not available: ${life.failure}`);
    throw error;
  }
}

/** Kills `old` (if it is still the current replica) and starts a fresh one in its place. */
async function restart(life: ReplicaLife, old: ReplicaServer, why: string): Promise<void> {
  if (life.server !== old || life.restarting || life.closed) return;
  life.restarting = true;
  life.restarts += 1;
  life.server = null;
  life.syncedVersion = null;
  life.log(`Console replica killed: ${why}; restarting it.`);
  try {
    await old.kill?.();
    await old.close();
    if (!life.closed) await startedAndSynced(life);
  } catch {
    // `failure` holds why; the next console request tries again.
  } finally {
    life.restarting = false;
  }
}

/** Whether the query tagged `tag` still runs in `target` (true when the replica does not answer). */
async function stillRunning(target: ReplicaServer, tag: string): Promise<boolean> {
  try {
    const { records } = await target.driver.executeQuery(
      STILL_RUNNING,
      { tag },
      { database: target.database, transactionConfig: { timeout: 1_000 } },
    );
    return Number(records[0]?.get('n') ?? 0) > 0;
  } catch {
    return true;
  }
}

/** The `overran` hook for `target`: restarts it if the query still runs CONSOLE_KILL_GRACE_MS later. */
function overranOn(life: ReplicaLife, target: ReplicaServer): (tag: string) => void {
  return (tag: string) => {
    if (!target.kill) return;
    const deadline = Date.now();
    setTimeout(async () => {
      if (life.server === target && (await stillRunning(target, tag))) {
        await restart(
          life,
          target,
          `a query was still running ${Date.now() - deadline} ms after its deadline`,
        );
      }
    }, CONSOLE_KILL_GRACE_MS).unref();
  };
}

/** ConsoleDatabase.acquire for a replica: waits a bounded time for it, else DB_UNAVAILABLE with a retry hint. */
async function acquire(life: ReplicaLife): Promise<ConsoleTarget> {
  if (life.closed) throw unavailable('The console is shutting down.', 5);
  if (life.restarting) {
    throw unavailable(
      "The console's database is restarting after a query that would not stop; retry in a few seconds.",
      retryAfter(life),
    );
  }
  const first = life.server === null;
  const ready = startedAndSynced(life);
  let timer: NodeJS.Timeout | undefined;
  const wait = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(unavailable("The console's database is starting; retry in a few seconds.", retryAfter(life))),
      first ? CONSOLE_START_WAIT_MS : 2 * CONSOLE_START_WAIT_MS,
    );
  });
  try {
    const target = await Promise.race([ready, wait]);
    return { driver: target.driver, database: target.database, overran: overranOn(life, target) };
  } catch (error) {
    ready.catch(() => {});
    if (error instanceof AppError) throw error;
    throw unavailable("The console's database is not available right now; retry in a moment.", 10);
  } finally {
    clearTimeout(timer);
  }
}

/** ConsoleDatabase.status for a replica: its state, where it runs, its last sync and restarts. */
function status(life: ReplicaLife): ConsoleStatus {
  const state = life.restarting
    ? 'restarting'
    : life.starting
      ? 'starting'
      : life.syncing
        ? 'syncing'
        : life.server
          ? 'ready'
          : life.failure
            ? 'failed'
            : 'stopped';
  const { lastSync, server } = life;
  return {
    database: 'replica',
    replica: { kind: life.source.kind, uri: server?.uri ?? null, pid: server?.pid ?? null },
    state,
    lastSync: lastSync && { nodes: lastSync.nodes, relationships: lastSync.relationships, ms: lastSync.ms },
    restarts: life.restarts,
  };
}

/**
 * The console in a replica from `source`, kept in step with `main`: started on first use, synced before a
 * query whenever the main database changed, and killed and restarted when a query is still running
 * CONSOLE_KILL_GRACE_MS after its deadline's TERMINATE (only an embedded replica can be killed; an external
 * one keeps the terminated query until Neo4j notices). `log` receives one line per start, sync and restart.
 */
export function replicaConsoleDatabase(
  main: DatabaseRef,
  source: ReplicaSource,
  log: (line: string) => void = () => {},
): ConsoleDatabase {
  const life: ReplicaLife = {
    main,
    source,
    log,
    mainVersion: dataVersionReader(main.driver, main.database),
    server: null,
    starting: null,
    syncing: null,
    syncedVersion: null,
    lastSync: null,
    lastStartMs: 10_000,
    restarting: false,
    restarts: 0,
    failure: null,
    closed: false,
  };
  return {
    acquire: () => acquire(life),
    async ready() {
      await startedAndSynced(life);
    },
    status: () => status(life),
    async close() {
      life.closed = true;
      const running = life.server ?? (await life.starting?.catch(() => null)) ?? null;
      life.server = null;
      await running?.close();
    },
  };
}
