// The roll-up job: idempotent, catches up after the app was off for days (in bounded runs),
// recomputes a day whose raw rows were deleted, and runs on one PC only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electLeader } from '../../electron/core/jobs/leader';
import { startScheduler, type JobDefinition } from '../../electron/core/jobs/scheduler';
import { quietLogger } from '../../electron/core/logger';
import { MONTHLY_ROLLUP_TABLES, ROLLUP_JOB, ROLLUP_TABLES } from '../../electron/core/services/analytics/rollup-job';
import { readRollupState } from '../../electron/core/services/analytics/rollup-state';
import { analyticsFixture, DAY, dropCache, expectDashboardExact, expectVitalsExact, HOUR, insertCarViews, insertPageViews, insertVitals, iso, range, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await analyticsFixture();
  await f.t.core.analytics.rollup.run();
}, 240_000);
afterAll(async () => f?.t.close());

const TABLES = [...ROLLUP_TABLES.filter((t) => t !== 'analytics_day_sessions'), ...MONTHLY_ROLLUP_TABLES];

/** A digest of every roll-up row (the computed_at stamp left out). */
async function rollupDigest(): Promise<string[]> {
  const out: string[] = [];
  for (const table of TABLES) {
    const { rows } = await f.pool.query<{ d: string }>(`SELECT md5(coalesce(string_agg((to_jsonb(t) - 'computed_at')::text, '|' ORDER BY (to_jsonb(t) - 'computed_at')::text), '')) AS d FROM ${table} t`);
    out.push(`${table}:${rows[0]!.d}`);
  }
  return out;
}

async function expectExactAround(label: string): Promise<void> {
  const T = f.today;
  await dropCache(f);
  for (const r of [range(T - 6 * DAY, T + DAY), range(T - 9 * DAY + 3 * HOUR, T - DAY + 20 * HOUR), range(T - 60 * DAY, T - 2 * DAY)]) {
    await expectDashboardExact(f, f.users.VIEWER, r, `${label} ${r.from}…${r.to}`);
    await expectVitalsExact(f, f.users.VIEWER, r, null, label);
  }
}

