// `npm run bench -- analytics`: on 10 million page views, 5 million car views and a million
// web-vital rows (--quick: a fiftieth), the roll-up job from scratch and in its steady state,
// then the whole dashboard (analytics.dashboard and analytics.vitals side by side, as the
// screen loads them) through the router on a cache miss and a hit, beside the same figures
// computed over the raw rows with bare SQL (tests/analytics/raw-dashboard.ts).
//
// The data set ends at 2026-11-25T00:00Z; the job runs as if it were 23:55 that evening, so
// the 90-day preset reads today's partial roll-up plus the last minutes raw, as at the end of
// a busy day. Another range cuts through days at both ends (raw edges).
import os from 'node:os';
import pg from 'pg';
import type { ChannelInput } from '../../electron/core/api/contract';
import { DEFAULT_SITE_HOSTS } from '../../electron/core/services/analytics/analytics-service';
import { ROLLUP_TABLES as DAILY_ROLLUP_TABLES, MONTHLY_ROLLUP_TABLES } from '../../electron/core/services/analytics/rollup-job';
import { rawDashboard, rawVitals } from '../../tests/analytics/raw-dashboard';
import { benchCore, signedIn } from './bench-core';
import { ensureDataset } from './dataset';
import { measure, summarize, withBaseline, type BenchResult } from './stats';

const DAY = 86_400_000;
const DATA_END = Date.parse('2026-11-25T00:00:00Z');
/** "Now" for the roll-up job: five minutes before the data set's last midnight. */
const JOB_NOW = new Date(DATA_END - 5 * 60_000);
const iso = (ms: number) => new Date(ms).toISOString();

const ROLLUP_TABLES = [...DAILY_ROLLUP_TABLES, ...MONTHLY_ROLLUP_TABLES, 'analytics_dirty_days'];

interface RangeCase {
  name: string;
  input: ChannelInput<'analytics.dashboard'> & { from: string; to: string };
  /** Raw-SQL baseline samples (slow on the full data set). */
  baseline: number;
}

export async function benchAnalytics(quick: boolean): Promise<BenchResult[]> {
  // Keys in jsonb's own order (by length, then bytes): ensureDataset compares the stored
  // marker as a string, and any other order would make it seed the data set again every run.
  const size = quick
    ? { cars: 300, leads: 1000, views: 100_000, vitals: 20_000, pageViews: 200_000 }
    : { cars: 1000, leads: 5000, views: 5_000_000, vitals: 1_000_000, pageViews: 10_000_000 };
  const url = await ensureDataset(quick ? 'kroi_bench_analytics_quick' : 'kroi_bench_analytics', size);
  const core = await benchCore(url);
  const bare = new pg.Pool({ connectionString: url, max: 8, options: '-c TimeZone=UTC' });
  const results: BenchResult[] = [];
  const rows = size.pageViews + size.views + size.vitals;
  const extra = () => ({ page_views: size.pageViews, car_views: size.views, web_vitals: size.vitals, load1: Math.round(os.loadavg()[0]! * 100) / 100, cpus: os.cpus().length });
  try {
    // The roll-up job from nothing: every day of the data set, then the months.
    await bare.query(`UPDATE analytics_rollup_state SET watermark = NULL, partial_until = NULL, version = version + 1 WHERE id = 1`);
    for (const table of ROLLUP_TABLES) await bare.query(`DELETE FROM ${table}`);
    const started = performance.now();
    const first = await core.analytics.rollup.run({ now: JOB_NOW });
    const fullMs = performance.now() - started;
    results.push({ bench: 'analytics.rollup.from-scratch', n: 1, p50_ms: Math.round(fullMs), p95_ms: Math.round(fullMs), rows, days: first.days.length, ...extra() });
    // Its steady state: the run every five minutes (last week looked at, today so far redone).
    const steady = await measure(quick ? 5 : 10, () => core.analytics.rollup.run({ now: JOB_NOW }), { warmup: 1 });
    results.push({ bench: 'analytics.rollup.every-5-min', ...summarize(steady), rows, ...extra() });

    const viewer = await signedIn(core, 'VIEWER');
    const end = Math.floor(JOB_NOW.getTime() / DAY) * DAY + DAY;
    const cases: RangeCase[] = [
      { name: '90d', input: { from: iso(end - 90 * DAY), to: iso(end), compare: true }, baseline: quick ? 10 : 3 },
      { name: '90d.cut', input: { from: iso(end - 90 * DAY + 13 * 3_600_000 + 37 * 60_000), to: iso(end - DAY + 9 * 3_600_000 + 15 * 60_000), compare: true }, baseline: quick ? 10 : 3 },
      { name: 'year', input: { from: iso(Date.UTC(2026, 0, 1)), to: iso(end), compare: true }, baseline: quick ? 5 : 2 },
    ];
    const n = quick ? 60 : 200;
    const dropAnalytics = () => core.cache.delPattern('analytics:*');

    for (const c of cases) {
      const whole = () =>
        Promise.all([viewer.call('analytics.dashboard', c.input), viewer.call('analytics.vitals', { from: c.input.from, to: c.input.to, path: null })]);
      // Cache miss: analytics:* dropped before each call (untimed), so every call reads PostgreSQL.
      const miss = await measure(n, whole, { before: dropAnalytics });
      const sample = await viewer.call('analytics.dashboard', c.input);
      const rawWhole = () =>
        Promise.all([
          rawDashboard(bare, { from: c.input.from, to: c.input.to, compare: true }, { stockAt: sample.stockAt, previousStockAt: sample.previousStockAt, siteHosts: DEFAULT_SITE_HOSTS }),
          rawVitals(bare, { from: c.input.from, to: c.input.to, path: null }),
        ]);
      const baseline = await measure(c.baseline, rawWhole, { warmup: 1 });
      results.push(withBaseline({ bench: `analytics.dashboard.${c.name}.miss`, ...summarize(miss), rows, from: c.input.from, to: c.input.to, ...extra() }, 'bare SQL over raw rows', baseline));
      if (c.name === '90d') {
        const hit = await measure(n, whole);
        results.push(withBaseline({ bench: `analytics.dashboard.${c.name}.hit`, ...summarize(hit), rows, ...extra() }, 'bare SQL over raw rows', baseline));
      }
    }

    // The car editor's chart: a car's views per day over 90 days (roll-ups + today raw).
    const { rows: cars } = await bare.query<{ id: string }>('SELECT car_id AS id FROM car_stats ORDER BY views DESC LIMIT 50');
    const carId = (i: number) => cars[i % cars.length]!.id;
    const carMiss = await measure(n, (i) => viewer.call('cars.views', { id: carId(i) }), { before: dropAnalytics });
    const carRaw = await measure(Math.min(n, 50), (i) =>
      bare.query(
        `SELECT created_at::date AS day, count(*) FROM car_views WHERE car_id = $1 AND created_at >= $2::timestamp AND created_at < $3::timestamp GROUP BY 1`,
        [carId(i), iso(end - 90 * DAY), iso(end)],
      ),
    );
    results.push(withBaseline({ bench: 'analytics.car-views.miss', ...summarize(carMiss), rows: size.views, ...extra() }, 'bare SQL over raw rows', carRaw));
  } finally {
    await bare.end();
    await core.close();
  }
  return results;
}
