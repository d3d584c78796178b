// The dashboards computed straight from the raw rows, with plain SQL and none of the
// service's code: the definition every figure is checked against (tests/analytics) and the
// bare-SQL baseline of the benchmark. Definitions: electron/core/services/analytics/README.md.
import type pg from 'pg';
import type { CarFigureDto, DashboardDto, KpiDto, StockAgeDto, VitalsDto } from '../../electron/core/api/dto-analytics';
import { STOCK_AGE_BUCKETS, VITAL_NAMES, VITAL_THRESHOLDS, type VitalName } from '../../electron/core/api/dto-analytics';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from '../../electron/core/api/enums';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface RawOptions {
  /** Where stock is counted (the dashboard answers it in stockAt / previousStockAt). */
  stockAt: string;
  previousStockAt: string | null;
  siteHosts: readonly string[];
}

function utcDays(fromMs: number, toMs: number): string[] {
  const days: string[] = [];
  for (let d = Math.floor(fromMs / DAY) * DAY; d < toMs; d += DAY) days.push(iso(d).slice(0, 10));
  return days;
}

interface Totals {
  pageViews: number;
  sessions: number;
  carViews: number;
  leads: number;
  carLeads: number;
  median: number | null;
  inStock: number;
  avgDays: number | null;
  sold: number;
  soldValue: number;
}

async function totals(pool: pg.Pool, from: string, to: string, stockAt: string): Promise<Totals> {
  const { rows } = await pool.query(
    `SELECT
       (SELECT count(*) FROM page_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp)::int AS page_views,
       (SELECT count(*) FROM (SELECT DISTINCT created_at::date, session_id FROM page_views
          WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND session_id IS NOT NULL) s)::int AS sessions,
       (SELECT count(*) FROM car_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp)::int AS car_views,
       (SELECT count(*) FROM contact_submissions WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND status <> 'SPAM')::int AS leads,
       (SELECT count(*) FROM contact_submissions WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND status <> 'SPAM' AND car_id IS NOT NULL)::int AS car_leads,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_contacted_at - created_at) / 60) FROM contact_submissions
          WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND status <> 'SPAM' AND first_contacted_at IS NOT NULL) AS median,
       (SELECT count(*) FROM cars WHERE status NOT IN ('INCOMING', 'ARCHIVED') AND stocked_at < $3::timestamp
          AND (sold_at IS NULL OR sold_at >= $3::timestamp) AND (deleted_at IS NULL OR deleted_at >= $3::timestamp))::int AS in_stock,
       (SELECT avg(extract(epoch FROM $3::timestamp - stocked_at) / 86400)::float8 FROM cars WHERE status NOT IN ('INCOMING', 'ARCHIVED') AND stocked_at < $3::timestamp
          AND (sold_at IS NULL OR sold_at >= $3::timestamp) AND (deleted_at IS NULL OR deleted_at >= $3::timestamp)) AS avg_days,
       (SELECT count(*) FROM cars WHERE sold_at >= $1::timestamp AND sold_at < $2::timestamp)::int AS sold,
       (SELECT coalesce(sum(sold_price_eur), 0)::text FROM cars WHERE sold_at >= $1::timestamp AND sold_at < $2::timestamp) AS sold_value`,
    [from, to, stockAt],
  );
  const r = rows[0];
  return {
    pageViews: r.page_views,
    sessions: r.sessions,
    carViews: r.car_views,
    leads: r.leads,
    carLeads: r.car_leads,
    median: r.median,
    inStock: r.in_stock,
    avgDays: r.avg_days,
    sold: r.sold,
    soldValue: Number(r.sold_value),
  };
}

const conversion = (leads: number, views: number) => (views > 0 ? (100 * leads) / views : null);

