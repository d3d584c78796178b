// Inventory filters as parameterized SQL. Values only ever travel as bind parameters;
// the SQL text is built from fixed fragments.
import type pg from 'pg';
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

/**
 * How a search matches: full-text in three configurations (exact tokens, Finnish and
 * English stems) when that finds anything; otherwise "fuzzy": every word close to the
 * title by trigram similarity, which forgives typos. Deciding once keeps each query on
 * one index instead of an OR that must recheck every candidate both ways.
 */
export type SearchMode = 'fts' | 'fuzzy';

export const ftsQuery = (p: string) => `(websearch_to_tsquery('simple', ${p}) || websearch_to_tsquery('finnish', ${p}) || websearch_to_tsquery('english', ${p}))`;

export function searchCondition(q: string, params: SqlParams, alias = 'c', mode: SearchMode = 'fts'): string {
  const words = typoWords(q);
  if (mode === 'fuzzy' && words.length > 0) return `(${words.map((w) => `${params.add(w)} <% ${alias}.search_text`).join(' AND ')})`;
  return `${alias}.search_vector @@ ${ftsQuery(params.add(q))}`;
}

type Queryable = Pick<pg.Pool, 'query'>;

/** How a search runs: the mode, the words searched for, and the corrected words if a typo was fixed. */
export interface SearchPlan {
  mode: SearchMode;
  q: string | undefined;
  /** The search as corrected ("toyta corola" → "toyota corolla"), null when it was used as typed. */
  corrected: string | null;
}

/** Below this trigram similarity a title word is no correction of the typed one. */
const CORRECTION_SIMILARITY = 0.35;

/**
 * Whether full-text search finds anything for q (an index probe that stops at the first hit):
 * among live cars in their narrow search rows, or among all cars for the trash.
 */
async function ftsFinds(pool: Queryable, q: string, live: boolean): Promise<boolean> {
  const table = live ? 'car_search_rows' : 'cars';
  // Planned on its own (MATERIALIZED), the match is an index lookup; a bare EXISTS invites a
  // sequential scan that hopes for an early hit and detoasts every vector until it finds one.
  const { rows } = await pool.query<{ hit: boolean }>(
    `WITH m AS MATERIALIZED (SELECT 1 FROM ${table} x WHERE x.search_vector @@ ${ftsQuery('$1')}) SELECT EXISTS (SELECT 1 FROM m) AS hit`,
    [q],
  );
  return rows[0]?.hit === true;
}

/**
 * Each word of three letters or more that no car title has is replaced by the nearest title
 * word (trigram KNN on the small car_search_words table); shorter words stay as typed.
 */
async function correctWords(pool: Queryable, q: string): Promise<string | null> {
  const tokens = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  const long = [...new Set(tokens.filter((w) => w.length >= 3))];
  if (long.length === 0) return null;
  const { rows } = await pool.query<{ word: string; best: string | null }>(
    `SELECT t.word, coalesce(
        (SELECT v.word FROM car_search_words v WHERE v.word = t.word),
        (SELECT v.word FROM car_search_words v WHERE similarity(v.word, t.word) >= $2 ORDER BY v.word <-> t.word, v.word LIMIT 1)
      ) AS best
     FROM unnest($1::text[]) AS t(word)`,
    [long, CORRECTION_SIMILARITY],
  );
  const best = new Map(rows.map((r) => [r.word, r.best ?? r.word]));
  const corrected = tokens.map((w) => best.get(w) ?? w).join(' ');
  return corrected === tokens.join(' ') ? null : corrected;
}

/**
 * Full-text search as typed when it finds anything; else the typo-corrected words when full
 * text finds those; else "fuzzy" (trigram similarity of every word against the titles).
 * `typedMisses`: the caller already knows the words as typed find nothing (no probe for them).
 */
export async function resolveSearch(pool: Queryable, q: string | undefined, opts: { live: boolean; typedMisses?: boolean }): Promise<SearchPlan> {
  const { live } = opts;
  if (!q || typoWords(q).length === 0 || (!opts.typedMisses && (await ftsFinds(pool, q, live)))) return { mode: 'fts', q, corrected: null };
  const corrected = await correctWords(pool, q);
  if (corrected && (await ftsFinds(pool, corrected, live))) return { mode: 'fts', q: corrected, corrected };
  return { mode: 'fuzzy', q, corrected: null };
}

export type FilterKey = keyof CarFilters;

/** WHERE conditions for the filters, leaving out `skip` (facet counts ignore their own dimension). */
export function filterConditions(f: CarFilters, params: SqlParams, skip?: FilterKey, alias = 'c', mode: SearchMode = 'fts'): string[] {
  const where: string[] = [f.deleted ? `${alias}.deleted_at IS NOT NULL` : `${alias}.deleted_at IS NULL`];
  // Enum parameters are cast to the column's type so the column's index can be used.
  const inList = (key: FilterKey, column: string, enumType: string) => {
    const list = f[key] as string[] | undefined;
    if (skip !== key && list && list.length) where.push(`${alias}.${column} = ANY(${params.add(list)}::"${enumType}"[])`);
  };
  if (f.q && skip !== 'q') where.push(searchCondition(f.q, params, alias, mode));
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
