// Time for generated data: Helsinki-local calendars with weekly and yearly rhythm, turned
// into UTC instants (the database stores timestamp(3) in UTC). A calendar's quantile is
// monotone, so evenly spaced draws give time-ordered rows with the same seasonality.
import { WeightedTable, mix32 } from './random';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** 01:00 UTC on the last Sunday of a month: when EU summer time starts or ends. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

// Summer time of each year, computed once: the generators ask millions of times.
const summerTime = new Map<number, readonly [number, number]>();

/** Helsinki's offset from UTC in hours (EET +2, EEST +3). */
export function helsinkiOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  let span = summerTime.get(year);
  if (!span) {
    span = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)];
    summerTime.set(year, span);
  }
  return ms >= span[0] && ms < span[1] ? 3 : 2;
}

/** Weekday (0 = Sunday), hour and month of an instant on a Helsinki wall clock. */
export function helsinkiClock(ms: number): { weekday: number; hour: number; month: number } {
  const local = new Date(ms + helsinkiOffsetHours(ms) * HOUR_MS);
  return { weekday: local.getUTCDay(), hour: local.getUTCHours(), month: local.getUTCMonth() };
}

/** UTC instant of Helsinki midnight starting the local day that contains ms. */
export function helsinkiMidnight(ms: number): number {
  const offset = helsinkiOffsetHours(ms) * HOUR_MS;
  const localMidnight = Math.floor((ms + offset) / DAY_MS) * DAY_MS;
  // The offset can differ at midnight from at ms only on a change-over day; recheck once.
  return localMidnight - helsinkiOffsetHours(localMidnight - offset) * HOUR_MS;
}

export const WEB_HOURS = [0.6, 0.35, 0.2, 0.15, 0.15, 0.3, 0.8, 1.5, 2.2, 2.8, 3.1, 3.3, 3.6, 3.4, 3.3, 3.4, 3.6, 3.9, 4.3, 4.8, 5, 4.6, 3.2, 1.6] as const;
/** Showroom hours: weekdays 9–18, Saturdays 10–15. */
export const SHOWROOM_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0.3, 1, 1, 1, 0.8, 1, 1, 1, 1, 0.9, 0.4, 0, 0, 0, 0, 0] as const;

/** Car shopping online peaks on Sunday evenings and Mondays and dips on Fridays and Saturdays. */
export const WEB_WEEKDAYS = [1.15, 1.1, 1.05, 1, 0.95, 0.85, 0.8] as const;
export const SHOWROOM_WEEKDAYS = [0, 1, 1, 1, 1, 0.9, 0.45] as const;
/** Spring is the busy season; July holidays and December are quiet. */
export const MONTHS = [0.95, 1, 1.1, 1.15, 1.1, 0.95, 0.8, 0.95, 1.05, 1, 0.95, 0.8] as const;

export interface CalendarShape {
  hours: readonly number[];
  weekdays: readonly number[];
  /** Traffic at the newest day relative to the oldest (slow growth). */
  growth?: number;
  /** Random day-to-day wobble, as a fraction (stable per calendar day). */
  wobble?: number;
}

/** A distribution of instants over the `days` local days up to `endMs`. */
export class Calendar {
  private readonly days: WeightedTable<number>;
  private readonly fullDay: WeightedTable<number>;
  private readonly lastDay: WeightedTable<number>;
  private readonly starts: Float64Array;
  private readonly elapsedHours: number;

  constructor(
    readonly endMs: number,
    dayCount: number,
    shape: CalendarShape,
  ) {
    const hourIdx = shape.hours.map((_, h) => h);
    this.fullDay = new WeightedTable(hourIdx, shape.hours);
    const todayStart = helsinkiMidnight(endMs);
    // Today is only partly over: only the hours already lived may hold events.
    this.elapsedHours = (endMs - todayStart) / HOUR_MS;
    const partial = shape.hours.map((w, h) => (h + 1 <= this.elapsedHours ? w : h < this.elapsedHours ? w * (this.elapsedHours - h) : 0));
    const partialTotal = partial.reduce((a, b) => a + b, 0);
    this.lastDay = partialTotal > 0 ? new WeightedTable(hourIdx, partial) : this.fullDay;

    const count = Math.max(1, Math.floor(dayCount));
    this.starts = new Float64Array(count);
    const weights: number[] = [];
    const dayTotal = this.fullDay.total;
    for (let d = count - 1, i = 0; d >= 0; d--, i++) {
      // Step back by whole local days; noon keeps clear of a summer-time change-over hour.
      const start = helsinkiMidnight(todayStart - d * DAY_MS + 12 * HOUR_MS);
      const clock = helsinkiClock(start + 12 * HOUR_MS);
      const age = count > 1 ? i / (count - 1) : 1;
      const growth = 1 + ((shape.growth ?? 1) - 1) * age;
      // The wobble is keyed by the calendar date, so the same day looks the same in every run.
      const wobble = 1 + (shape.wobble ?? 0) * ((mix32(Math.floor(start / DAY_MS)) / 0xffffffff) * 2 - 1);
      const share = d === 0 ? partialTotal / dayTotal : 1;
      this.starts[i] = start;
      weights.push((shape.weekdays[clock.weekday] ?? 1) * (MONTHS[clock.month] ?? 1) * growth * wobble * share);
    }
    if (weights.every((w) => w <= 0)) weights[weights.length - 1] = 1;
    this.days = new WeightedTable(Array.from(this.starts), weights);
  }

  get startMs(): number {
    return this.starts[0] as number;
  }

  private hoursOf(dayIndex: number): WeightedTable<number> {
    return dayIndex === this.starts.length - 1 ? this.lastDay : this.fullDay;
  }

  /** The instant below which a fraction u of all events fall. */
  quantile(u: number): number {
    const di = this.days.indexAt(u);
    const day = this.days.span(di);
    const r = day.weight > 0 ? Math.min(Math.max((u * this.days.total - day.before) / day.weight, 0), 0.999999999) : 0;
    const hours = this.hoursOf(di);
    const hi = hours.indexAt(r);
    const hour = hours.span(hi);
    let f = hour.weight > 0 ? Math.min(Math.max((r * hours.total - hour.before) / hour.weight, 0), 0.999999999) : 0;
    // In today's unfinished hour only the minutes already passed count.
    if (hours === this.lastDay && hi === Math.floor(this.elapsedHours)) f *= this.elapsedHours - hi;
    return Math.min(Math.floor((this.starts[di] as number) + (hi + f) * HOUR_MS), this.endMs);
  }

  /** Fraction of events before ms: the inverse of quantile. */
  cdf(ms: number): number {
    if (ms <= this.startMs) return 0;
    if (ms >= this.endMs) return 1;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= ms) lo = mid;
      else hi = mid - 1;
    }
    const day = this.days.span(lo);
    const hours = this.hoursOf(lo);
    const within = (ms - (this.starts[lo] as number)) / HOUR_MS;
    const h = Math.min(Math.floor(within), 23);
    const hour = hours.span(h);
    const inHour = Math.min(within - h, 1);
    return (day.before + (day.weight * (hour.before + hour.weight * inHour)) / hours.total) / this.days.total;
  }

  /** An instant in [fromMs, toMs] with the calendar's rhythm (exact conditional draw). */
  sampleBetween(u: number, fromMs: number, toMs: number): number {
    const a = this.cdf(fromMs);
    const b = this.cdf(toMs);
    if (b - a < 1e-12) return Math.floor(fromMs + u * Math.max(0, toMs - fromMs));
    const ms = this.quantile(a + u * (b - a));
    return Math.min(Math.max(ms, fromMs), toMs);
  }
}