export async function rawDashboard(pool: pg.Pool, range: { from: string; to: string; compare: boolean }, opts: RawOptions): Promise<Omit<DashboardDto, 'rolledUpTo'>> {
  const fromMs = Date.parse(range.from);
  const toMs = Date.parse(range.to);
  const prevFrom = iso(fromMs - (toMs - fromMs));
  const args = [range.from, range.to];

  const [cur, prev, daily, carViewTop, carLeadTop, status, source, paths, refs, age] = await Promise.all([
    totals(pool, range.from, range.to, opts.stockAt),
    range.compare ? totals(pool, prevFrom, range.from, opts.previousStockAt!) : null,
    pool.query<{ day: string; pv: number; s: number; cv: number }>(
      `SELECT day, sum(pv)::int AS pv, sum(s)::int AS s, sum(cv)::int AS cv FROM (
         SELECT to_char(created_at::date, 'YYYY-MM-DD') AS day, count(*) AS pv, count(DISTINCT session_id) AS s, 0 AS cv
           FROM page_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp GROUP BY 1
         UNION ALL
         SELECT to_char(created_at::date, 'YYYY-MM-DD'), 0, 0, count(*) FROM car_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp GROUP BY 1) t
       GROUP BY day`,
      args,
    ),
    pool.query<CarFigureDto>(
      `SELECT v.car_id AS "carId", c.name, v.n AS value FROM (
         SELECT car_id, count(*)::int AS n FROM car_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp
          GROUP BY car_id ORDER BY n DESC, car_id LIMIT 10) v LEFT JOIN cars c ON c.id = v.car_id ORDER BY v.n DESC, v.car_id`,
      args,
    ),
    pool.query<CarFigureDto>(
      `SELECT l.car_id AS "carId", c.name, l.n AS value FROM (
         SELECT car_id, count(*)::int AS n FROM contact_submissions WHERE created_at >= $1::timestamp AND created_at < $2::timestamp
            AND status <> 'SPAM' AND car_id IS NOT NULL GROUP BY car_id ORDER BY n DESC, car_id LIMIT 10) l
         LEFT JOIN cars c ON c.id = l.car_id ORDER BY l.n DESC, l.car_id`,
      args,
    ),
    pool.query<{ status: LeadStatus; n: number }>(`SELECT status, count(*)::int AS n FROM contact_submissions WHERE created_at >= $1::timestamp AND created_at < $2::timestamp GROUP BY 1`, args),
    pool.query<{ source: LeadSource; n: number }>(
      `SELECT source, count(*)::int AS n FROM contact_submissions WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND status <> 'SPAM' GROUP BY 1`,
      args,
    ),
    pool.query<{ path: string; views: number }>(
      `SELECT path, count(*)::int AS views FROM page_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp GROUP BY path ORDER BY views DESC, path LIMIT 20`,
      args,
    ),
    pool.query<{ host: string; views: number }>(
      `SELECT host, count(*)::int AS views FROM (SELECT analytics_referrer_host(referrer) AS host FROM page_views WHERE created_at >= $1::timestamp AND created_at < $2::timestamp) r
        WHERE NOT (host = ANY($3::text[])) GROUP BY host ORDER BY views DESC, host LIMIT 10`,
      [...args, opts.siteHosts],
    ),
    pool.query<{ id: string; name: string; days: number; stocked_at: Date }>(
      `SELECT id, name, floor(extract(epoch FROM $1::timestamp - stocked_at) / 86400)::int AS days, stocked_at FROM cars
        WHERE status NOT IN ('INCOMING', 'ARCHIVED') AND stocked_at < $1::timestamp
          AND (sold_at IS NULL OR sold_at >= $1::timestamp) AND (deleted_at IS NULL OR deleted_at >= $1::timestamp)
        ORDER BY stocked_at, id`,
      [opts.stockAt],
    ),
  ]);

  const byDay = new Map(daily.rows.map((r) => [r.day, r]));
  const bucketOf = (days: number) => (days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '90+');
  const stockAge: StockAgeDto[] = STOCK_AGE_BUCKETS.map((bucket) => {
    const cars = age.rows.filter((c) => bucketOf(c.days) === bucket);
    return { bucket, count: cars.length, cars: cars.slice(0, 50).map((c) => ({ id: c.id, name: c.name, days: c.days })) };
  });
  const statusCount = new Map(status.rows.map((r) => [r.status, r.n]));
  const sourceCount = new Map(source.rows.map((r) => [r.source, r.n]));
  const kpi = (value: number | null, previous: number | null): KpiDto => ({ value, previous: range.compare ? previous : null });

  return {
    range: { from: range.from, to: range.to },
    previous: range.compare ? { from: prevFrom, to: range.from } : null,
    stockAt: opts.stockAt,
    previousStockAt: range.compare ? opts.previousStockAt : null,
    kpis: {
      visits: kpi(cur.pageViews, prev?.pageViews ?? null),
      sessions: kpi(cur.sessions, prev?.sessions ?? null),
      carViews: kpi(cur.carViews, prev?.carViews ?? null),
      leads: kpi(cur.leads, prev?.leads ?? null),
      conversionPct: kpi(conversion(cur.carLeads, cur.carViews), prev ? conversion(prev.carLeads, prev.carViews) : null),
      medianMinutesToFirstContact: kpi(cur.median, prev?.median ?? null),
      carsInStock: kpi(cur.inStock, prev?.inStock ?? null),
      avgDaysInStock: kpi(cur.avgDays, prev?.avgDays ?? null),
      carsSold: kpi(cur.sold, prev?.sold ?? null),
      soldValueEur: kpi(cur.soldValue, prev?.soldValue ?? null),
    },
    viewsByDay: utcDays(fromMs, toMs).map((day) => {
      const r = byDay.get(day);
      return { day, pageViews: r?.pv ?? 0, sessions: r?.s ?? 0, carViews: r?.cv ?? 0 };
    }),
    topCarsByViews: carViewTop.rows,
    topCarsByLeads: carLeadTop.rows,
    leadsByStatus: LEAD_STATUSES.filter((s) => s !== 'SPAM').map((s) => ({ status: s, count: statusCount.get(s) ?? 0 })),
    leadsBySource: LEAD_SOURCES.map((s) => ({ source: s, count: sourceCount.get(s) ?? 0 })),
    spamLeads: statusCount.get('SPAM') ?? 0,
    pagesByPath: paths.rows,
    referrers: refs.rows,
    stockAge,
  };
}

