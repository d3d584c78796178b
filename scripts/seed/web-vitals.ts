// Core Web Vitals as the website's web-vitals script reports them: per page load TTFB,
// FCP and LCP (which build on each other), CLS for most loads and INP when the visitor
// interacted. Ratings use web.dev's thresholds.
import { CarPicker } from './car-picker';
import type { CarIndex } from './cars';
import type { SeedContext } from './context';
import { defineTable, type RowOf } from './copy-loader';
import { sessionId } from './people';
import { Rng, STREAM, WeightedTable } from './random';
import { PAGES, carPath } from './site';

export const webVitalsTable = defineTable('web_vitals', ['name', 'value', 'rating', 'path', 'session_id', 'navigation_type', 'created_at']);

export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';

/** "good" up to the first number, "poor" above the second (web.dev). */
export const THRESHOLDS: Readonly<Record<VitalName, readonly [number, number]>> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

export function rate(name: VitalName, value: number): 'good' | 'needs-improvement' | 'poor' {
  const [good, poor] = THRESHOLDS[name];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
}

const NAVIGATION = WeightedTable.of([
  ['navigate', 85],
  ['back-forward', 7],
  ['reload', 5],
  ['prerender', 3],
] as const);

const STATIC_PATHS = WeightedTable.of([
  [PAGES.home.path, 20],
  [PAGES.list.path, 20],
  [PAGES.financing.path, 4],
  [PAGES.contact.path, 4],
  [PAGES.tradeIn.path, 2],
  [PAGES.about.path, 1],
  [PAGES.homeEn.path, 1],
] as const);

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function* webVitalRows(ctx: SeedContext, cars: CarIndex, count: number): Generator<RowOf<typeof webVitalsTable>> {
  const rng = Rng.for(ctx.seed, STREAM.vital);
  const picker = new CarPicker(cars);
  let emitted = 0;
  while (emitted < count) {
    const t = ctx.web.quantile((emitted + rng.float()) / count);
    const carPage = rng.chance(0.45) ? picker.pick(rng, t, 16) : null;
    const path = carPage === null ? STATIC_PATHS.draw(rng) : carPath(cars.slug(carPage));
    // Car pages carry big photos: a slower largest paint and more layout shift.
    const heavy = carPage !== null ? 1.2 : 1;
    const ttfb = rng.logNormal(450, 0.55);
    const fcp = ttfb + rng.logNormal(700, 0.45);
    const lcp = fcp + rng.logNormal(450 * heavy, 0.8);
    const values: [VitalName, number][] = [
      ['TTFB', round(ttfb, 1)],
      ['FCP', round(fcp, 1)],
      ['LCP', round(lcp, 1)],
    ];
    if (rng.chance(0.9)) values.push(['CLS', rng.chance(0.45) ? 0 : round(rng.logNormal(0.03 * heavy, 1.1), 4)]);
    if (rng.chance(0.6)) values.push(['INP', Math.max(8, Math.round(rng.logNormal(110, 0.7) / 8) * 8)]);
    const session = sessionId(rng);
    const navigation = NAVIGATION.draw(rng);
    for (const [name, value] of values) {
      if (emitted >= count) return;
      yield {
        name,
        value,
        rating: rate(name, value),
        path,
        session_id: session,
        navigation_type: navigation,
        // Metrics are sent as they become final: TTFB first, INP and CLS when the page is hidden.
        created_at: new Date(Math.min(t + (name === 'INP' || name === 'CLS' ? Math.floor(rng.range(5_000, 120_000)) : Math.floor(value)), ctx.nowMs)),
      };
      emitted++;
    }
  }
}
