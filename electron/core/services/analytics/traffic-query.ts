// Website traffic of a range: page views, sessions and car views per day, the most viewed
// cars and paths, and the referrers. Each query adds the roll-ups of the plan's finished
// months and days (and today's partial roll-up) to the same aggregate over the plan's raw
// rows; see range-plan.ts.
import type pg from 'pg';
import type { CarFigureDto, DailyTrafficDto } from '../../api/dto-analytics';
import { reads, SqlParams, unionAll, type RangePlan } from './range-plan';

export interface TrafficTotals {
  pageViews: number;
  sessions: number;
  carViews: number;
}

export interface TrafficFigures {
  totals: TrafficTotals;
  viewsByDay: DailyTrafficDto[];
  topCarsByViews: CarFigureDto[];
  pagesByPath: { path: string; views: number }[];
  referrers: { host: string; views: number }[];
}

export const TOP_CARS = 10;
export const TOP_PATHS = 20;
export const TOP_REFERRERS = 10;

/** Page views, sessions (distinct session ids per UTC day) and car views of every day touched. */
export async function dailyTraffic(pool: pg.Pool, plan: RangePlan): Promise<DailyTrafficDto[]> {
  const p = new SqlParams();
  const r = reads(plan);
  // Today after the partial roll-up: a session it already counted is not counted again.
  const fresh = () =>
    plan.partial
      ? `NOT (created_at >= ${p.instant(plan.partial.until)} AND created_at::date = ${p.add(plan.partial.day)}::date
           AND EXISTS (SELECT 1 FROM analytics_day_sessions s WHERE s.day = ${p.add(plan.partial.day)}::date AND s.session_id = pv.session_id))`
      : 'true';
  const sql = `
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(pv)::int AS "pageViews", sum(s)::int AS sessions, sum(cv)::int AS "carViews"
      FROM (${unionAll([
        r.rollup && `SELECT day, page_views AS pv, sessions AS s, car_views AS cv FROM analytics_daily_traffic WHERE ${p.rollupWhere('day', plan)}`,
        r.raw && `SELECT created_at::date AS day, count(*) AS pv, count(DISTINCT session_id) FILTER (WHERE ${fresh()}) AS s, 0 AS cv FROM page_views pv WHERE ${p.rawWhere('created_at', plan)} GROUP BY 1`,
        r.raw && `SELECT created_at::date AS day, 0 AS pv, 0 AS s, count(*) AS cv FROM car_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY 1`,
      ])}) t
     GROUP BY day`;
  const { rows } = await pool.query<DailyTrafficDto>(sql, p.values);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return plan.days.map((day) => byDay.get(day) ?? { day, pageViews: 0, sessions: 0, carViews: 0 });
}

export function totalsOf(days: readonly DailyTrafficDto[]): TrafficTotals {
  const totals = { pageViews: 0, sessions: 0, carViews: 0 };
  for (const d of days) {
    totals.pageViews += d.pageViews;
    totals.sessions += d.sessions;
    totals.carViews += d.carViews;
  }
  return totals;
}

export async function topCarsByViews(pool: pg.Pool, plan: RangePlan): Promise<CarFigureDto[]> {
  const p = new SqlParams();
  const r = reads(plan);
  const sql = `
    SELECT v.car_id AS "carId", c.name, v.views::int AS value
      FROM (SELECT car_id, sum(views) AS views
              FROM (${unionAll([
                r.months && `SELECT car_id, views FROM analytics_monthly_car_views WHERE ${p.monthsWhere('month', plan)}`,
                r.dayRest && `SELECT car_id, views FROM analytics_daily_car_views WHERE ${p.dayRestWhere('day', plan)}`,
                r.raw && `SELECT car_id, count(*) AS views FROM car_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY car_id`,
              ])}) u
             GROUP BY car_id ORDER BY views DESC, car_id LIMIT ${TOP_CARS}) v
      LEFT JOIN cars c ON c.id = v.car_id
     ORDER BY v.views DESC, v.car_id`;
  return (await pool.query<CarFigureDto>(sql, p.values)).rows;
}

export async function pagesByPath(pool: pg.Pool, plan: RangePlan): Promise<{ path: string; views: number }[]> {
  const p = new SqlParams();
  const r = reads(plan);
  const sql = `
    SELECT path, sum(views)::int AS views
      FROM (${unionAll([
        r.months && `SELECT path, views FROM analytics_monthly_path WHERE ${p.monthsWhere('month', plan)}`,
        r.dayRest && `SELECT path, views FROM analytics_daily_path WHERE ${p.dayRestWhere('day', plan)}`,
        r.raw && `SELECT path, count(*) AS views FROM page_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY path`,
      ])}) u
     GROUP BY path ORDER BY views DESC, path LIMIT ${TOP_PATHS}`;
  return (await pool.query<{ path: string; views: number }>(sql, p.values)).rows;
}

export async function referrers(pool: pg.Pool, plan: RangePlan, siteHosts: readonly string[]): Promise<{ host: string; views: number }[]> {
  const p = new SqlParams();
  const r = reads(plan);
  // Few hosts a day: the daily rows are enough even over years.
  const sql = `
    SELECT host, sum(views)::int AS views
      FROM (${unionAll([
        r.rollup && `SELECT host, views FROM analytics_daily_referrer WHERE ${p.rollupWhere('day', plan)}`,
        r.raw && `SELECT analytics_referrer_host(referrer) AS host, count(*) AS views FROM page_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY 1`,
      ])}) u
     WHERE NOT (host = ANY(${p.add(siteHosts)}::text[]))
     GROUP BY host ORDER BY views DESC, host LIMIT ${TOP_REFERRERS}`;
  return (await pool.query<{ host: string; views: number }>(sql, p.values)).rows;
}

/** Everything the traffic charts show, its queries run side by side. */
export async function trafficFigures(pool: pg.Pool, plan: RangePlan, siteHosts: readonly string[]): Promise<TrafficFigures> {
  const [viewsByDay, topCars, paths, refs] = await Promise.all([dailyTraffic(pool, plan), topCarsByViews(pool, plan), pagesByPath(pool, plan), referrers(pool, plan, siteHosts)]);
  return { totals: totalsOf(viewsByDay), viewsByDay, topCarsByViews: topCars, pagesByPath: paths, referrers: refs };
}
