// Typed reads of the system_config key/value table, with defaults, cached briefly in
// memory (settings change rarely; every PC sees a change within the cache's lifetime).
import { z } from 'zod';
import type { Db } from '../db/prisma';

export const CONFIG_KEYS = {
  'session.idleHours': { schema: z.number().min(0.25).max(24 * 30), default: 8, description: 'Hours of inactivity after which a session ends.' },
  'leads.roundRobin': { schema: z.boolean(), default: false, description: 'Assign new leads in turn to active sales users.' },
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type ConfigValue<K extends ConfigKey> = z.output<(typeof CONFIG_KEYS)[K]['schema']>;

const TTL_MS = 30_000;

export function createSystemConfig(db: Db) {
  const cache = new Map<string, { value: unknown; at: number }>();
  return {
    async get<K extends ConfigKey>(key: K): Promise<ConfigValue<K>> {
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value as ConfigValue<K>;
      const def = CONFIG_KEYS[key];
      const row = await db.systemConfig.findUnique({ where: { key } });
      const parsed = def.schema.safeParse(row?.value);
      // A malformed stored value falls back to the default rather than breaking sign-in.
      const value = (parsed.success ? parsed.data : def.default) as ConfigValue<K>;
      cache.set(key, { value, at: Date.now() });
      return value;
    },
    forget(key?: ConfigKey) {
      if (key) cache.delete(key);
      else cache.clear();
    },
  };
}

export type SystemConfig = ReturnType<typeof createSystemConfig>;
