// Website traffic of a range: page views, sessions and car views per day, the most viewed
// cars and paths, and the referrers. Each query adds the roll-ups of the plan's finished
// months and days (and today's partial roll-up) to the same aggregate over the plan's raw
// rows; see range-plan.ts.
import type { CarFigureDto, DailyTrafficDto } from '../../api/dto-analytics';
import { reads, SqlParams, unionAll, type RangePlan } from './range-plan';
import type { Query } from './snapshot';

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
export async function dailyTraffic(query: Query, plan: RangePlan): Promise<DailyTrafficDto[]> {
  const p = new SqlParams();
  const r = reads(plan);
  // Today after the partial roll-up: a session it already counted is not counted again.
  const fresh = () =>
    plan.partial
      ? `NOT (x.day = ${p.add(plan.partial.day)}::date
           AND EXISTS (SELECT 1 FROM analytics_day_sessions s WHERE s.day = ${p.add(plan.partial.day)}::date AND s.session_id = x.session_id))`
      : 'true';
  // Sessions: distinct (day, session) pairs by hashing groups, cheaper than count(DISTINCT)'s sort.
  const sql = `
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(pv)::int AS "pageViews", sum(s)::int AS sessions, sum(cv)::int AS "carViews"
      FROM (${unionAll([
        r.rollup && `SELECT day, page_views AS pv, sessions AS s, car_views AS cv FROM analytics_daily_traffic WHERE ${p.rollupWhere('day', plan)}`,
        r.raw &&
          `SELECT x.day, sum(x.n) AS pv, count(x.session_id) FILTER (WHERE ${fresh()}) AS s, 0 AS cv
             FROM (SELECT created_at::date AS day, session_id, count(*) AS n FROM page_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY 1, 2) x
            GROUP BY x.day`,
        r.raw && `SELECT created_at::date AS day, 0 AS pv, 0 AS s, count(*) AS cv FROM car_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY 1`,
      ])}) t
     GROUP BY day`;
  const { rows } = await query<DailyTrafficDto>(sql, p.values);
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

export async function topCarsByViews(query: Query, plan: RangePlan): Promise<CarFigureDto[]> {
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
  return (await query<CarFigureDto>(sql, p.values)).rows;
}

export async function pagesByPath(query: Query, plan: RangePlan): Promise<{ path: string; views: number }[]> {
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
  return (await query<{ path: string; views: number }>(sql, p.values)).rows;
}

export async function referrers(query: Query, plan: RangePlan, siteHosts: readonly string[]): Promise<{ host: string; views: number }[]> {
  const p = new SqlParams();
  const r = reads(plan);
  // Few hosts a day: the daily rows are enough even over years.
  const sql = `
    SELECT host, sum(views)::int AS views
      FROM (${unionAll([
        r.rollup && `SELECT host, views FROM analytics_daily_referrer WHERE ${p.rollupWhere('day', plan)}`,
        // Grouped by the referrer first: the host is parsed once per distinct URL, not per row.
        r.raw &&
          `SELECT analytics_referrer_host(referrer) AS host, sum(n) AS views
             FROM (SELECT referrer, count(*) AS n FROM page_views WHERE ${p.rawWhere('created_at', plan)} GROUP BY referrer) g GROUP BY 1`,
      ])}) u
     WHERE NOT (host = ANY(${p.add(siteHosts)}::text[]))
     GROUP BY host ORDER BY views DESC, host LIMIT ${TOP_REFERRERS}`;
  return (await query<{ host: string; views: number }>(sql, p.values)).rows;
}

/** Everything the traffic charts show, its queries run side by side. */
export async function trafficFigures(query: Query, plan: RangePlan, siteHosts: readonly string[]): Promise<TrafficFigures> {
  const [viewsByDay, topCars, paths, refs] = await Promise.all([dailyTraffic(query, plan), topCarsByViews(query, plan), pagesByPath(query, plan), referrers(query, plan, siteHosts)]);
  return { totals: totalsOf(viewsByDay), viewsByDay, topCarsByViews: topCars, pagesByPath: paths, referrers: refs };
}
