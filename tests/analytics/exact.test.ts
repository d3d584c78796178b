// Every figure of the dashboards against a direct SQL computation over the raw rows
// (raw-dashboard.ts), on generated data plus hand-made edge rows, for ranges of whole days,
// ranges that cut through days, a range inside one day, ranges reaching today (read partly
// from today's partial roll-up), whole months (monthly roll-ups) and an empty range: before
// the roll-up job has run (everything raw), after it (roll-ups), and after new rows arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRollupState } from '../../electron/core/services/analytics/rollup-state';
import {
  analyticsFixture,
  anyCar,
  DAY,
  dropCache,
  expectDashboardExact,
  expectVitalsExact,
  HOUR,
  insertCarViews,
  insertPageViews,
  insertVitals,
  range,
  type Fixture,
  type Range,
} from './helpers';

let f: Fixture;

beforeAll(async () => {
  f = await analyticsFixture();
  const T = f.today;
  const car = await anyCar(f.pool);
  // Edges: a session across midnight (two sessions: one per UTC day), the first and last
  // millisecond of a day, no session, referrers of every shape, thresholds hit exactly.
  await insertPageViews(f.pool, [
    { at: T - 12 * DAY - 1, path: '/autot', session: 'edge-night', referrer: 'https://www.Google.com/search?q=auto' },
    { at: T - 12 * DAY, path: '/autot', session: 'edge-night', referrer: 'https://www.Google.com/search?q=auto' },
    { at: T - 12 * DAY, path: '/', session: null, referrer: '' },
    { at: T - 11 * DAY - 1, path: `/autot/${car.slug}`, session: null, referrer: 'android-app://com.google.android.gm/' },
    { at: T - 12 * DAY + 5 * HOUR, path: '/rahoitus', session: 'edge-x', referrer: 'not a url' },
    { at: T - 12 * DAY + 6 * HOUR, path: '/rahoitus', session: 'edge-x', referrer: 'https://user@Tori.fi:8443/x' },
  ]);
  await insertCarViews(f.pool, [
    { at: T - 12 * DAY, carId: car.id },
    { at: T - 11 * DAY - 1, carId: car.id },
  ]);
  await insertVitals(f.pool, [
    { at: T - 12 * DAY, name: 'CLS', value: 0.1, path: '/' },
    { at: T - 12 * DAY + 1, name: 'CLS', value: 0.25, path: '/' },
    { at: T - 12 * DAY + 2, name: 'LCP', value: 4000.0001, path: `/autot/${car.slug}` },
    { at: T - 12 * DAY + 3, name: 'FID', value: 99, path: '/' },
    { at: T - 11 * DAY - 1, name: 'INP', value: 200, path: '/autot' },
  ]);
}, 240_000);

afterAll(async () => f?.t.close());

function ranges(): [string, Range][] {
  const T = f.today;
  const now = Date.now();
  const d = new Date(T);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return [
    ['7 days, reaching today (preset)', range(T - 6 * DAY, T + DAY)],
    ['90 days, reaching today (preset)', range(T - 89 * DAY, T + DAY)],
    ['this year (preset)', range(Date.UTC(y, 0, 1), T + DAY)],
    ['whole past days', range(T - 40 * DAY, T - 10 * DAY)],
    ['cut through a day at both ends', range(T - 47 * DAY + 5 * HOUR + 17 * 60_000 + 123, T - 3 * DAY + 13 * HOUR)],
    ['the first and last millisecond of a day', range(T - 12 * DAY, T - 11 * DAY - 1)],
    ['inside one day', range(T - 2 * DAY + 3 * HOUR, T - 2 * DAY + 4 * HOUR + 1)],
    ['three whole months and some days', range(Date.UTC(y, m - 4, 1), Date.UTC(y, m - 1, 1) + 5 * DAY + 7 * HOUR)],
    ['ending a moment ago', range(T - 10 * DAY + 7 * HOUR, now - 20_000)],
    ['ending earlier today', range(T - 3 * DAY, Math.max(T + 1, now - 10 * 60_000))],
    ['no comparison', range(T - 30 * DAY, T + DAY, false)],
    ['empty: years before any data', range(Date.UTC(2015, 0, 1), Date.UTC(2015, 1, 1))],
  ];
}

