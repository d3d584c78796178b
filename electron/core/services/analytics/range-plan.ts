// Splits a [from, to) range into what the roll-ups can answer and what must be read from
// the raw rows. Roll-ups answer whole UTC days before the watermark that are not dirty, and
// (for additive figures) today from its start up to partialUntil; the raw rows answer the
// partial edge days, dirty days and everything after. A finished day is never split
// between the two, so per-day distinct counts and percentiles stay exact; today's sessions
// after partialUntil are checked against the session ids of its partial roll-up.

export const DAY_MS = 86_400_000;

export const floorDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
export const ceilDay = (ms: number): number => Math.ceil(ms / DAY_MS) * DAY_MS;
/** 'YYYY-MM-DD' of the UTC day an instant falls in. */
export const dayKey = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
/** Start of the UTC month after the one `ms` falls in. */
export const nextMonth = (ms: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

export interface RollupState {
  /** Roll-ups are complete for UTC days before this one; null: nothing rolled up. */
  watermark: string | null;
  /** The watermark day's roll-up rows cover [watermark, partialUntil) (ISO); null: none. */
  partialUntil: string | null;
  /** Bumped on every change of a finished day's roll-ups: cached aggregations carry it. */
  version: string;
  /** Rolled-up days whose raw rows were deleted since: read raw until recomputed. */
  dirty: readonly string[];
}

export interface Segment {
  from: Date;
  to: Date;
}

export interface RangePlan {
  fromMs: number;
  toMs: number;
  /** Whole days [from, to) read from the roll-ups, except the listed ones; null: none. */
  rollup: { from: string; to: string; except: string[] } | null;
  /** Finished UTC months wholly inside `rollup` without a dirty day ('YYYY-MM-01'): tables that
   * have monthly roll-ups read these from them and only `dayRest` from the daily ones. */
  months: string[];
  /** The whole days of `rollup` outside `months`, as [from, to) spans. */
  dayRest: { from: string; to: string }[];
  /** Today's partial roll-up [day, until) is part of the range. */
  partial: { day: string; until: Date } | null;
  /** Disjoint instants read from the raw rows, in order. */
  raw: Segment[];
  /** Every UTC day the range touches, oldest first. */
  days: string[];
  /** The range ends at or before the watermark: only late or deleted rows can change it. */
  closed: boolean;
}

export function planRange(fromMs: number, toMs: number, state: Pick<RollupState, 'watermark' | 'partialUntil' | 'dirty'>, opts: { partial?: boolean } = {}): RangePlan {
  const watermark = state.watermark === null ? Number.NEGATIVE_INFINITY : dayMs(state.watermark);
  const until = state.partialUntil === null ? null : Date.parse(state.partialUntil);
  const days: string[] = [];
  for (let d = floorDay(fromMs); d < toMs; d += DAY_MS) days.push(dayKey(d));

  const usePartial =
    opts.partial !== false &&
    state.watermark !== null &&
    until !== null &&
    until > watermark &&
    until <= watermark + DAY_MS &&
    !state.dirty.includes(state.watermark) &&
    fromMs <= watermark &&
    toMs >= until;

  const raw: Segment[] = [];
  const add = (from: number, to: number) => {
    if (from >= to) return;
    const last = raw[raw.length - 1];
    // Adjacent pieces are merged: fewer OR terms in the SQL.
    if (last && last.to.getTime() === from) last.to = new Date(to);
    else raw.push({ from: new Date(from), to: new Date(to) });
  };

  const firstWhole = ceilDay(fromMs);
  const wholeEnd = Math.min(floorDay(toMs), watermark);
  let rollup: RangePlan['rollup'] = null;
  const months: string[] = [];
  const dayRest: RangePlan['dayRest'] = [];
  let rest = fromMs;
  if (firstWhole < wholeEnd) {
    const dirty = state.dirty.map(dayMs).filter((d) => d >= firstWhole && d < wholeEnd).sort((a, b) => a - b);
    rollup = { from: dayKey(firstWhole), to: dayKey(wholeEnd), except: dirty.map(dayKey) };
    // Months that start and end inside the whole days, none of their days dirty.
    let spanFrom = firstWhole;
    for (let m = dayMs(dayKey(firstWhole).slice(0, 8) + '01'); m < wholeEnd; m = nextMonth(m)) {
      const end = nextMonth(m);
      if (m < firstWhole || end > wholeEnd || dirty.some((d) => d >= m && d < end)) continue;
      if (spanFrom < m) dayRest.push({ from: dayKey(spanFrom), to: dayKey(m) });
      months.push(dayKey(m));
      spanFrom = end;
    }
    if (spanFrom < wholeEnd) dayRest.push({ from: dayKey(spanFrom), to: dayKey(wholeEnd) });
    add(fromMs, firstWhole);
    for (const d of dirty) add(d, d + DAY_MS);
    rest = wholeEnd;
  }
  if (usePartial) {
    add(rest, watermark);
    add(until, toMs);
  } else {
    add(rest, toMs);
  }
  const partial = usePartial ? { day: state.watermark!, until: new Date(until!) } : null;
  return { fromMs, toMs, rollup, months, dayRest, partial, raw, days, closed: toMs <= watermark };
}

/** SQL pieces with numbered parameters, appended to one values array. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** An instant for a `timestamp(3)` column holding UTC (ISO with Z: the zone is dropped as is). */
  instant(at: Date): string {
    return `${this.add(at.toISOString())}::timestamp`;
  }

  /** `column` within any of the raw segments (false when there are none). */
  rawWhere(column: string, plan: RangePlan): string {
    if (plan.raw.length === 0) return 'false';
    return `(${plan.raw.map((s) => `(${column} >= ${this.instant(s.from)} AND ${column} < ${this.instant(s.to)})`).join(' OR ')})`;
  }

  /** The roll-up days of the plan, today's partial one included (false when there are none). */
  rollupWhere(column: string, plan: RangePlan): string {
    const parts: string[] = [];
    const r = plan.rollup;
    if (r) {
      const whole = `${column} >= ${this.add(r.from)}::date AND ${column} < ${this.add(r.to)}::date`;
      parts.push(r.except.length ? `(${whole} AND NOT (${column} = ANY(${this.add(r.except)}::date[])))` : `(${whole})`);
    }
    if (plan.partial) parts.push(`${column} = ${this.add(plan.partial.day)}::date`);
    return parts.length ? `(${parts.join(' OR ')})` : 'false';
  }

  /** Like rollupWhere, without the days of the plan's months (for tables with monthly roll-ups). */
  dayRestWhere(column: string, plan: RangePlan): string {
    const parts = plan.dayRest.map((r) => `(${column} >= ${this.add(r.from)}::date AND ${column} < ${this.add(r.to)}::date)`);
    if (plan.partial) parts.push(`${column} = ${this.add(plan.partial.day)}::date`);
    if (!parts.length) return 'false';
    const except = plan.rollup?.except.length ? ` AND NOT (${column} = ANY(${this.add(plan.rollup.except)}::date[]))` : '';
    return `((${parts.join(' OR ')})${except})`;
  }

  monthsWhere(column: string, plan: RangePlan): string {
    return plan.months.length ? `${column} = ANY(${this.add(plan.months)}::date[])` : 'false';
  }
}

/** What a query must read of a plan; a part it need not read is left out of the SQL. */
export const reads = (plan: RangePlan) => ({
  rollup: plan.rollup !== null || plan.partial !== null,
  months: plan.months.length > 0,
  dayRest: plan.dayRest.length > 0 || plan.partial !== null,
  raw: plan.raw.length > 0,
});

/**
 * UNION ALL of the branches a plan needs. Left-out branches are not written as `WHERE false`:
 * the planner would still cost them as scans of millions of rows and compile them with JIT.
 */
export function unionAll(branches: (string | false)[]): string {
  const used = branches.filter((b): b is string => typeof b === 'string');
  // A range (from < to) always has roll-up days or raw rows.
  if (!used.length) throw new Error('A range plan with nothing to read.');
  return used.join('\n UNION ALL\n');
}
