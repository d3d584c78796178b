// How the status bar words the database and cache state. Pure, so it is unit-tested.
import type { StatusDto } from '../api/contract';

export type DatabaseLabel = { kind: 'embedded' } | { kind: 'server'; host: string };

export function databaseLabel(database: StatusDto['database']): DatabaseLabel {
  return database.kind === 'embedded' ? { kind: 'embedded' } : { kind: 'server', host: database.host };
}

export const DASH = '—';

export function formatMs(ms: number | null, locale: string): string {
  if (ms === null || !Number.isFinite(ms)) return DASH;
  const digits = ms < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(ms)} ms`;
}

/** hitRate is 0..1, or null before the first lookup. */
export function formatHitRate(hitRate: number | null, locale: string): string {
  if (hitRate === null || !Number.isFinite(hitRate)) return DASH;
  const clamped = Math.min(1, Math.max(0, hitRate));
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(clamped);
}

export type CacheState = 'off' | 'up' | 'down';

export function cacheState(cache: StatusDto['cache']): CacheState {
  if (!cache.configured) return 'off';
  return cache.up ? 'up' : 'down';
}
