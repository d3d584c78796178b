// The roll-up job: recomputes whole UTC days of the daily aggregates from the raw rows and
// advances the watermark, then rolls up today so far (additive figures and today's session
// ids) up to a minute ago. Each day is one transaction (DELETE + INSERT over one snapshot),
// so a run can stop anywhere and the next one carries on; redoing a day gives the same
// rows. Every run looks again at the last week before the watermark (rows stamped just
// before midnight commit after it; a website's queue may send late) and at days whose raw
// rows were deleted since.
import type pg from 'pg';
import type { JobDefinition } from '../../jobs/scheduler';
import type { Logger } from '../../logger';
import { DAY_MS, dayKey, dayMs, nextMonth } from './range-plan';
import { readRollupState } from './rollup-state';
import { ratingCounts, VITAL_NAMES_SQL } from './vital-sql';

/** Serialises day recomputations across PCs and manual runs (arbitrary, fixed key). */
export const ROLLUP_LOCK_KEY = 4_242_200;
export const ROLLUP_JOB = 'analytics.rollup';
export const ROLLUP_SCHEDULE = '*/5 * * * *';
/**
 * Finished days before the watermark looked at again on every run, for rows that arrive late
 * (a day whose raw row counts still match its roll-up is skipped, so this is cheap).
 */
export const ROLLUP_RECHECK_DAYS = 7;
/** Today's partial roll-up stops this long before now: rows still being written land after it. */
export const PARTIAL_MARGIN_MS = 60_000;

export interface RollupRunOptions {
  /** "Now" for deciding which days are over (default: the database's clock). */
  now?: Date;
  /** Stop after recomputing this many finished days (the rest waits for the next run). */
  maxDays?: number;
  /** Stop starting new days after this long. */
  budgetMs?: number;
  /** Roll up today so far as well (default true). */
  partial?: boolean;
}

export interface RollupRunResult {
  /** Finished days recomputed, oldest first (unchanged days that were skipped not included). */
  days: string[];
  /** Finished days whose roll-up or watermark changed. */
  changed: number;
  watermark: string | null;
  partialUntil: string | null;
  /** Days still to do when the run stopped early. */
  remaining: number;
}

export const ROLLUP_TABLES = ['analytics_daily_traffic', 'analytics_daily_path', 'analytics_daily_referrer', 'analytics_daily_car_views', 'analytics_daily_vitals', 'analytics_day_sessions'] as const;
export const MONTHLY_ROLLUP_TABLES = ['analytics_monthly_path', 'analytics_monthly_car_views', 'analytics_monthly_vitals'] as const;

// A digest of a day's roll-up rows: only a change bumps the version (and so drops the
// aggregations cached for finished days).
const FINGERPRINT = `SELECT md5(concat_ws('|',
  (SELECT string_agg(concat_ws(',', page_views, sessions, car_views), ';') FROM analytics_daily_traffic WHERE day = $1),
  (SELECT string_agg(path || ',' || views, ';' ORDER BY path) FROM analytics_daily_path WHERE day = $1),
  (SELECT string_agg(host || ',' || views, ';' ORDER BY host) FROM analytics_daily_referrer WHERE day = $1),
  (SELECT string_agg(car_id || ',' || views, ';' ORDER BY car_id) FROM analytics_daily_car_views WHERE day = $1),
  (SELECT string_agg(concat_ws(',', name, path, p75, n, good, needs_improvement, poor), ';' ORDER BY name, path) FROM analytics_daily_vitals WHERE day = $1)
)) AS digest`;

// Deletes are caught by the triggers (dirty days), so a day whose raw row counts still equal
// its roll-up's got no new rows either: it is skipped instead of recomputed.
const UNCHANGED = `SELECT coalesce(t.page_views = (SELECT count(*) FROM page_views WHERE created_at >= $2 AND created_at < $3)
   AND t.car_views = (SELECT count(*) FROM car_views WHERE created_at >= $2 AND created_at < $3)
   AND (SELECT coalesce(sum(n), 0) FROM analytics_daily_vitals WHERE day = $1 AND path = '*')
     = (SELECT count(*) FROM web_vitals WHERE created_at >= $2 AND created_at < $3 AND name = ANY(${VITAL_NAMES_SQL})), false) AS same
  FROM (SELECT 1) one LEFT JOIN analytics_daily_traffic t ON t.day = $1::date`;