describe('the roll-up job', () => {
  it('is idempotent: running it again changes nothing and bumps no version', async () => {
    const before = await rollupDigest();
    const state = await readRollupState(f.pool);
    const again = await f.t.core.analytics.rollup.run();
    expect(again).toMatchObject({ days: [], changed: 0, remaining: 0, watermark: state.watermark });
    expect(await rollupDigest()).toEqual(before);
    expect((await readRollupState(f.pool)).version).toBe(state.version);
  });

  it('catches up after the app was off for days, in bounded runs, exact all along', async () => {
    const T = f.today;
    const back = T - 6 * DAY;
    const backDay = iso(back).slice(0, 10);
    // As if the last run was six days ago: nothing rolled up since.
    await f.pool.query(`UPDATE analytics_rollup_state SET watermark = $1::date, partial_until = NULL WHERE id = 1`, [backDay]);
    for (const table of [...TABLES.filter((t) => t.includes('daily')), 'analytics_day_sessions']) await f.pool.query(`DELETE FROM ${table} WHERE day >= $1::date`, [backDay]);
    for (const table of TABLES.filter((t) => t.includes('monthly'))) await f.pool.query(`DELETE FROM ${table} WHERE (month + interval '1 month')::date > $1::date`, [backDay]);

    // Meanwhile the website kept writing.
    const { rows: cars } = await f.pool.query<{ id: string }>('SELECT id FROM cars ORDER BY id LIMIT 3');
    for (let d = back; d < T; d += DAY) {
      await insertPageViews(f.pool, [
        { at: d + 2 * HOUR, path: '/autot', session: `off-${d}`, referrer: 'https://www.bing.com/' },
        { at: d + 2 * HOUR + 60_000, path: '/rahoitus', session: `off-${d}` },
        { at: d + 23 * HOUR, path: '/', session: null },
      ]);
      await insertCarViews(f.pool, cars.map((c, i) => ({ at: d + (i + 1) * HOUR, carId: c.id })));
      await insertVitals(f.pool, [{ at: d + 9 * HOUR, name: 'TTFB', value: 1900 + d / DAY, path: '/autot' }]);
    }
    await expectExactAround('off for six days');

    const first = await f.t.core.analytics.rollup.run({ maxDays: 4 });
    expect(first.remaining).toBeGreaterThan(0);
    expect(first.watermark! > backDay && first.watermark! < iso(T).slice(0, 10)).toBe(true);
    await expectExactAround('half caught up');

    const rest = await f.t.core.analytics.rollup.run();
    expect(rest.remaining).toBe(0);
    expect(rest.watermark).toBe(iso(T).slice(0, 10));
    await expectExactAround('caught up');

    // The roll-up rows themselves hold the new rows.
    const { rows } = await f.pool.query<{ day: string; rolled: number; raw: number }>(
      `SELECT to_char(t.day, 'YYYY-MM-DD') AS day, t.page_views AS rolled,
              (SELECT count(*)::int FROM page_views WHERE created_at::date = t.day) AS raw
         FROM analytics_daily_traffic t WHERE t.day >= $1::date AND t.day < $2::date ORDER BY t.day`,
      [backDay, iso(T).slice(0, 10)],
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r.rolled, r.day).toBe(r.raw);
  });

  it('reads a day raw as soon as rows are deleted from it (a car purged with its views), then recomputes it', async () => {
    const T = f.today;
    const closed = range(T - 50 * DAY, T - 8 * DAY);
    const before = await f.users.VIEWER.ok('analytics.dashboard', closed);
    const top = before.topCarsByViews[0]!;
    // Every day of its views that a roll-up covers (finished days and today up to the partial's end).
    const covered = await readRollupState(f.pool);
    const { rows: viewDays } = await f.pool.query<{ n: number }>(
      `SELECT count(DISTINCT created_at::date)::int AS n FROM car_views WHERE car_id = $1 AND created_at < $2::timestamp`,
      [top.carId, covered.partialUntil ?? iso(T)],
    );
    await f.pool.query('DELETE FROM cars WHERE id = $1', [top.carId]);
    const state = await readRollupState(f.pool);
    expect(state.dirty.length).toBe(viewDays[0]!.n);

    // The traffic part is not dropped from the cache: the deletion changed the version it is
    // keyed by. Leads and stock (the car is gone from them too) are kept one minute by design.
    await f.t.core.cache.delPattern('analytics:business:*');
    const after = await expectDashboardExact(f, f.users.VIEWER, closed, 'right after the purge');
    expect(after.topCarsByViews.map((c) => c.carId)).not.toContain(top.carId);
    expect(after.kpis.carViews.value).toBe(before.kpis.carViews.value! - top.value);

    await f.t.core.analytics.rollup.run();
    expect((await readRollupState(f.pool)).dirty).toEqual([]);
    const { rows: left } = await f.pool.query('SELECT 1 FROM analytics_daily_car_views WHERE car_id = $1 UNION ALL SELECT 1 FROM analytics_monthly_car_views WHERE car_id = $1', [top.carId]);
    expect(left).toEqual([]);
    await expectExactAround('after recomputing the purged days');
  });

  it('two runs at once (two PCs pressing the same button) leave the same roll-ups', async () => {
    const T = f.today;
    await insertPageViews(f.pool, [{ at: T - 2 * DAY + HOUR, path: '/meista', session: 'late-row' }]);
    await Promise.all([f.t.core.analytics.rollup.run(), f.t.core.analytics.rollup.run()]);
    await expectExactAround('after two concurrent runs');
  });

  it('runs on one PC only: two schedulers, one leader, each slot once', async () => {
    const logger = quietLogger();
    const runs: string[] = [];
    const job = f.t.core.analytics.jobs().find((j) => j.name === ROLLUP_JOB)!;
    expect(await job.schedule()).toBe('*/5 * * * *');
    const onPc = (pc: string): JobDefinition => ({
      ...job,
      run: async (slot) => {
        runs.push(`${pc}@${slot.toISOString()}`);
        await job.run(slot);
      },
    });
    const pcs = ['a', 'b'].map((pc) =>
      startScheduler({ url: f.t.database.url, pool: f.t.core.pool, jobs: [onPc(pc)], logger, tickMs: 3_600_000, leadership: electLeader({ url: f.t.database.url, logger, retryMs: 100 }) }),
    );
    const waitFor = async (check: () => Promise<boolean> | boolean) => {
      const until = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > until) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      await waitFor(() => pcs.some((s) => s.isLeader()));
      await new Promise((r) => setTimeout(r, 300));
      expect(pcs.filter((s) => s.isLeader())).toHaveLength(1);
      const now = new Date();
      await Promise.all(pcs.flatMap((s) => [s.tick(now), s.tick(now)]));
      await waitFor(async () => (await f.pool.query(`SELECT 1 FROM job_runs WHERE job = $1 AND status = 'done'`, [ROLLUP_JOB])).rowCount === 1);
      expect(runs).toHaveLength(1);
      // The next slot, five minutes on: once more, on the leader.
      const later = new Date(now.getTime() + 5 * 60_000);
      await Promise.all(pcs.map((s) => s.tick(later)));
      await waitFor(async () => (await f.pool.query(`SELECT 1 FROM job_runs WHERE job = $1 AND status = 'done'`, [ROLLUP_JOB])).rowCount === 2);
      expect(new Set(runs.map((r) => r.split('@')[0])).size).toBe(1);
    } finally {
      for (const s of pcs) await s.stop();
    }
  });
});
