// How a range is split between roll-ups and raw rows (pure), and the renderer's period and
// export helpers.
import { describe, expect, it } from 'vitest';
import { planRange, type RollupState } from '../../electron/core/services/analytics/range-plan';
import { exportName, toCsv } from '../../renderer/src/screens/analytics/chart-export';
import { customPeriod, periodDays, presetPeriod } from '../../renderer/src/screens/analytics/range';

const at = (s: string) => Date.parse(s);
const state = (over: Partial<RollupState> = {}): RollupState => ({ watermark: '2026-11-25', partialUntil: null, version: '1', dirty: [], ...over });
const spans = (plan: ReturnType<typeof planRange>) => plan.raw.map((s) => `${s.from.toISOString()}…${s.to.toISOString()}`);

describe('planRange', () => {
  it('reads whole days before the watermark from roll-ups and the edges raw', () => {
    const plan = planRange(at('2026-10-03T13:00:00Z'), at('2026-11-20T06:00:00Z'), state());
    expect(plan.rollup).toEqual({ from: '2026-10-04', to: '2026-11-20', except: [] });
    expect(plan.months).toEqual([]);
    expect(plan.dayRest).toEqual([{ from: '2026-10-04', to: '2026-11-20' }]);
    expect(spans(plan)).toEqual(['2026-10-03T13:00:00.000Z…2026-10-04T00:00:00.000Z', '2026-11-20T00:00:00.000Z…2026-11-20T06:00:00.000Z']);
    expect(plan.days[0]).toBe('2026-10-03');
    expect(plan.days.at(-1)).toBe('2026-11-20');
    expect(plan.closed).toBe(true);
  });

  it('uses whole finished months without dirty days from the monthly roll-ups', () => {
    const plan = planRange(at('2026-06-15T00:00:00Z'), at('2026-11-03T00:00:00Z'), state({ dirty: ['2026-08-10'] }));
    expect(plan.months).toEqual(['2026-07-01', '2026-09-01', '2026-10-01']);
    expect(plan.dayRest).toEqual([
      { from: '2026-06-15', to: '2026-07-01' },
      { from: '2026-08-01', to: '2026-09-01' },
      { from: '2026-11-01', to: '2026-11-03' },
    ]);
    expect(plan.rollup?.except).toEqual(['2026-08-10']);
    expect(spans(plan)).toEqual(['2026-08-10T00:00:00.000Z…2026-08-11T00:00:00.000Z']);
  });

  it('adds today’s partial roll-up when the range covers it, and reads on from its end', () => {
    const s = state({ partialUntil: '2026-11-25T09:00:00.000Z' });
    const plan = planRange(at('2026-11-18T00:00:00Z'), at('2026-11-26T00:00:00Z'), s);
    expect(plan.partial).toEqual({ day: '2026-11-25', until: new Date('2026-11-25T09:00:00.000Z') });
    expect(spans(plan)).toEqual(['2026-11-25T09:00:00.000Z…2026-11-26T00:00:00.000Z']);
    expect(plan.closed).toBe(false);
    // Ending before the partial's end, starting inside today, or asked without it: raw.
    expect(planRange(at('2026-11-18T00:00:00Z'), at('2026-11-25T08:00:00Z'), s).partial).toBeNull();
    expect(planRange(at('2026-11-25T01:00:00Z'), at('2026-11-26T00:00:00Z'), s).partial).toBeNull();
    expect(planRange(at('2026-11-18T00:00:00Z'), at('2026-11-26T00:00:00Z'), s, { partial: false }).raw.map((r) => r.from.toISOString())).toEqual(['2026-11-25T00:00:00.000Z']);
    // A dirty today: raw.
    expect(planRange(at('2026-11-18T00:00:00Z'), at('2026-11-26T00:00:00Z'), { ...s, dirty: ['2026-11-25'] }).partial).toBeNull();
  });

  it('reads everything raw before the first roll-up and inside one day', () => {
    expect(spans(planRange(at('2026-11-01T00:00:00Z'), at('2026-11-10T00:00:00Z'), state({ watermark: null })))).toEqual(['2026-11-01T00:00:00.000Z…2026-11-10T00:00:00.000Z']);
    const inDay = planRange(at('2026-11-10T03:00:00Z'), at('2026-11-10T04:00:00Z'), state());
    expect(inDay.rollup).toBeNull();
    expect(inDay.days).toEqual(['2026-11-10']);
  });
});

describe('renderer helpers', () => {
  it('presets end at tomorrow’s UTC midnight; a custom range includes its last day', () => {
    const now = at('2026-11-25T09:30:00Z');
    expect(presetPeriod('days7', now)).toEqual({ from: '2026-11-19T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' });
    expect(presetPeriod('days90', now).from).toBe('2026-08-28T00:00:00.000Z');
    expect(presetPeriod('year', now)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' });
    expect(customPeriod('2026-11-01', '2026-11-01')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' });
    expect(customPeriod('2026-11-02', '2026-11-01')).toBe('endBeforeStart');
    expect(customPeriod('2020-01-01', '2026-11-01')).toBe('tooLong');
    expect(customPeriod('', '2026-11-01')).toBe('missing');
    expect(periodDays(presetPeriod('days7', now))).toEqual({ from: '2026-11-19', to: '2026-11-25' });
  });

  it('writes CSV with quoting and names files by chart and period', () => {
    expect(toCsv([{ key: 'a', label: 'Path' }, { key: 'b', label: 'Views, all' }], [{ a: '/autot', b: 5 }, { a: 'say "hi"', b: null }])).toBe('Path,"Views, all"\r\n/autot,5\r\n"say ""hi""",\r\n');
    expect(exportName('Views over time', { from: '2026-11-19T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' }, 'png')).toBe('kroi-views-over-time-2026-11-19-2026-11-25.png');
  });
});
