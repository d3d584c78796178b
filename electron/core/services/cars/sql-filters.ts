// Inventory filters as parameterized SQL. Values only ever travel as bind parameters;
// the SQL text is built from fixed fragments.
import type { CarFilters } from '../../api/schemas/cars';

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Words long enough for trigram matching (shorter ones match almost anything). */
export function typoWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .slice(0, 6);
}

/** Full-text in three configurations (exact tokens, Finnish and English stems) or, for typos, every word close to the title. */
export function searchCondition(q: string, params: SqlParams, alias = 'c'): string {
  const p = params.add(q);
  const fts = `${alias}.search_vector @@ (websearch_to_tsquery('simple', ${p}) || websearch_to_tsquery('finnish', ${p}) || websearch_to_tsquery('english', ${p}))`;
  const words = typoWords(q);
  if (words.length === 0) return `(${fts})`;
  const fuzzy = words.map((w) => `${params.add(w)} <% ${alias}.search_text`).join(' AND ');
  return `(${fts} OR (${fuzzy}))`;
}

export type FilterKey = keyof CarFilters;

/** WHERE conditions for the filters, leaving out `skip` (facet counts ignore their own dimension). */
export function filterConditions(f: CarFilters, params: SqlParams, skip?: FilterKey, alias = 'c'): string[] {
  const where: string[] = [f.deleted ? `${alias}.deleted_at IS NOT NULL` : `${alias}.deleted_at IS NULL`];
  // Enum parameters are cast to the column's type so the column's index can be used.
  const inList = (key: FilterKey, column: string, enumType: string) => {
    const list = f[key] as string[] | undefined;
    if (skip !== key && list && list.length) where.push(`${alias}.${column} = ANY(${params.add(list)}::"${enumType}"[])`);
  };
  if (f.q && skip !== 'q') where.push(searchCondition(f.q, params, alias));
  if (skip !== 'brand' && f.brand?.length) where.push(`${alias}.brand = ANY(${params.add(f.brand)}::text[])`);
  if (skip !== 'model' && f.model?.length) where.push(`${alias}.model = ANY(${params.add(f.model)}::text[])`);
  inList('category', 'category', 'CarCategory');
  inList('status', 'status', 'CarStatus');
  inList('fuelType', 'fuel_type', 'FuelType');
  inList('transmission', 'transmission', 'Transmission');
  if (skip !== 'featured' && f.featured !== undefined) where.push(`${alias}.featured = ${params.add(f.featured)}`);
  if (f.priceMin !== undefined) where.push(`${alias}.price_eur >= ${params.add(f.priceMin)}`);
  if (f.priceMax !== undefined) where.push(`${alias}.price_eur <= ${params.add(f.priceMax)}`);
  if (f.yearMin !== undefined) where.push(`${alias}.year >= ${params.add(f.yearMin)}`);
  if (f.yearMax !== undefined) where.push(`${alias}.year <= ${params.add(f.yearMax)}`);
  if (f.mileageMin !== undefined) where.push(`${alias}.mileage_km >= ${params.add(f.mileageMin)}`);
  if (f.mileageMax !== undefined) where.push(`${alias}.mileage_km <= ${params.add(f.mileageMax)}`);
  return where;
}

export const DAYS_IN_STOCK_SQL = (alias = 'c') =>
  `greatest(0, floor(extract(epoch FROM (coalesce(${alias}.sold_at, now()) - ${alias}.stocked_at)) / 86400))::int`;