const vitalCase = (which: 0 | 1) => `CASE name ${VITAL_NAMES.map((n) => `WHEN '${n}' THEN ${VITAL_THRESHOLDS[n][which]}`).join(' ')} END`;

export async function rawVitals(pool: pg.Pool, range: { from: string; to: string; path: string | null }): Promise<VitalsDto> {
  const route = `CASE WHEN path ~ '^/autot/[^/?#]+/?$' THEN '/autot/*' ELSE path END`;
  const names = [...VITAL_NAMES];
  const args = [range.from, range.to, names, range.path];
  const inRange = `created_at >= $1::timestamp AND created_at < $2::timestamp AND name = ANY($3::text[])`;
  const onPath = `($4::text IS NULL OR ${route} = $4::text)`;
  const [daily, summary, routes] = await Promise.all([
    pool.query<{ name: VitalName; day: string; p75: number; n: number }>(
      `SELECT name, to_char(created_at::date, 'YYYY-MM-DD') AS day, percentile_cont(0.75) WITHIN GROUP (ORDER BY value) AS p75, count(*)::int AS n
         FROM web_vitals WHERE ${inRange} AND ${onPath} GROUP BY 1, 2`,
      args,
    ),
    pool.query<{ name: VitalName; n: number; good: number; ni: number; poor: number }>(
      `SELECT name, count(*)::int AS n, count(*) FILTER (WHERE value <= ${vitalCase(0)})::int AS good,
              count(*) FILTER (WHERE value > ${vitalCase(0)} AND value <= ${vitalCase(1)})::int AS ni,
              count(*) FILTER (WHERE value > ${vitalCase(1)})::int AS poor
         FROM web_vitals WHERE ${inRange} AND ${onPath} GROUP BY 1`,
      args,
    ),
    pool.query<{ path: string; n: number; poor: number }>(
      `SELECT ${route} AS path, count(*)::int AS n, count(*) FILTER (WHERE value > ${vitalCase(1)})::int AS poor
         FROM web_vitals WHERE ${inRange} GROUP BY 1 ORDER BY n DESC, path LIMIT 30`,
      args.slice(0, 3),
    ),
  ]);
  const byKey = new Map(daily.rows.map((r) => [`${r.name} ${r.day}`, r]));
  const byName = new Map(summary.rows.map((r) => [r.name, r]));
  const days = utcDays(Date.parse(range.from), Date.parse(range.to));
  return {
    range: { from: range.from, to: range.to },
    path: range.path,
    series: VITAL_NAMES.map((name) => ({
      name,
      days: days.map((day) => {
        const r = byKey.get(`${name} ${day}`);
        return { day, p75: r ? r.p75 : null, n: r?.n ?? 0 };
      }),
    })),
    summary: VITAL_NAMES.map((name) => {
      const r = byName.get(name);
      return { name, n: r?.n ?? 0, good: r?.good ?? 0, needsImprovement: r?.ni ?? 0, poor: r?.poor ?? 0 };
    }),
    routes: routes.rows,
  };
}

/** A car's views per UTC day over the 90 days up to and including today. */
export async function rawCarViews(pool: pg.Pool, carId: string, nowMs: number): Promise<{ day: string; views: number }[]> {
  const end = Math.floor(nowMs / DAY) * DAY + DAY;
  const start = end - 90 * DAY;
  const { rows } = await pool.query<{ day: string; views: number }>(
    `SELECT to_char(created_at::date, 'YYYY-MM-DD') AS day, count(*)::int AS views FROM car_views
      WHERE car_id = $1 AND created_at >= $2::timestamp AND created_at < $3::timestamp GROUP BY 1`,
    [carId, iso(start), iso(end)],
  );
  const byDay = new Map(rows.map((r) => [r.day, r.views]));
  return utcDays(start, end).map((day) => ({ day, views: byDay.get(day) ?? 0 }));
}
