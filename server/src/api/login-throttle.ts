// Per-account login throttle with exponential back-off, beside the per-address limit: guesses at one account
// spread over many addresses (a botnet, or forged X-Forwarded-For behind a proxy) are slowed all the same.
// Kept in memory (one server process); names are keyed as accounts are (NFKC, case folded), known or not,
// so the answers tell nothing about which accounts exist.
import { LRUCache } from 'lru-cache';
import { usernameKey } from '../domain/usernames.ts';

export interface LoginThrottleLimits {
  /** Failed logins an account may have before back-off starts. */
  freeFailures: number;
  /** The first wait, doubled with each further failure (milliseconds). */
  baseDelayMs: number;
  /** The longest wait (milliseconds). */
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one (milliseconds). */
  forgetAfterMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = {
  freeFailures: 10,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

interface AccountFailures {
  failures: number;
  lockedUntil: number;
}

export interface LoginThrottle {
  /**
   * Call before checking a password. Returns the milliseconds to wait when the account is backing off (answer
   * 429 and check nothing); otherwise counts the attempt as a failure until `succeeded` says otherwise, so
   * that a burst of parallel guesses is counted before any of them is answered.
   */
  attempt(username: string): { waitMs: number } | null;
  /** The password was right: the account's failures are forgotten. */
  succeeded(username: string): void;
}

export function loginThrottle(
  limits: LoginThrottleLimits = DEFAULT_LOGIN_THROTTLE,
  now: () => number = Date.now,
): LoginThrottle {
  // Bounded: a flood of made-up names evicts the oldest entries instead of growing without end.
  const accounts = new LRUCache<string, AccountFailures>({ max: 50_000, ttl: limits.forgetAfterMs });
  return {
    attempt(username) {
      const key = usernameKey(username);
      const at = now();
      const entry = accounts.get(key) ?? { failures: 0, lockedUntil: 0 };
      if (at < entry.lockedUntil) return { waitMs: entry.lockedUntil - at };
      entry.failures += 1;
      const over = entry.failures - limits.freeFailures;
      if (over > 0)
        entry.lockedUntil = at + Math.min(limits.baseDelayMs * 2 ** (over - 1), limits.maxDelayMs);
      accounts.set(key, entry);
      return null;
    },
    succeeded(username) {
      accounts.delete(usernameKey(username));
    },
  };
}
