// What the status bar shows: which database, its round trip, the cache and its hit rate.
import type pg from 'pg';
import type { StatusDto } from '../api/dto';
import type { Cache } from '../cache/cache';
import { describeConnection } from '../db/pool';
import { schemaVersion } from '../db/migrator';

export function createStatusService(deps: { pool: pg.Pool; cache: Cache; databaseKind: 'embedded' | 'server'; url: string; appVersion: string }) {
  const { pool, cache } = deps;
  const where = describeConnection(deps.url);
  let serverVersion: string | null = null;
  let schema: string | null = null;

  return {
    async status(): Promise<StatusDto> {
      let up = false;
      let roundTripMs: number | null = null;
      try {
        const started = performance.now();
        await pool.query('SELECT 1');
        roundTripMs = Math.round((performance.now() - started) * 10) / 10;
        up = true;
        if (!serverVersion) serverVersion = (await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? null;
        schema ??= await schemaVersion(pool);
      } catch {
        up = false;
      }
      return {
        database: { kind: deps.databaseKind, host: deps.databaseKind === 'embedded' ? 'this PC' : where.host, name: where.name, up, roundTripMs, serverVersion },
        cache: cache.stats(),
        schemaVersion: schema,
        appVersion: deps.appVersion,
      };
    },
  };
}
