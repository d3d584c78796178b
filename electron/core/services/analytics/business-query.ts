// Leads and stock of a range, straight from contact_submissions and cars (small tables
// that staff edit all day: no roll-ups, and only a short cache).
import type pg from 'pg';
import { STOCK_AGE_BUCKETS, STOCK_AGE_CARS_MAX, type CarFigureDto, type StockAgeDto } from '../../api/dto-analytics';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from '../../api/enums';

export interface LeadFigures {
  /** Leads created in the range, spam left out. */
  leads: number;
  /** Of those, the ones about a car (the numerator of the views-to-lead conversion). */
  carLeads: number;
  spam: number;
  medianMinutesToFirstContact: number | null;
  byStatus: { status: LeadStatus; count: number }[];
  bySource: { source: LeadSource; count: number }[];
}

export interface StockFigures {
  carsInStock: number;
  avgDaysInStock: number | null;
  carsSold: number;
  soldValueEur: number;
}

/** In stock at $t: on sale (not incoming or archived), stocked before $t, not yet sold or trashed. */
const IN_STOCK = `status NOT IN ('INCOMING', 'ARCHIVED') AND stocked_at < $1::timestamp
  AND (sold_at IS NULL OR sold_at >= $1::timestamp) AND (deleted_at IS NULL OR deleted_at >= $1::timestamp)`;

const iso = (ms: number) => new Date(ms).toISOString();

export async function leadFigures(pool: pg.Pool, fromMs: number, toMs: number): Promise<LeadFigures> {
  const range = [iso(fromMs), iso(toMs)];
  const [groups, median] = await Promise.all([
    pool.query<{ status: LeadStatus; source: LeadSource; with_car: boolean; n: number }>(
      `SELECT status, source, car_id IS NOT NULL AS with_car, count(*)::int AS n FROM contact_submissions
        WHERE created_at >= $1::timestamp AND created_at < $2::timestamp GROUP BY 1, 2, 3`,
      range,
    ),
    pool.query<{ minutes: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_contacted_at - created_at) / 60) AS minutes
         FROM contact_submissions
        WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND status <> 'SPAM' AND first_contacted_at IS NOT NULL`,
      range,
    ),
  ]);
  const status = new Map<LeadStatus, number>();
  const source = new Map<LeadSource, number>();
  let leads = 0;
  let carLeads = 0;
  let spam = 0;
  for (const g of groups.rows) {
    if (g.status === 'SPAM') {
      spam += g.n;
      continue;
    }
    leads += g.n;
    if (g.with_car) carLeads += g.n;
    status.set(g.status, (status.get(g.status) ?? 0) + g.n);
    source.set(g.source, (source.get(g.source) ?? 0) + g.n);
  }
  return {
    leads,
    carLeads,
    spam,
    medianMinutesToFirstContact: median.rows[0]?.minutes ?? null,
    byStatus: LEAD_STATUSES.filter((s) => s !== 'SPAM').map((s) => ({ status: s, count: status.get(s) ?? 0 })),
    bySource: LEAD_SOURCES.map((s) => ({ source: s, count: source.get(s) ?? 0 })),
  };
}

export async function topCarsByLeads(pool: pg.Pool, fromMs: number, toMs: number, limit: number): Promise<CarFigureDto[]> {
  const { rows } = await pool.query<CarFigureDto>(
    `SELECT l.car_id AS "carId", c.name, l.n AS value
       FROM (SELECT car_id, count(*)::int AS n FROM contact_submissions
              WHERE created_at >= $1::timestamp AND created_at < $2::timestamp AND status <> 'SPAM' AND car_id IS NOT NULL
              GROUP BY car_id ORDER BY n DESC, car_id LIMIT ${Number(limit)}) l
       LEFT JOIN cars c ON c.id = l.car_id
      ORDER BY l.n DESC, l.car_id`,
    [iso(fromMs), iso(toMs)],
  );
  return rows;
}

/** Stock at an instant and the sales of a range. */
export async function stockFigures(pool: pg.Pool, fromMs: number, toMs: number, stockAtMs: number): Promise<StockFigures> {
  const [stock, sold] = await Promise.all([
    pool.query<{ n: number; avg_days: number | null }>(
      `SELECT count(*)::int AS n, avg(extract(epoch FROM $1::timestamp - stocked_at) / 86400)::float8 AS avg_days FROM cars WHERE ${IN_STOCK}`,
      [iso(stockAtMs)],
    ),
    pool.query<{ n: number; value: string | null }>(
      `SELECT count(*)::int AS n, sum(sold_price_eur)::text AS value FROM cars WHERE sold_at >= $1::timestamp AND sold_at < $2::timestamp`,
      [iso(fromMs), iso(toMs)],
    ),
  ]);
  return {
    carsInStock: stock.rows[0]?.n ?? 0,
    avgDaysInStock: stock.rows[0]?.avg_days ?? null,
    carsSold: sold.rows[0]?.n ?? 0,
    soldValueEur: Number(sold.rows[0]?.value ?? 0),
  };
}

/** Cars in stock at an instant by whole days in stock, oldest first in each bucket. */
export async function stockAge(pool: pg.Pool, stockAtMs: number): Promise<StockAgeDto[]> {
  const { rows } = await pool.query<{ bucket: string; total: number; id: string; name: string; days: number }>(
    `WITH s AS (
       SELECT id, name, stocked_at, floor(extract(epoch FROM $1::timestamp - stocked_at) / 86400)::int AS days FROM cars WHERE ${IN_STOCK}
     ), b AS (
       SELECT *, CASE WHEN days <= 30 THEN '0-30' WHEN days <= 60 THEN '31-60' WHEN days <= 90 THEN '61-90' ELSE '90+' END AS bucket FROM s
     )
     SELECT bucket, total, id, name, days FROM (
       SELECT bucket, id, name, days, count(*) OVER (PARTITION BY bucket)::int AS total,
              row_number() OVER (PARTITION BY bucket ORDER BY stocked_at, id) AS rn
         FROM b) x
      WHERE rn <= ${STOCK_AGE_CARS_MAX}
      ORDER BY bucket, rn`,
    [iso(stockAtMs)],
  );
  return STOCK_AGE_BUCKETS.map((bucket) => {
    const cars = rows.filter((r) => r.bucket === bucket);
    return { bucket, count: cars[0]?.total ?? 0, cars: cars.map((r) => ({ id: r.id, name: r.name, days: r.days })) };
  });
}