async function expectAllExact(phase: string): Promise<void> {
  await dropCache(f);
  for (const [label, r] of ranges()) {
    await expectDashboardExact(f, f.users.VIEWER, r, `${phase}: ${label}`);
    for (const path of [null, '/autot/*', '/']) await expectVitalsExact(f, f.users.VIEWER, r, path, `${phase}: ${label}`);
  }
}

describe('the dashboards equal the raw rows', () => {
  it('before the roll-up job has run (every figure from raw rows)', async () => {
    expect((await readRollupState(f.pool)).watermark).toBeNull();
    await expectAllExact('raw');
  });

  it('after the roll-up job (finished days, months and today so far from roll-ups)', async () => {
    const run = await f.t.core.analytics.rollup.run();
    expect(run.remaining).toBe(0);
    expect(run.watermark).toBe(new Date(f.today).toISOString().slice(0, 10));
    expect(run.partialUntil).not.toBeNull();
    expect((await f.pool.query('SELECT count(*)::int AS n FROM analytics_monthly_path')).rows[0].n).toBeGreaterThan(0);
    await expectAllExact('rolled up');
  });

  it('with rows that arrived after today’s partial roll-up (sessions seen earlier today count once)', async () => {
    const now = Date.now();
    const car = await anyCar(f.pool);
    const state = await readRollupState(f.pool);
    const until = Date.parse(state.partialUntil!);
    const { rows } = await f.pool.query<{ session_id: string }>(
      `SELECT DISTINCT session_id FROM page_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND session_id IS NOT NULL ORDER BY session_id LIMIT 2`,
      [new Date(f.today).toISOString(), new Date(until).toISOString()],
    );
    const seen = rows.map((r) => r.session_id);
    await insertPageViews(f.pool, [
      ...seen.map((session) => ({ at: now - 15_000, path: '/autot', session })),
      { at: now - 14_000, path: '/', session: 'fresh-session-1' },
      { at: now - 13_000, path: '/rahoitus', session: 'fresh-session-1' },
      { at: now - 12_000, path: '/', session: null, referrer: 'https://www.facebook.com/' },
    ]);
    await insertCarViews(f.pool, [{ at: now - 11_000, carId: car.id }]);
    await insertVitals(f.pool, [{ at: now - 10_000, name: 'LCP', value: 5100, path: '/' }]);
    await expectAllExact('after new rows');
  });

  it('answers zeros, empty lists and nulls (never NaN) for a range without data', async () => {
    const d = await f.users.VIEWER.ok('analytics.dashboard', range(Date.UTC(2015, 0, 1), Date.UTC(2015, 0, 8)));
    expect(d.kpis.visits).toEqual({ value: 0, previous: 0 });
    expect(d.kpis.conversionPct).toEqual({ value: null, previous: null });
    expect(d.kpis.medianMinutesToFirstContact).toEqual({ value: null, previous: null });
    expect(d.kpis.avgDaysInStock).toEqual({ value: null, previous: null });
    expect(d.viewsByDay).toHaveLength(7);
    expect(d.viewsByDay.every((p) => p.pageViews === 0 && p.carViews === 0 && p.sessions === 0)).toBe(true);
    expect([d.topCarsByViews, d.topCarsByLeads, d.pagesByPath, d.referrers]).toEqual([[], [], [], []]);
    expect(d.stockAge.map((b) => b.count)).toEqual([0, 0, 0, 0]);
    const v = await f.users.VIEWER.ok('analytics.vitals', { from: d.range.from, to: d.range.to, path: null });
    expect(v.series.every((s) => s.days.every((p) => p.p75 === null && p.n === 0))).toBe(true);
    expect(v.routes).toEqual([]);
  });
});
