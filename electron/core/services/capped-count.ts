// List totals are counted only up to a cap: counting every one of 100,000 matches costs more
// than the page itself, and nobody scrolls that far. Beyond the cap the screen says "10 000+".

export const TOTAL_CAP = 10_000;

/**
 * A substring search (name, email, phone) must re-read every matching row to confirm it, so
 * its total stops sooner: beyond a few hundred matches the search wants refining, not counting.
 */
export const SEARCH_TOTAL_CAP = 500;

/** `count(*)` of `FROM …` stopping after cap + 1 rows, so "more than the cap" is known. */
export const cappedCountSql = (fromWhere: string, cap = TOTAL_CAP): string => `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${fromWhere} LIMIT ${cap + 1}) capped`;

/**
 * The same for a substring search on trigram indexes. The matches are planned as a whole
 * (a materialized CTE does not see the LIMIT), which picks the trigram indexes' bitmap;
 * planned with the limit, PostgreSQL walks the table hoping to stop early and tests a
 * slow lower() LIKE on every row it passes. The CTE is still read lazily, so it stops at cap + 1.
 */
export const cappedSearchCountSql = (fromWhere: string, cap = SEARCH_TOTAL_CAP): string =>
  `WITH matches AS MATERIALIZED (SELECT 1 FROM ${fromWhere}) SELECT count(*)::int AS n FROM (SELECT 1 FROM matches LIMIT ${cap + 1}) capped`;

/** The page's total and whether it is a lower bound; -1 (later pages) stays -1. */
export function cappedTotal(counted: number | null, cap = TOTAL_CAP): { total: number; totalCapped: boolean } {
  if (counted === null) return { total: -1, totalCapped: false };
  return { total: Math.min(counted, cap), totalCapped: counted > cap };
}
