// The dashboard's period as the renderer picks it: presets and custom days, all in whole
// UTC days (the roll-ups' days), turned into the [from, to) instants the channel takes.
export const PRESETS = ['days7', 'days30', 'days90', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export const DAY_MS = 86_400_000;
/** The channel's limit, in days. */
export const MAX_RANGE_DAYS = 731;

export interface Period {
  from: string;
  to: string;
}

const startOfUtcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A preset up to the end of today: "7 days" is today and the six days before it. The end is
 * tomorrow's midnight, so the period (and its cache key) stays the same all day.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, nowMs: number): Period {
  const end = startOfUtcDay(nowMs) + DAY_MS;
  if (preset === 'year') return { from: iso(Date.UTC(new Date(nowMs).getUTCFullYear(), 0, 1)), to: iso(end) };
  const days = preset === 'days7' ? 7 : preset === 'days30' ? 30 : 90;
  return { from: iso(end - days * DAY_MS), to: iso(end) };
}

export type CustomProblem = 'missing' | 'endBeforeStart' | 'tooLong';

/** Two picked days ('YYYY-MM-DD', the end included) as a period, or what is wrong with them. */
export function customPeriod(fromDay: string, toDay: string): Period | CustomProblem {
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const last = Date.parse(`${toDay}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(last)) return 'missing';
  if (last < from) return 'endBeforeStart';
  const to = last + DAY_MS;
  if (to - from > MAX_RANGE_DAYS * DAY_MS) return 'tooLong';
  return { from: iso(from), to: iso(to) };
}

/** The days of a period as the date inputs show them (the end day included). */
export function periodDays(period: Period): { from: string; to: string } {
  return { from: period.from.slice(0, 10), to: iso(Date.parse(period.to) - 1).slice(0, 10) };
}
