// After a seed the app's Redis entries describe data that is gone. Deletes the key
// families the app caches (electron/core/cache: car:*, cars:*, contacts:*, analytics:*)
// with SCAN + UNLINK, like the app's own flush after an outage. Best effort: Redis is an
// accelerator, so an unreachable one is reported and skipped.
import { Redis } from 'ioredis';
import { patterns } from '../../electron/core/cache/keys';

export const APP_KEY_FAMILIES = ['car:*', patterns.cars, patterns.contacts, patterns.analytics] as const;

/** Keys deleted, or null when Redis could not be reached. */
export async function flushAppCache(url: string, keyPrefix = ''): Promise<number | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    commandTimeout: 5_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // reported through the failing command instead
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    return null;
  }
  try {
    let deleted = 0;
    for (const family of APP_KEY_FAMILIES) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}${family}`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}
