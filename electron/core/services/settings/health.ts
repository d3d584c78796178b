// Settings → Health: the seed's "Monitoring & Performance" figures in one read: connections,
// database and table sizes, cache hit rate and Redis memory, the slowest statements from
// pg_stat_statements (or how to enable it), and the last VACUUM/ANALYZE of every table.
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { HealthDto, SlowQueriesDto } from '../../api/dto-settings';
import type { Cache } from '../../cache/cache';
import type { PoolSettings } from '../../db/pool';
import { redact } from '../../logger';

export const HOW_TO_ENABLE_STATEMENTS =
  "In postgresql.conf set shared_preload_libraries = 'pg_stat_statements' and restart PostgreSQL; then, as a superuser or the database owner, run CREATE EXTENSION pg_stat_statements; in this database.";
const REDIS_TIMEOUT_MS = 300;
const BIGGEST = 15;
const SLOWEST = 10;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

export function createHealthService(deps: { pool: pg.Pool; poolSettings: PoolSettings; cache: Cache; redis: { url: string; password: string | null } | null }) {
  const { pool } = deps;

  async function slowQueries(): Promise<SlowQueriesDto> {
    const ext = await pool.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'");
    if (!ext.rowCount) return { available: false, reason: 'The pg_stat_statements extension is not installed in this database.', howToEnable: HOW_TO_ENABLE_STATEMENTS };
    try {
      const { rows } = await pool.query<{ query: string; calls: number; mean: number; total: number; rows: number }>(
        `SELECT left(query, 500) AS query, calls, mean_exec_time AS mean, total_exec_time AS total, rows
           FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          ORDER BY mean_exec_time DESC LIMIT ${SLOWEST}`,
      );
      return { available: true, queries: rows.map((r) => ({ query: r.query, calls: num(r.calls), meanMs: Math.round(num(r.mean) * 100) / 100, totalMs: Math.round(num(r.total)), rows: num(r.rows) })) };
    } catch (error) {
      // Installed but not preloaded: "pg_stat_statements must be loaded via shared_preload_libraries".
      return { available: false, reason: redact((error as Error).message), howToEnable: HOW_TO_ENABLE_STATEMENTS };
    }
  }

  /** INFO from a short-lived connection of our own: the app's cache client stays untouched. */
  async function redisInfo(): Promise<NonNullable<HealthDto['cache']['redis']> | null> {
    if (!deps.redis) return null;
    const redis = new Redis(deps.redis.url, {
      password: deps.redis.password ?? undefined,
      lazyConnect: true,
      connectTimeout: REDIS_TIMEOUT_MS,
      commandTimeout: REDIS_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const info = await redis.info();
      const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim() ?? null;
      const evicted = field('evicted_keys');
      return { usedMemory: field('used_memory_human'), maxMemory: field('maxmemory_human'), evictedKeys: evicted === null ? null : Number(evicted), version: field('redis_version'), error: null };
    } catch (error) {
      return { usedMemory: null, maxMemory: null, evictedKeys: null, version: null, error: `Redis did not answer: ${redact((error as Error).message)}` };
    } finally {
      redis.disconnect();
    }
  }

  return {
    async get(): Promise<HealthDto> {
      const [db, states, server, biggest, maintenance, statements, redis] = await Promise.all([
        pool.query<{ name: string; version: string; size: number; max: string }>(
          "SELECT current_database() AS name, current_setting('server_version') AS version, pg_database_size(current_database()) AS size, current_setting('max_connections') AS max",
        ),
        pool.query<{ state: string; n: number }>("SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() GROUP BY 1 ORDER BY 2 DESC, 1"),
        pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'"),
        pool.query<{ name: string; total: number; tbl: number; idx: number; rows: number }>(
          `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS tbl, pg_indexes_size(c.oid) AS idx, coalesce(s.n_live_tup, 0) AS rows
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            ORDER BY 2 DESC, 1 LIMIT ${BIGGEST}`,
        ),
        pool.query<{ name: string; lv: Date | null; lav: Date | null; la: Date | null; laa: Date | null; dead: number; live: number }>(
          `SELECT relname AS name, last_vacuum AS lv, last_autovacuum AS lav, last_analyze AS la, last_autoanalyze AS laa, n_dead_tup AS dead, n_live_tup AS live
             FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY relname`,
        ),
        slowQueries(),
        redisInfo(),
      ]);
      const info = db.rows[0]!;
      const byState = states.rows.map((r) => ({ state: r.state, count: r.n }));
      const stats = deps.cache.stats();
      return {
        checkedAt: new Date().toISOString(),
        database: { name: info.name, serverVersion: info.version, sizeBytes: num(info.size) },
        connections: {
          byState,
          thisDatabase: byState.reduce((sum, s) => sum + s.count, 0),
          server: server.rows[0]?.n ?? 0,
          max: Number(info.max),
          pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: deps.poolSettings.max },
        },
        biggestTables: biggest.rows.map((r) => ({ name: r.name, totalBytes: num(r.total), tableBytes: num(r.tbl), indexBytes: num(r.idx), rows: num(r.rows) })),
        cache: { ...stats, redis },
        slowQueries: statements,
        maintenance: maintenance.rows.map((r) => ({ table: r.name, lastVacuum: iso(r.lv), lastAutovacuum: iso(r.lav), lastAnalyze: iso(r.la), lastAutoanalyze: iso(r.laa), deadRows: num(r.dead), liveRows: num(r.live) })),
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