// $1 the day, $2 its start, $3 where it ends (the next day, or partialUntil for today).
const ADDITIVE = [
  `INSERT INTO analytics_daily_traffic (day, page_views, sessions, car_views, computed_at)
   SELECT $1::date, coalesce(sum(n), 0)::int, count(session_id)::int, (SELECT count(*)::int FROM car_views WHERE created_at >= $2 AND created_at < $3), now()
     FROM (SELECT session_id, count(*) AS n FROM page_views WHERE created_at >= $2 AND created_at < $3 GROUP BY session_id) p`,
  `INSERT INTO analytics_daily_path (day, path, views)
   SELECT $1::date, path, count(*)::int FROM page_views WHERE created_at >= $2 AND created_at < $3 GROUP BY path`,
  `INSERT INTO analytics_daily_referrer (day, host, views)
   SELECT $1::date, analytics_referrer_host(referrer), sum(n)::int
     FROM (SELECT referrer, count(*) AS n FROM page_views WHERE created_at >= $2 AND created_at < $3 GROUP BY referrer) g GROUP BY 2`,
  `INSERT INTO analytics_daily_car_views (day, car_id, views)
   SELECT $1::date, car_id, count(*)::int FROM car_views WHERE created_at >= $2 AND created_at < $3 GROUP BY car_id`,
];
// One row per (metric, route) and one per metric over every page ('*'). Today's partial rows
// are read for their rating counts only: percentiles do not add up across parts of a day.
const VITALS = `INSERT INTO analytics_daily_vitals (day, name, path, p75, n, good, needs_improvement, poor)
   SELECT $1::date, name, coalesce(route, '*'), percentile_cont(0.75) WITHIN GROUP (ORDER BY value), count(*)::int, ${ratingCounts()}
     FROM (SELECT name, value, analytics_route(path) AS route FROM web_vitals
            WHERE created_at >= $2 AND created_at < $3 AND name = ANY(${VITAL_NAMES_SQL})) v
    GROUP BY GROUPING SETS ((name, route), (name))`;
// A finished month summed from its daily rows ($1 its first day, $2 the next month's).
const MONTHLY = [
  `DELETE FROM analytics_monthly_path WHERE month = $1::date AND $2::date IS NOT NULL`,
  `DELETE FROM analytics_monthly_car_views WHERE month = $1::date AND $2::date IS NOT NULL`,
  `DELETE FROM analytics_monthly_vitals WHERE month = $1::date AND $2::date IS NOT NULL`,
  `INSERT INTO analytics_monthly_path (month, path, views)
   SELECT $1::date, path, sum(views)::int FROM analytics_daily_path WHERE day >= $1::date AND day < $2::date GROUP BY path`,
  `INSERT INTO analytics_monthly_car_views (month, car_id, views)
   SELECT $1::date, car_id, sum(views)::int FROM analytics_daily_car_views WHERE day >= $1::date AND day < $2::date GROUP BY car_id`,
  `INSERT INTO analytics_monthly_vitals (month, name, path, n, good, needs_improvement, poor)
   SELECT $1::date, name, path, sum(n)::int, sum(good)::int, sum(needs_improvement)::int, sum(poor)::int
     FROM analytics_daily_vitals WHERE day >= $1::date AND day < $2::date GROUP BY name, path`,
];
const SESSIONS = `INSERT INTO analytics_day_sessions (day, session_id)
   SELECT DISTINCT $1::date, session_id FROM page_views WHERE created_at >= $2 AND created_at < $3 AND session_id IS NOT NULL`;

const isSerializationFailure = (error: unknown) => (error as { code?: string })?.code === '40001';

