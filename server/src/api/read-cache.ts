// Answers of the plan-graph reads, kept in memory and replayed while the database has not changed. The plan
// graph is read far more often than it is written (an import, a ledger entry, a scene), and most of a read's
// cost is round trips to Neo4j, so a repeated question should not reach the database at all.
//
// "Has not changed" is the database's own last-committed-transaction bookmark: any write, from this server or
// from another process (`npm run import` beside a running server), changes it. It is read at most once per
// `recheckMs` while requests arrive (never while idle), and at once after a write through this server, so
// a write from elsewhere shows within `recheckMs` and one of ours on the very next read.
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';

export interface ReadCacheOptions {
  /** An opaque token that changes whenever the stored data may have changed. */
  version: () => Promise<string>;
  recheckMs?: number;
  maxBytes?: number;
  /** Bigger answers (a whole large plan) are served but not kept. */
  maxEntryBytes?: number;
}

interface Entry {
  version: string;
  body: string;
  cacheControl: string | undefined;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export interface ReadCache {
  /** The current version, rechecked when it may be stale. */
  current(): Promise<string>;
  get(key: string, version: string): Entry | undefined;
  set(key: string, entry: Entry): void;
  /** Mounted before every API router: a successful write makes the next read recheck the version. */
  writeWatcher: RequestHandler;
  stats(): ReadCacheStats;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createReadCache(options: ReadCacheOptions): ReadCache {
  const recheckMs = options.recheckMs ?? 250;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 2 ** 20;
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 64 * 2 ** 20,
    sizeCalculation: (entry) => entry.body.length * 2 + 64,
  });
  let version: string | null = null;
  let checkedAt = 0;
  let pending: Promise<string> | null = null;
  /** Writes seen so far: a recheck that overlapped one may have read the version from before it. */
  let writes = 0;
  let hits = 0;
  let misses = 0;

  const recheck = (): Promise<string> => {
    const writesBefore = writes;
    pending ??= options
      .version()
      .then((fresh) => {
        if (fresh !== version) entries.clear();
        version = fresh;
        checkedAt = writes === writesBefore ? performance.now() : Number.NEGATIVE_INFINITY;
        return fresh;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };

  return {
    current: () =>
      version !== null && performance.now() - checkedAt < recheckMs ? Promise.resolve(version) : recheck(),
    get(key, current) {
      const entry = entries.get(key);
      if (entry && entry.version === current) {
        hits += 1;
        return entry;
      }
      misses += 1;
      return undefined;
    },
    set(key, entry) {
      // An answer read before a recheck that found a newer version is already stale: not kept.
      if (entry.version === version && entry.body.length <= maxEntryBytes) entries.set(key, entry);
    },
    writeWatcher: (req, res, next) => {
      if (!READ_METHODS.has(req.method)) {
        res.on('finish', () => {
          if (res.statusCode >= 400) return;
          writes += 1;
          checkedAt = Number.NEGATIVE_INFINITY;
        });
      }
      next();
    },
    stats: () => ({ hits, misses, entries: entries.size, bytes: entries.calculatedSize }),
  };
}
