// Cache keys of the dashboards (the seed's analytics:* family). Aggregations of the
// roll-ups carry the roll-up version, so a recomputed day or a moved watermark is never
// answered from an older entry; leads and stock change by staff edits and live one minute.
import { TTL, type TtlSeconds } from '../../cache/keys';
import type { RangePlan } from './range-plan';

const span = (fromMs: number, toMs: number) => `${new Date(fromMs).toISOString()}:${new Date(toMs).toISOString()}`;

export const analyticsKeys = {
  traffic: (plan: RangePlan, version: string) => `analytics:traffic:${span(plan.fromMs, plan.toMs)}:r${version}`,
  totals: (plan: RangePlan, version: string) => `analytics:totals:${span(plan.fromMs, plan.toMs)}:r${version}`,
  vitals: (plan: RangePlan, path: string | null, version: string) => `analytics:vitals:${span(plan.fromMs, plan.toMs)}:${path ?? '*'}:r${version}`,
  business: (fromMs: number, toMs: number, part: 'full' | 'kpis') => `analytics:business:${span(fromMs, toMs)}:${part}`,
} as const;

/**
 * The 24-hour class for a range the roll-ups cover to its end (only late rows could change
 * it, and they change the version); a range reaching past the watermark (today) is read
 * partly raw and is kept one minute, so new rows show within a minute.
 */
export const rollupTtl = (plan: RangePlan): TtlSeconds => (plan.closed ? TTL.DAY : TTL.SHORT);

export const BUSINESS_TTL: TtlSeconds = TTL.SHORT;
