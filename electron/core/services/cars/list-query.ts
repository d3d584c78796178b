// The inventory table's page query: filters, search, sort and keyset (cursor) pagination
// in one round trip of plain SQL. Relevance sorting pages by offset, every other sort by
// (sort value, id) so deep pages cost the same as the first.
import type pg from 'pg';
import { cappedCountSql, cappedTotal, TOTAL_CAP } from '../capped-count';
import type { CarPageDto, CarRowDto } from '../../api/dto-cars';
import type { CarFilters, CarsListInput, CarSortKey } from '../../api/schemas/cars';
import { validation } from '../../api/errors';
import { DAYS_IN_STOCK_SQL, filterConditions, resolveSearch, searchCondition, SqlParams, type SearchPlan, typoWords, type SearchMode } from './sql-filters';

const SORT_SQL: Record<Exclude<CarSortKey, 'relevance'>, string> = {
  price: 'c.price_eur',
  year: 'c.year',
  mileage: 'c.mileage_km',
  createdAt: 'c.created_at',
  // More days in stock = earlier stocked: sorted by stocked_at the other way round.
  daysInStock: 'c.stocked_at',
  views: 's.views',
};

export const ROW_COLUMNS = `c.id, c.slug, c.name, c.brand, c.model, c.variant, c.year, c.price_eur::float8 AS price_eur, c.mileage_km,
  c.fuel_type, c.transmission, c.category, c.color, c.status, c.featured, c.created_at, c.deleted_at, c.version,
  ${DAYS_IN_STOCK_SQL()} AS days_in_stock, coalesce(s.views, 0) AS views,
  (SELECT i.url FROM car_images i WHERE i.car_id = c.id AND i.is_primary LIMIT 1) AS primary_image_url`;

export interface RowRecord {
  id: string;
  slug: string;
  name: string;
  brand: string;
  model: string;
  variant: string | null;
  year: number;
  price_eur: number;
  mileage_km: number;
  fuel_type: CarRowDto['fuelType'];
  transmission: CarRowDto['transmission'];
  category: CarRowDto['category'];
  color: string | null;
  status: CarRowDto['status'];
  featured: boolean;
  created_at: Date;
  deleted_at: Date | null;
  version: number;
  days_in_stock: number;
  views: number;
  primary_image_url: string | null;
}

export const toRow = (r: RowRecord): CarRowDto => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  brand: r.brand,
  model: r.model,
  variant: r.variant,
  year: r.year,
  priceEur: r.price_eur,
  mileageKm: r.mileage_km,
  fuelType: r.fuel_type,
  transmission: r.transmission,
  category: r.category,
  color: r.color,
  status: r.status,
  featured: r.featured,
  primaryImageUrl: r.primary_image_url,
  daysInStock: r.days_in_stock,
  views: r.views,
  createdAt: r.created_at.toISOString(),
  deletedAt: r.deleted_at?.toISOString() ?? null,
  version: r.version,
});

type Cursor = { o: number } | { v: string | number; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (c && typeof c === 'object') {
      if ('o' in c && Number.isInteger(c.o) && (c.o as number) >= 0) return { o: c.o as number };
      if ('v' in c && 'id' in c && typeof c.id === 'string' && (typeof c.v === 'string' || typeof c.v === 'number')) return { v: c.v, id: c.id };
    }
  } catch {
    // fall through
  }
  throw validation('The page cursor is not valid; reload the list.', { cursor: 'Not a valid cursor.' });
}

function sortValue(sort: Exclude<CarSortKey, 'relevance'>, row: RowRecord): string | number {
  switch (sort) {
    case 'price':
      return row.price_eur;
    case 'year':
      return row.year;
    case 'mileage':
      return row.mileage_km;
    case 'views':
      return row.views;
    case 'createdAt':
      return row.created_at.toISOString();
    case 'daysInStock':
      // Recomputed from the row's own stocked_at below.
      return '';
  }
}

