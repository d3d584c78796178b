// Inputs of the analytics channels: a [from, to) range of instants, checked and put in one
// canonical form (UTC, milliseconds) so that equal ranges share a cache key.
import { z } from 'zod';

/** Longest range a dashboard may ask for (two years, leap days included). */
export const ANALYTICS_MAX_RANGE_DAYS = 731;
const DAY_MS = 86_400_000;
/** Earliest instant accepted: nothing older is worth a query. */
const EARLIEST = Date.UTC(2000, 0, 1);

const instant = z.iso.datetime({ offset: true, message: 'Enter a date and time, e.g. 2026-11-25T00:00:00Z.' });

const rangeShape = { from: instant, to: instant };

function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const from = Date.parse(v.from);
  const to = Date.parse(v.to);
  if (from < EARLIEST) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Pick a start after the year 2000.' });
  if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be after the start.' });
  else if (to - from > ANALYTICS_MAX_RANGE_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Pick a range of two years at most.' });
}

const canonical = <T extends { from: string; to: string }>(v: T): T => ({ ...v, from: new Date(v.from).toISOString(), to: new Date(v.to).toISOString() });

export const analyticsDashboardInput = z
  .strictObject({ ...rangeShape, compare: z.boolean().default(true) })
  .superRefine(checkRange)
  .transform(canonical);

/** A web-vitals route ('/autot/*' for car pages) or null for every page. */
export const vitalsPathField = z.string().trim().min(1).max(300).regex(/^\/[^\s]*$/, 'A path starts with /.');

export const analyticsVitalsInput = z
  .strictObject({ ...rangeShape, path: vitalsPathField.nullable().default(null) })
  .superRefine(checkRange)
  .transform(canonical);

export type AnalyticsDashboardInput = z.output<typeof analyticsDashboardInput>;
export type AnalyticsVitalsInput = z.output<typeof analyticsVitalsInput>;