export function createRollupJob(deps: { pool: pg.Pool; logger: Logger }) {
  const { pool, logger } = deps;

  async function clock(now?: Date): Promise<number> {
    if (now) return now.getTime();
    // The database's clock decides, as it stamps the website's rows.
    const { rows } = await pool.query<{ ms: string }>(`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text AS ms`);
    return Number(rows[0]!.ms);
  }

  async function earliestDay(): Promise<string | null> {
    const { rows } = await pool.query<{ day: string | null }>(
      `SELECT to_char(least((SELECT min(created_at) FROM page_views), (SELECT min(created_at) FROM car_views), (SELECT min(created_at) FROM web_vitals))::date, 'YYYY-MM-DD') AS day`,
    );
    return rows[0]?.day ?? null;
  }

  /** The finished days a run should look at, oldest first, and which of them must be redone. */
  async function pendingDays(nowMs: number): Promise<{ day: string; force: boolean }[]> {
    const state = await readRollupState(pool);
    const end = dayMs(dayKey(nowMs)); // exclusive: today is never finished
    let start: number;
    if (state.watermark === null) {
      const first = await earliestDay();
      // Nothing recorded yet: the watermark stays unset, so rows loaded later are still seen.
      if (first === null) return [];
      start = dayMs(first);
    } else {
      start = dayMs(state.watermark) - ROLLUP_RECHECK_DAYS * DAY_MS;
    }
    const days = new Map<string, boolean>();
    for (const d of state.dirty) if (dayMs(d) < end) days.set(d, true);
    // Days at or after the watermark have never been finished: always computed.
    const watermark = state.watermark === null ? Number.NEGATIVE_INFINITY : dayMs(state.watermark);
    for (let d = start; d < end; d += DAY_MS) if (!days.has(dayKey(d))) days.set(dayKey(d), d >= watermark);
    return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, force]) => ({ day, force }));
  }

  /** Runs fn in one REPEATABLE READ transaction under the roll-up lock, retried on a clash. */
  async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      // Taken before the snapshot, so the work sees what an earlier holder committed.
      await client.query('SELECT pg_advisory_lock($1)', [ROLLUP_LOCK_KEY]);
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
            // A day of raw rows may take a while on a big site: not the pool's usual limit.
            await client.query(`SET LOCAL statement_timeout = '5min'`);
            const result = await fn(client);
            await client.query('COMMIT');
            return result;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            // A raw delete bumped the state row meanwhile: do the day again.
            if (!isSerializationFailure(error) || attempt >= 3) throw error;
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ROLLUP_LOCK_KEY]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  /** Recomputes one finished day; true when its rows or the watermark changed. */
  async function recomputeDay(day: string, force: boolean): Promise<boolean | null> {
    // ISO instants with Z: a `timestamp` parameter keeps the UTC wall time as it is.
    const start = new Date(dayMs(day)).toISOString();
    const next = new Date(dayMs(day) + DAY_MS).toISOString();
    return inTransaction(async (client) => {
      if (!force && (await client.query<{ same: boolean }>(UNCHANGED, [day, start, next])).rows[0]?.same) return null;
      // Cleared within the snapshot: a delete committing after it marks the day dirty again.
      await client.query('DELETE FROM analytics_dirty_days WHERE day = $1::date', [day]);
      const before = (await client.query<{ digest: string }>(FINGERPRINT, [day])).rows[0]!.digest;
      for (const table of ROLLUP_TABLES) await client.query(`DELETE FROM ${table} WHERE day = $1::date`, [day]);
      for (const sql of [...ADDITIVE, VITALS]) await client.query(sql, [day, start, next]);
      const after = (await client.query<{ digest: string }>(FINGERPRINT, [day])).rows[0]!.digest;

      const nextKey = dayKey(dayMs(day) + DAY_MS);
      const old = (await client.query<{ watermark: string | null }>(`SELECT to_char(watermark, 'YYYY-MM-DD') AS watermark FROM analytics_rollup_state WHERE id = 1`)).rows[0]?.watermark ?? null;
      // Only forward: a dirty day far back must not pull the watermark behind days already done.
      const moved = old === null || old < nextKey;
      const changed = before !== after || moved;
      const watermark = moved ? nextKey : old!;
      // The day's month, once finished, is summed again in the same transaction: a reader
      // never sees a month that disagrees with its days.
      const month = dayKey(dayMs(day.slice(0, 8) + '01'));
      const monthEnd = dayKey(nextMonth(dayMs(month)));
      if (changed && monthEnd <= watermark) for (const sql of MONTHLY) await client.query(sql, [month, monthEnd]);
      await client.query(
        `UPDATE analytics_rollup_state
            SET watermark = $1::date, partial_until = CASE WHEN $2 THEN NULL ELSE partial_until END,
                version = version + $3, updated_at = now()
          WHERE id = 1`,
        [watermark, moved, changed ? 1 : 0],
      );
      return changed;
    });
  }

  /** Rolls up today from its start to `until` (its session ids too; its p75s are never read). */
  async function recomputePartial(day: string, until: Date): Promise<void> {
    await inTransaction(async (client) => {
      const state = await readRollupState(client);
      // Only the watermark day (today, once every finished day is done) has a partial roll-up.
      if (state.watermark !== day) return;
      await client.query('DELETE FROM analytics_dirty_days WHERE day = $1::date', [day]);
      for (const table of ROLLUP_TABLES) await client.query(`DELETE FROM ${table} WHERE day = $1::date`, [day]);
      for (const sql of [...ADDITIVE, VITALS, SESSIONS]) await client.query(sql, [day, new Date(dayMs(day)).toISOString(), until.toISOString()]);
      // Not a version bump: only ranges reaching today read it, and those are cached briefly.
      await client.query(`UPDATE analytics_rollup_state SET partial_until = $1, updated_at = now() WHERE id = 1`, [until.toISOString()]);
    });
  }

  async function run(opts: RollupRunOptions = {}): Promise<RollupRunResult> {
    const started = Date.now();
    const nowMs = await clock(opts.now);
    const pending = await pendingDays(nowMs);
    const maxDays = opts.maxDays ?? Number.POSITIVE_INFINITY;
    const done: string[] = [];
    let changed = 0;
    let looked = 0;
    for (const { day, force } of pending) {
      // Bounded by the days actually recomputed (skipped ones cost a count or two).
      if (done.length >= maxDays) break;
      if (opts.budgetMs !== undefined && looked > 0 && Date.now() - started > opts.budgetMs) break;
      looked++;
      const result = await recomputeDay(day, force);
      if (result === null) continue;
      done.push(day);
      if (result) changed++;
    }
    const remaining = pending.length - looked;
    // After a catch-up the planner's row estimates of the roll-ups are far off until analysed.
    if (done.length >= 7) await pool.query(`ANALYZE ${[...ROLLUP_TABLES, ...MONTHLY_ROLLUP_TABLES].join(', ')}`).catch((error: unknown) => logger.warn('analytics roll-up: analyze failed', { message: (error as Error).message }));
    const until = nowMs - PARTIAL_MARGIN_MS;
    const today = dayKey(nowMs);
    if (remaining === 0 && opts.partial !== false && until > dayMs(today)) await recomputePartial(today, new Date(until));
    const state = await readRollupState(pool);
    if (done.length > 0) logger.debug('analytics roll-up', { days: done.length, changed, watermark: state.watermark, remaining, ms: Date.now() - started });
    return { days: done, changed, watermark: state.watermark, partialUntil: state.partialUntil, remaining };
  }

  return {
    run,
    /** For the scheduler: every five minutes on the leader PC; a long catch-up spans runs. */
    job(): JobDefinition {
      return {
        name: ROLLUP_JOB,
        schedule: async () => ROLLUP_SCHEDULE,
        // Under the interval, so that the next slot finds this run finished.
        run: async () => void (await run({ budgetMs: 4 * 60_000 })),
        catchUpMs: 10 * 60_000,
      };
    },
  };
}

export type RollupJob = ReturnType<typeof createRollupJob>;