export interface ListQuery {
  sql: string;
  values: unknown[];
  /** The total's query, on the first page only. */
  count: { sql: string; values: unknown[] } | null;
  /** The page's rows carry the total themselves (total_count), on the first page only. */
  countInPage: boolean;
  sort: CarSortKey;
  offset: number;
}

/** Filters beside the search box: with none of them set, a search reads car_search_rows alone. */
const NARROWING: (keyof CarFilters)[] = ['brand', 'model', 'category', 'status', 'fuelType', 'transmission', 'priceMin', 'priceMax', 'yearMin', 'yearMax', 'mileageMin', 'mileageMax', 'featured'];

/**
 * A plain full-text search of the live inventory (nothing else narrowing it) ranks its
 * matches in car_search_rows: narrow rows in title order, so thousands of matches cost a
 * hundred pages instead of thousands of the cars table's.
 */
export function searchesNarrowRows(input: CarsListInput, mode: SearchMode): boolean {
  if (!input.q || mode !== 'fts' || input.deleted) return false;
  return NARROWING.every((key) => {
    const value = input[key];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });
}

/** The page's SQL: also what the benchmark runs bare through pg as its baseline. */
export function buildListQuery(input: CarsListInput, mode: SearchMode = 'fts'): ListQuery {
  const params = new SqlParams();
  const narrow = input.sort === 'relevance' && searchesNarrowRows(input, mode);
  // `r` is car_search_rows (it has the same created_at, search_text and search_vector as cars).
  const where = narrow ? [searchCondition(input.q!, params, 'r', mode)] : filterConditions(input, params, undefined, 'c', mode);
  const from = narrow ? 'car_search_rows r' : 'cars c';
  const m = narrow ? 'r' : 'c';
  const sort: CarSortKey = input.sort === 'relevance' && !input.q ? 'createdAt' : input.sort;
  const cursor = decodeCursor(input.cursor);
  let order: string;
  let extraSelect = '';

  if (sort === 'relevance') {
    const words = typoWords(input.q ?? '');
    if (mode === 'fuzzy' && words.length) {
      extraSelect = `, word_similarity(${params.add(words.join(' '))}, ${m}.search_text) AS rank`;
    } else {
      // Cars whose title holds every word come first, newest first within each group.
      const all = words.length ? words.map((w) => `${m}.search_text LIKE ${params.add(`%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`).join(' AND ') : 'TRUE';
      extraSelect = `, (${all})::int AS rank`;
    }
    order = 'rank DESC, c.created_at DESC, c.id DESC';
  } else {
    // daysInStock runs the other way round from stocked_at.
    const asc = sort === 'daysInStock' ? input.dir === 'desc' : input.dir === 'asc';
    const expr = SORT_SQL[sort];
    // The tie-breaker belongs to the same table as the sort key, so one index serves both.
    const tie = sort === 'views' ? 's.car_id' : 'c.id';
    if (cursor && 'v' in cursor) {
      const cast = sort === 'createdAt' || sort === 'daysInStock' ? '::timestamptz' : '';
      where.push(`(${expr}, ${tie}) ${asc ? '>' : '<'} (${params.add(cursor.v)}${cast}, ${params.add(cursor.id)})`);
    }
    order = `${expr} ${asc ? 'ASC' : 'DESC'}, ${tie} ${asc ? 'ASC' : 'DESC'}`;
  }

  const offset = cursor && 'o' in cursor ? cursor.o : 0;
  // The page's ids first, sorted on the narrow columns alone (often an index-only scan); only
  // those rows are then read whole. Sorting thousands of search matches as full rows, each
  // with its image lookup, cost more than the search.
  const stats = sort === 'views' ? ' JOIN car_stats s ON s.car_id = c.id' : '';
  if (sort === 'relevance') {
    // Relevance ranks every match anyway, so the same pass counts them too: one scan of the
    // matching rows instead of a second one in a count query beside it.
    const sql = `WITH matches AS MATERIALIZED (
        SELECT ${m}.${narrow ? 'car_id AS id' : 'id'}, ${m}.created_at${extraSelect} FROM ${from} WHERE ${where.join(' AND ')}
      ),
      page AS (SELECT id, rank FROM matches ORDER BY rank DESC, created_at DESC, id DESC LIMIT ${input.limit + 1} OFFSET ${offset}),
      total AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM matches LIMIT ${TOTAL_CAP + 1}) capped)
      SELECT ${ROW_COLUMNS}, c.stocked_at, page.rank, total.n AS total_count
      FROM page JOIN cars c ON c.id = page.id JOIN car_stats s ON s.car_id = c.id CROSS JOIN total
      ORDER BY ${order}`;
    return { sql, values: params.values, count: null, countInPage: !cursor, sort, offset };
  }
  const sql = `WITH page AS MATERIALIZED (
      SELECT c.id${extraSelect} FROM cars c${stats}
      WHERE ${where.join(' AND ')}
      ORDER BY ${order}
      LIMIT ${input.limit + 1} OFFSET ${offset}
    )
    SELECT ${ROW_COLUMNS}, c.stocked_at${extraSelect ? ', page.rank' : ''}
    FROM page JOIN cars c ON c.id = page.id JOIN car_stats s ON s.car_id = c.id
    ORDER BY ${order}`;

  // Counted on the first page only (later pages reuse it), and only up to the cap (capped-count.ts).
  let count: ListQuery['count'] = null;
  if (!cursor) {
    const countParams = new SqlParams();
    const countWhere = filterConditions(input, countParams, undefined, 'c', mode);
    count = { sql: cappedCountSql(`cars c WHERE ${countWhere.join(' AND ')}`), values: countParams.values };
  }
  return { sql, values: params.values, count, countInPage: false, sort, offset };
}

async function runPage(pool: pg.Pool, input: CarsListInput, plan: SearchPlan) {
  const q = buildListQuery({ ...input, q: plan.q }, plan.mode);
  const [page, count] = await Promise.all([
    pool.query<RowRecord & { stocked_at: Date; total_count?: number }>(q.sql, q.values),
    q.count ? pool.query<{ n: number }>(q.count.sql, q.count.values) : Promise.resolve(null),
  ]);
  return { q, page, count, plan };
}

export async function listCars(pool: pg.Pool, input: CarsListInput): Promise<CarPageDto> {
  // Full-text search as typed first: it finds something almost always, so only an empty
  // page pays for deciding between a typo correction and fuzzy matching.
  let run = await runPage(pool, input, { mode: 'fts', q: input.q, corrected: null });
  if (run.page.rows.length === 0 && input.q) {
    // With nothing but the search narrowing the list, the empty page already says that
    // full text finds nothing as typed.
    const plan = await resolveSearch(pool, input.q, { live: !input.deleted, typedMisses: searchesNarrowRows(input, 'fts') });
    if (plan.mode !== 'fts' || plan.q !== input.q) run = await runPage(pool, input, plan);
  }
  const { q, page, count, plan } = run;

  const rows = page.rows.slice(0, input.limit);
  let nextCursor: string | null = null;
  if (page.rows.length > input.limit) {
    const last = rows[rows.length - 1]!;
    if (q.sort === 'relevance') nextCursor = encodeCursor({ o: q.offset + input.limit });
    else if (q.sort === 'daysInStock') nextCursor = encodeCursor({ v: last.stocked_at.toISOString(), id: last.id });
    else nextCursor = encodeCursor({ v: sortValue(q.sort, last), id: last.id });
  }
  return { items: rows.map(toRow), nextCursor, ...cappedTotal(q.countInPage ? (page.rows[0]?.total_count ?? 0) : count ? (count.rows[0]?.n ?? 0) : null), searchedFor: plan.corrected };
}
