// The inventory's counts per filter value: each dimension counted with every other filter
// applied (a value's count is the total the list would show with it chosen), and the ranges
// of price, year and mileage under all filters. One scan of the cars that pass the trash
// flag, the search and the ranges, grouped by every dimension at once (GROUPING SETS):
// seven GROUP BY queries over the same rows cost seven scans.
import type pg from 'pg';
import type { CarFacetsDto, FacetCount } from '../../api/dto-cars';
import type { CarFilters } from '../../api/schemas/cars';
import { filterConditions, resolveSearch, SqlParams, type FilterKey } from './sql-filters';

type Dimension = FilterKey & Exclude<keyof CarFacetsDto, 'price' | 'year' | 'mileage'>;

const DIMENSIONS: readonly { key: Dimension; column: string }[] = [
  { key: 'brand', column: 'c.brand' },
  { key: 'model', column: 'c.model' },
  { key: 'category', column: 'c.category' },
  { key: 'status', column: 'c.status' },
  { key: 'fuelType', column: 'c.fuel_type' },
  { key: 'transmission', column: 'c.transmission' },
  { key: 'featured', column: 'c.featured' },
];

/** Values listed per dimension, the most frequent first (a dealership has a few hundred models). */
const MAX_VALUES = 300;

type FacetRow = { g: number; pmin: number | null; pmax: number | null; ymin: number | null; ymax: number | null; mmin: number | null; mmax: number | null } & Partial<
  Record<`v${number}`, string | null> & Record<`n${number}`, number>
>;

export async function carFacets(pool: pg.Pool, filters: CarFilters): Promise<CarFacetsDto> {
  const plan = filters.q ? await resolveSearch(pool, filters.q, { live: !filters.deleted }) : { mode: 'fts' as const, q: undefined };
  const params = new SqlParams();
  const { deleted, priceMin, priceMax, yearMin, yearMax, mileageMin, mileageMax } = filters;
  const base = filterConditions({ q: plan.q, deleted, priceMin, priceMax, yearMin, yearMax, mileageMin, mileageMax }, params, undefined, 'c', plan.mode);
  // Each dimension's own condition (the first condition filterConditions returns is the trash flag).
  const own = DIMENSIONS.map(({ key }) => filterConditions({ [key]: filters[key] }, params).slice(1)[0] ?? null);
  const set = own.filter((c): c is string => c !== null);
  const allBut = (i: number) => own.filter((c, j): c is string => c !== null && j !== i).join(' AND ') || 'TRUE';
  const all = set.join(' AND ') || 'TRUE';
  // A car that fails two dimensions' filters counts nowhere.
  if (set.length > 1) base.push(`(${set.map((c) => `(NOT (${c}))::int`).join(' + ')}) <= 1`);

  const columns = DIMENSIONS.map((d) => d.column);
  const sql = `SELECT GROUPING(${columns.join(', ')}) AS g,
      ${DIMENSIONS.map((d, i) => `${d.column}::text AS v${i}, count(*) FILTER (WHERE ${allBut(i)})::int AS n${i}`).join(',\n      ')},
      min(c.price_eur) FILTER (WHERE ${all})::float8 AS pmin, max(c.price_eur) FILTER (WHERE ${all})::float8 AS pmax,
      min(c.year) FILTER (WHERE ${all}) AS ymin, max(c.year) FILTER (WHERE ${all}) AS ymax,
      min(c.mileage_km) FILTER (WHERE ${all}) AS mmin, max(c.mileage_km) FILTER (WHERE ${all}) AS mmax
    FROM cars c WHERE ${base.join(' AND ')}
    GROUP BY GROUPING SETS (${columns.map((c) => `(${c})`).join(', ')}, ())`;
  const { rows } = await pool.query<FacetRow>(sql, params.values);

  const counts = DIMENSIONS.map((): FacetCount[] => []);
  const none = (1 << DIMENSIONS.length) - 1;
  let ranges: Pick<CarFacetsDto, 'price' | 'year' | 'mileage'> = { price: { min: null, max: null }, year: { min: null, max: null }, mileage: { min: null, max: null } };
  for (const row of rows) {
    // GROUPING() has a 1 bit for each column not grouped in the row; the first column is the highest bit.
    if (row.g === none) {
      ranges = { price: { min: row.pmin, max: row.pmax }, year: { min: row.ymin, max: row.ymax }, mileage: { min: row.mmin, max: row.mmax } };
      continue;
    }
    const i = DIMENSIONS.findIndex((_, j) => (row.g & (1 << (DIMENSIONS.length - 1 - j))) === 0);
    const value = row[`v${i}`] ?? null;
    const count = row[`n${i}`] ?? 0;
    if (value !== null && count > 0) counts[i]?.push({ value, count });
  }
  const ordered = (list: FacetCount[]) => list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, MAX_VALUES);
  return {
    ...(Object.fromEntries(DIMENSIONS.map((d, i) => [d.key, ordered(counts[i]!)])) as Record<Dimension, FacetCount[]>),
    ...ranges,
  };
}
