// Web-vitals ratings in SQL, from the same web.dev thresholds the renderer colours by.
import { VITAL_NAMES, VITAL_THRESHOLDS } from '../../api/dto-analytics';

const threshold = (name: string, which: 0 | 1): string =>
  `(CASE ${name} ${VITAL_NAMES.map((n) => `WHEN '${n}' THEN ${VITAL_THRESHOLDS[n][which]}`).join(' ')} END)`;

/** The three rating conditions of a row (thresholds are constants, not user input). */
export function ratingConditions(name = 'name', value = 'value'): { good: string; needsImprovement: string; poor: string } {
  const good = threshold(name, 0);
  const poor = threshold(name, 1);
  return { good: `${value} <= ${good}`, needsImprovement: `${value} > ${good} AND ${value} <= ${poor}`, poor: `${value} > ${poor}` };
}

/** Aggregates counting good / needs-improvement / poor values (in that order), comma-separated. */
export function ratingCounts(name = 'name', value = 'value', aliases?: readonly [string, string, string]): string {
  const c = ratingConditions(name, value);
  return [c.good, c.needsImprovement, c.poor].map((cond, i) => `count(*) FILTER (WHERE ${cond})::int${aliases ? ` AS ${aliases[i]}` : ''}`).join(', ');
}

/** The names the dashboards chart, as a SQL array literal. */
export const VITAL_NAMES_SQL = `ARRAY[${VITAL_NAMES.map((n) => `'${n}'`).join(', ')}]::text[]`;
