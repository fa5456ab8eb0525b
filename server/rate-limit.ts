// Login throttling per client address: a few free attempts, then a lock that doubles with every
// further failure. Attempts from one address are also serialized, so firing many requests at once
// cannot outrun the counter while scrypt is verifying.

/** Failed attempts allowed before the first lock. */
export const LOGIN_FREE_FAILURES = 5;
/** First lock after the free attempts, ms; doubles with every further failure. */
export const LOGIN_FIRST_LOCK_MS = 2_000;
export const LOGIN_MAX_LOCK_MS = 15 * 60_000;
/** Failures are forgotten after this long without one, ms. */
export const LOGIN_FORGET_MS = 60 * 60_000;
/** Addresses tracked at most; the oldest are dropped first. */
export const MAX_TRACKED_CLIENTS = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
  pending: boolean;
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

export function createLoginLimiter(now: () => number) {
  const clients = new Map<string, Entry>();

  function entry(key: string): Entry {
    let e = clients.get(key);
    if (e && now() - e.lastFailure > LOGIN_FORGET_MS && !e.pending) {
      clients.delete(key);
      e = undefined;
    }
    if (!e) {
      if (clients.size >= MAX_TRACKED_CLIENTS) {
        const oldest = clients.keys().next().value;
        if (oldest !== undefined) clients.delete(oldest);
      }
      e = { failures: 0, lockedUntil: 0, lastFailure: now(), pending: false };
      clients.set(key, e);
    }
    return e;
  }

  return {
    /** Starts an attempt: null when allowed (call `finish` after), else how long to wait, ms. */
    begin(key: string): number | null {
      const e = entry(key);
      const wait = e.lockedUntil - now();
      if (wait > 0) return wait;
      if (e.pending) return 1_000;
      e.pending = true;
      return null;
    },

    finish(key: string, success: boolean): void {
      const e = entry(key);
      e.pending = false;
      if (success) {
        clients.delete(key);
        return;
      }
      e.failures += 1;
      e.lastFailure = now();
      // Keep insertion order = age of last failure, so eviction drops the stalest.
      clients.delete(key);
      clients.set(key, e);
      const over = e.failures - LOGIN_FREE_FAILURES;
      if (over >= 0) e.lockedUntil = now() + Math.min(LOGIN_FIRST_LOCK_MS * 2 ** over, LOGIN_MAX_LOCK_MS);
    },
  };
}
