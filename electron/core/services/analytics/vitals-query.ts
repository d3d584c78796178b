// Core Web Vitals of a range: the 75th percentile per UTC day and metric (for every page or
// one route), the good / needs-improvement / poor counts, and the routes that have samples.
// A day's p75 comes from that day's rows only (a roll-up for a finished day, the raw rows of
// the part of a day inside the range otherwise): percentiles do not add up across days.
import { VITAL_NAMES, type VitalName, type VitalsDto } from '../../api/dto-analytics';
import { reads, SqlParams, unionAll, type RangePlan } from './range-plan';
import type { Query } from './snapshot';
import { ratingConditions, ratingCounts, VITAL_NAMES_SQL } from './vital-sql';

export const TOP_ROUTES = 30;

/**
 * `plan` may use today's partial roll-up (its rating counts add up); `daysPlan`, for the
 * per-day percentiles, must not.
 */
export async function vitalsFigures(query: Query, plan: RangePlan, daysPlan: RangePlan, path: string | null): Promise<Omit<VitalsDto, 'range'>> {
  if (daysPlan.partial) throw new Error('Percentiles cannot come from a partial day.');
  const route = path ?? '*';
  const r = reads(plan);
  const rd = reads(daysPlan);

  const daily = new SqlParams();
  const dailyRoute = daily.add(route);
  const dailySql = unionAll([
    rd.rollup && `SELECT name, to_char(day, 'YYYY-MM-DD') AS day, p75, n FROM analytics_daily_vitals WHERE ${daily.rollupWhere('day', daysPlan)} AND path = ${dailyRoute}`,
    rd.raw &&
      `SELECT name, to_char(created_at::date, 'YYYY-MM-DD') AS day, percentile_cont(0.75) WITHIN GROUP (ORDER BY value) AS p75, count(*)::int AS n FROM web_vitals
        WHERE ${daily.rawWhere('created_at', daysPlan)} AND name = ANY(${VITAL_NAMES_SQL}) AND (${dailyRoute} = '*' OR analytics_route(path) = ${dailyRoute})
        GROUP BY 1, 2`,
  ]);

  const summary = new SqlParams();
  const summaryRoute = summary.add(route);
  const summarySql = `
    SELECT name, sum(n)::int AS n, sum(good)::int AS good, sum(ni)::int AS "needsImprovement", sum(poor)::int AS poor
      FROM (${unionAll([
        r.months && `SELECT name, n, good, needs_improvement AS ni, poor FROM analytics_monthly_vitals WHERE ${summary.monthsWhere('month', plan)} AND path = ${summaryRoute}`,
        r.dayRest && `SELECT name, n, good, needs_improvement AS ni, poor FROM analytics_daily_vitals WHERE ${summary.dayRestWhere('day', plan)} AND path = ${summaryRoute}`,
        r.raw &&
          `SELECT name, count(*)::int AS n, ${ratingCounts('name', 'value', ['good', 'ni', 'poor'])} FROM web_vitals
            WHERE ${summary.rawWhere('created_at', plan)} AND name = ANY(${VITAL_NAMES_SQL}) AND (${summaryRoute} = '*' OR analytics_route(path) = ${summaryRoute})
            GROUP BY name`,
      ])}) u
     GROUP BY name`;

  const routes = new SqlParams();
  const routesSql = `
    SELECT path, sum(n)::int AS n, sum(poor)::int AS poor
      FROM (${unionAll([
        r.months && `SELECT path, n, poor FROM analytics_monthly_vitals WHERE ${routes.monthsWhere('month', plan)} AND path <> '*'`,
        r.dayRest && `SELECT path, n, poor FROM analytics_daily_vitals WHERE ${routes.dayRestWhere('day', plan)} AND path <> '*'`,
        r.raw &&
          // Grouped by path first: the route is worked out once per distinct path, not per row.
          `SELECT analytics_route(path) AS path, sum(n)::int AS n, sum(poor)::int AS poor
             FROM (SELECT path, count(*) AS n, count(*) FILTER (WHERE ${ratingConditions().poor}) AS poor FROM web_vitals
                    WHERE ${routes.rawWhere('created_at', plan)} AND name = ANY(${VITAL_NAMES_SQL}) GROUP BY path) g GROUP BY 1`,
      ])}) u
     GROUP BY path ORDER BY n DESC, path LIMIT ${TOP_ROUTES}`;

  const [d, s, rt] = await Promise.all([
    query<{ name: VitalName; day: string; p75: number; n: number }>(dailySql, daily.values),
    query<{ name: VitalName; n: number; good: number; needsImprovement: number; poor: number }>(summarySql, summary.values),
    query<{ path: string; n: number; poor: number }>(routesSql, routes.values),
  ]);

  const byKey = new Map(d.rows.map((row) => [`${row.name} ${row.day}`, row]));
  const byName = new Map(s.rows.map((row) => [row.name, row]));
  return {
    path,
    series: VITAL_NAMES.map((name) => ({
      name,
      days: daysPlan.days.map((day) => {
        const row = byKey.get(`${name} ${day}`);
        return { day, p75: row ? row.p75 : null, n: row?.n ?? 0 };
      }),
    })),
    summary: VITAL_NAMES.map((name) => byName.get(name) ?? { name, n: 0, good: 0, needsImprovement: 0, poor: 0 }),
    routes: rt.rows,
  };
}
