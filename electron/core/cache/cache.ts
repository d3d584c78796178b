// Redis as an accelerator, never a dependency: every cache error is a miss, a dead Redis
// is skipped by a short circuit-breaker instead of being waited on, and the client
// reconnects by itself. Writes go to PostgreSQL first; callers invalidate afterwards.
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { TtlSeconds } from './keys';

export interface CacheStats {
  configured: boolean;
  up: boolean;
  hits: number;
  misses: number;
  hitRate: number | null;
}

export interface Cache {
  /** Cached value or the loader's, computed once for concurrent misses of one key. */
  getOrLoad<T>(key: string, ttl: TtlSeconds, load: () => Promise<T>): Promise<T>;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttl: TtlSeconds): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Deletes every key matching a SCAN pattern (never KEYS). */
  delPattern(pattern: string): Promise<void>;
  stats(): CacheStats;
  /** Runs on every up/down change. */
  onStatusChange(listener: (up: boolean) => void): () => void;
  close(): Promise<void>;
}

/** A request waits at most this long on Redis before it reads PostgreSQL instead. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 50;

export interface CacheOptions {
  url: string | null;
  password?: string | null;
  /** Prefix of every key (tests isolate themselves with it; the app uses none). */
  keyPrefix?: string;
  /** How long one command may take before it counts as a miss. */
  commandTimeoutMs?: number;
  /** How long a failed Redis is skipped before it is tried again. */
  breakerMs?: number;
  logger: Logger;
}

/** Every key family the app caches: flushed after an outage, when invalidations may have been missed. */
const OUTAGE_FLUSH = ['car:*', 'cars:*', 'contacts:*', 'analytics:*'];

export function createCache(opts: CacheOptions): Cache {
  const prefix = opts.keyPrefix ?? '';
  const breakerMs = opts.breakerMs ?? 2000;
  let hits = 0;
  let misses = 0;
  let openUntil = 0;
  let up = false;
  // Set when an invalidation may have been missed; cleared by flushing every app key.
  let needsFlush = false;
  let flushing: Promise<boolean> | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const inflight = new Map<string, Promise<unknown>>();
  // Bumped by every invalidation: a load that overlapped one may hold data from before the
  // write, so it is returned to its callers but not cached.
  let generation = 0;
  const invalidated = () => {
    generation++;
    // Callers arriving after a write must not join a load that started before it.
    inflight.clear();
  };
  const listeners = new Set<(up: boolean) => void>();

  const setUp = (next: boolean) => {
    if (next === up) return;
    up = next;
    if (!next) needsFlush = true;
    for (const l of listeners) l(next);
  };

  const redis = opts.url
    ? new Redis(opts.url, {
        password: opts.password ?? undefined,
        keyPrefix: prefix,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
        connectTimeout: 1000,
        lazyConnect: false,
        // Keep trying in the background, never faster than every 2 s.
        retryStrategy: (times) => Math.min(200 * times, 2000),
      })
    : null;

  if (redis) {
    // Without a listener an unreachable Redis would be an unhandled 'error' event.
    redis.on('error', (error: Error) => opts.logger.debug('redis error', { message: error.message }));
    redis.on('ready', () => {
      openUntil = 0;
      setUp(true);
      // Other PCs read the same keys: flush now, not at this PC's next read.
      if (needsFlush) void fresh();
    });
    redis.on('close', () => setUp(false));
    redis.on('end', () => setUp(false));
  }

  const usable = () => redis !== null && up && Date.now() >= openUntil;

  /** Before the first read after an outage: others may have written while we could not invalidate. */
  async function fresh(): Promise<boolean> {
    if (!needsFlush) return true;
    flushing ??= (async () => {
      try {
        for (const pattern of OUTAGE_FLUSH) await scanDelete(pattern);
        needsFlush = false;
        return true;
      } catch (error) {
        trip(error);
        return false;
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }
  /**
   * An invalidation could not reach Redis. This PC flushes before its next read; other PCs
   * read the same keys, so the flush is also retried by a timer until done, even if this
   * PC reads nothing.
   */
  const invalidationMissed = () => {
    needsFlush = true;
    if (!redis || flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      if (!needsFlush) return;
      if (usable()) void fresh().then((ok) => ok || invalidationMissed());
      else invalidationMissed();
    }, breakerMs);
    flushTimer.unref?.();
  };
  const trip = (error: unknown) => {
    openUntil = Date.now() + breakerMs;
    opts.logger.debug('cache miss by error', { message: (error as Error)?.message });
  };

  async function scanDelete(pattern: string): Promise<void> {
    if (!redis) return;
    // SCAN does not apply ioredis's keyPrefix, so the prefix is added here and removed from results.
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', prefix + pattern, 'COUNT', 500);
      cursor = next;
      if (found.length) await redis.del(...found.map((k) => k.slice(prefix.length)));
    } while (cursor !== '0');
  }

  async function get<T>(key: string): Promise<T | undefined> {
    if (!usable() || !(await fresh())) return undefined;
    try {
      const raw = await redis!.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (error) {
      trip(error);
      return undefined;
    }
  }

  async function set(key: string, value: unknown, ttl: TtlSeconds): Promise<void> {
    if (!usable() || !(await fresh())) return;
    try {
      await redis!.set(key, JSON.stringify(value), 'EX', ttl);
    } catch (error) {
      trip(error);
    }
  }

  return {
    get,
    set,
    async getOrLoad<T>(key: string, ttl: TtlSeconds, load: () => Promise<T>): Promise<T> {
      const cached = await get<T>(key);
      if (cached !== undefined) {
        hits++;
        return cached;
      }
      misses++;
      const running = inflight.get(key);
      if (running) return running as Promise<T>;
      const started = generation;
      let promise: Promise<T> | undefined = undefined;
      promise = (async () => {
        try {
          const value = await load();
          if (generation === started) await set(key, value, ttl);
          return value;
        } finally {
          if (inflight.get(key) === promise) inflight.delete(key);
        }
      })();
      inflight.set(key, promise);
      return promise;
    },
    async del(...keys: string[]) {
      invalidated();
      if (!redis || keys.length === 0) return;
      // Down or tripped: do not wait on it; flush everything before it is read again.
      if (!usable()) {
        invalidationMissed();
        return;
      }
      try {
        await redis.del(...keys);
      } catch (error) {
        // The key may now be stale: flush before Redis is read again.
        trip(error);
        invalidationMissed();
      }
    },
    async delPattern(pattern: string) {
      invalidated();
      if (!redis) return;
      if (!usable()) {
        invalidationMissed();
        return;
      }
      try {
        await scanDelete(pattern);
      } catch (error) {
        trip(error);
        invalidationMissed();
      }
    },
    stats() {
      const total = hits + misses;
      return { configured: redis !== null, up: usable(), hits, misses, hitRate: total ? hits / total : null };
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      if (flushTimer) clearTimeout(flushTimer);
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
