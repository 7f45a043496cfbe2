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
  const mainVersion = dataVersionReader(main.driver, main.database);
  let server: ReplicaServer | null = null;
  let starting: Promise<ReplicaServer> | null = null;
  let syncing: Promise<void> | null = null;
  let syncedVersion: string | null = null;
  let lastSync: SyncOutcome | null = null;
  let lastStartMs = 10_000;
  let restarting = false;
  let restarts = 0;
  let failure: string | null = null;
  let closed = false;

  const retryAfter = () => Math.max(2, Math.ceil(lastStartMs / 1000) + 1);

  function start(): Promise<ReplicaServer> {
    if (server) return Promise.resolve(server);
    starting ??= (async () => {
      const began = performance.now();
      const started = await source.start(() => {
        if (server === started) {
          server = null;
          syncedVersion = null;
        }
      });
      lastStartMs = performance.now() - began;
      log(`Console replica (${source.kind}) at ${started.uri} ready in ${Math.round(lastStartMs)} ms.`);
      if (closed) {
        await started.close();
        throw new Error('the console was closed while its database started');
      }
      server = started;
      syncedVersion = null;
      failure = null;
      return started;
    })().finally(() => {
      starting = null;
    });
    return starting;
  }

  async function synced(target: ReplicaServer): Promise<void> {
    if (syncing) await syncing.catch(() => {});
    const version = await mainVersion();
    if (version === syncedVersion && server === target) return;
    syncing ??= syncPlanData(main, target)
      .then((outcome) => {
        lastSync = outcome;
        if (server === target) syncedVersion = outcome.version;
        log(
          `Console replica synced: ${outcome.nodes} nodes, ${outcome.relationships} relationships in ${outcome.ms} ms.`,
        );
      })
      .finally(() => {
        syncing = null;
      });
    await syncing;
  }

  async function startedAndSynced(): Promise<ReplicaServer> {
    try {
      const target = await start();
      await synced(target);
      return target;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      log(`Console replica not available: ${failure}`);
      throw error;
    }
  }

  async function restart(old: ReplicaServer, why: string): Promise<void> {
    if (server !== old || restarting || closed) return;
    restarting = true;
    restarts += 1;
    server = null;
    syncedVersion = null;
    log(`Console replica killed: ${why}; restarting it.`);
    try {
      await old.kill?.();
      await old.close();
      if (!closed) await startedAndSynced();
    } catch {
      // `failure` holds why; the next console request tries again.
    } finally {
      restarting = false;
    }
  }

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

  function overranOn(target: ReplicaServer) {
    return (tag: string) => {
      if (!target.kill) return;
      const deadline = Date.now();
      setTimeout(async () => {
        if (server === target && (await stillRunning(target, tag))) {
          await restart(target, `a query was still running ${Date.now() - deadline} ms after its deadline`);
        }
      }, CONSOLE_KILL_GRACE_MS).unref();
    };
  }

  return {
    async acquire() {
      if (closed) throw unavailable('The console is shutting down.', 5);
      if (restarting) {
        throw unavailable(
          "The console's database is restarting after a query that would not stop; retry in a few seconds.",
          retryAfter(),
        );
      }
      const first = server === null;
      const ready = startedAndSynced();
      let timer: NodeJS.Timeout | undefined;
      const wait = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () =>
            reject(unavailable("The console's database is starting; retry in a few seconds.", retryAfter())),
          first ? CONSOLE_START_WAIT_MS : 2 * CONSOLE_START_WAIT_MS,
        );
      });
      try {
        const target = await Promise.race([ready, wait]);
        return { driver: target.driver, database: target.database, overran: overranOn(target) };
      } catch (error) {
        ready.catch(() => {});
        if (error instanceof AppError) throw error;
        throw unavailable("The console's database is not available right now; retry in a moment.", 10);
      } finally {
        clearTimeout(timer);
      }
    },
    async ready() {
      await startedAndSynced();
    },
    status() {
      const state = restarting
        ? 'restarting'
        : starting
          ? 'starting'
          : syncing
            ? 'syncing'
            : server
              ? 'ready'
              : failure
                ? 'failed'
                : 'stopped';
      return {
        database: 'replica',
        replica: { kind: source.kind, uri: server?.uri ?? null, pid: server?.pid ?? null },
        state,
        lastSync: lastSync && {
          nodes: lastSync.nodes,
          relationships: lastSync.relationships,
          ms: lastSync.ms,
        },
        restarts,
      };
    },
    async close() {
      closed = true;
      const running = server ?? (await starting?.catch(() => null)) ?? null;
      server = null;
      await running?.close();
    },
  };
}
