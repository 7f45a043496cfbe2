// Answers of the plan-graph reads, kept in memory and replayed while the database has not changed. The plan
// graph is read far more often than it is written (an import, a ledger entry, a scene), and most of a read's
// cost is round trips to Neo4j, so a repeated question should not reach the database at all.
//
// "Has not changed" is the database's own last-committed-transaction bookmark: any write, from this server or
// from another process (`npm run import` beside a running server), changes it. It is read at most once per
// `recheckMs` while requests arrive (never while idle), and at once after a write through this server, so
// a write from elsewhere shows within `recheckMs` and one of ours on the very next read.
//
// Answers are also kept compressed (brotli and gzip, made once in libuv's thread pool), so a replay costs no
// compression on the main thread: re-compressing a 2-hop answer on every hit took longer than the hit.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';

/** Brotli quality for API answers, here and in app.ts: 5 costs little more than the default 4 and saves ~10 %. */
export const BROTLI_QUALITY = 5;
/** Answers below this size go uncompressed, as the compression middleware's threshold does. */
const COMPRESS_FROM_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface ReadCacheOptions {
  /** An opaque token that changes whenever the stored data may have changed. */
  version: () => Promise<string>;
  recheckMs?: number;
  maxBytes?: number;
  /** Bigger answers (a whole large plan) are served but not kept. */
  maxEntryBytes?: number;
}

export interface Entry {
  version: string;
  body: string;
  cacheControl: string | undefined;
  etag: string | undefined;
  /** Filled shortly after the entry is kept; until then a hit is compressed by the middleware. */
  encoded?: { br: Buffer; gzip: Buffer };
}

export interface ReadCache {
  /** The current version, rechecked when it may be stale. */
  current(): Promise<string>;
  get(key: string, version: string): Entry | undefined;
  set(key: string, entry: Entry): void;
  /** Mounted before every API router: a successful write makes the next read recheck the version. */
  writeWatcher: RequestHandler;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createReadCache(options: ReadCacheOptions): ReadCache {
  const recheckMs = options.recheckMs ?? 250;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 2 ** 20;
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 64 * 2 ** 20,
    sizeCalculation: (entry) =>
      entry.body.length * 2 + (entry.encoded ? entry.encoded.br.length + entry.encoded.gzip.length : 0) + 64,
  });
  let version: string | null = null;
  let checkedAt = 0;
  let pending: Promise<string> | null = null;
  /** Writes seen so far: a recheck that overlapped one may have read the version from before it. */
  let writes = 0;

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
      return entry && entry.version === current ? entry : undefined;
    },
    set(key, entry) {
      // An answer read before a recheck that found a newer version is already stale: not kept.
      if (entry.version !== version || entry.body.length > maxEntryBytes) return;
      entries.set(key, entry);
      if (entry.body.length < COMPRESS_FROM_BYTES) return;
      const raw = Buffer.from(entry.body);
      Promise.all([
        brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
        gzip(raw),
      ]).then(
        ([br, gz]) => {
          // Kept only if the entry is still the one stored (not evicted, replaced or outdated meanwhile).
          if (entries.peek(key) !== entry) return;
          entries.set(key, { ...entry, encoded: { br, gzip: gz } });
        },
        () => {},
      );
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
  };
}
