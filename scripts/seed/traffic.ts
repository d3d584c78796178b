// Website traffic: car_views and page_views, generated as visits (a visitor from some
// referrer looks at a few pages in a row). Visit start times are stratified over the
// analytics window, so rows come out roughly in time order with the calendar's rhythm.
import { CarPicker } from './car-picker';
import type { CarIndex } from './cars';
import { carId } from './cars';
import type { SeedContext } from './context';
import { defineTable, type RowOf } from './copy-loader';
import { sessionId, userAgent, visitorIp } from './people';
import { Rng, STREAM } from './random';
import { PAGES, REFERRERS, REFERRER_URL, SITE_ORIGIN, carPath, carTitle, landingPage, nextPage, type PageKind } from './site';
import { MINUTE_MS } from './time';

export const carViewsTable = defineTable('car_views', ['car_id', 'session_id', 'ip_address', 'user_agent', 'referrer', 'created_at']);
export const pageViewsTable = defineTable('page_views', [
  'path', 'title', 'referrer', 'session_id', 'ip_address', 'user_agent', 'load_time_ms', 'duration_ms', 'created_at',
]);

interface Visitor {
  session: string;
  ip: string;
  ua: string;
  referrer: string | null;
  source: ReturnType<typeof REFERRERS.draw>;
}

function visitor(rng: Rng): Visitor {
  const source = REFERRERS.draw(rng);
  return { session: sessionId(rng), ip: visitorIp(rng), ua: userAgent(rng), referrer: REFERRER_URL[source], source };
}

/** Where visit number `emitted` of `count` starts on the calendar. */
const visitStart = (ctx: SeedContext, rng: Rng, emitted: number, count: number): number => ctx.web.quantile((emitted + rng.float()) / count);

/** A car listed at time t (moving t into the car's listing if nothing was listed then). */
function carAt(ctx: SeedContext, picker: CarPicker, rng: Rng, t: number): { car: number; at: number } | null {
  const car = picker.pick(rng, t, 32);
  if (car !== null) return { car, at: t };
  const any = picker.anyListedAfter(rng, ctx.web.startMs);
  return any === null ? null : { car: any, at: picker.clampToListing(any, t) };
}

export function* carViewRows(ctx: SeedContext, cars: CarIndex, count: number): Generator<RowOf<typeof carViewsTable>> {
  const rng = Rng.for(ctx.seed, STREAM.carView);
  const picker = new CarPicker(cars);
  let emitted = 0;
  while (emitted < count) {
    const v = visitor(rng);
    let t = visitStart(ctx, rng, emitted, count);
    let previous: number | null = null;
    do {
      const hit = carAt(ctx, picker, rng, t);
      if (!hit) return;
      yield {
        car_id: carId(ctx, hit.car),
        session_id: v.session,
        ip_address: v.ip,
        user_agent: v.ua,
        // Within a visit the referrer is the page the visitor came from on our own site.
        referrer: previous === null ? v.referrer : `${SITE_ORIGIN}${rng.chance(0.5) ? carPath(cars.slug(previous)) : '/autot'}`,
        created_at: new Date(hit.at),
      };
      emitted++;
      previous = hit.car;
      t = Math.min(hit.at + Math.floor(rng.logNormal(70_000, 0.8)), ctx.nowMs);
    } while (emitted < count && rng.chance(0.4));
  }
}

const LOAD_MEDIAN_MS: Readonly<Record<PageKind, number>> = { home: 900, list: 1300, car: 1100, contact: 700, financing: 750, tradeIn: 750, about: 650, homeEn: 900 };
const DWELL_MEDIAN_MS: Readonly<Record<PageKind, number>> = { home: 15_000, list: 40_000, car: 60_000, contact: 30_000, financing: 50_000, tradeIn: 45_000, about: 25_000, homeEn: 20_000 };

export function* pageViewRows(ctx: SeedContext, cars: CarIndex, count: number): Generator<RowOf<typeof pageViewsTable>> {
  const rng = Rng.for(ctx.seed, STREAM.pageView);
  const picker = new CarPicker(cars);
  let emitted = 0;
  while (emitted < count) {
    const v = visitor(rng);
    let t = visitStart(ctx, rng, emitted, count);
    let kind: PageKind | null = landingPage(rng, v.source);
    let referrer = v.referrer;
    while (kind !== null && emitted < count) {
      let path: string;
      let title: string;
      if (kind === 'car') {
        const hit = picker.pick(rng, t, 16);
        if (hit === null) {
          kind = 'list';
          continue;
        }
        path = carPath(cars.slug(hit));
        title = carTitle(cars, hit);
      } else {
        ({ path, title } = PAGES[kind]);
      }
      const next = nextPage(rng, kind);
      const dwell = Math.min(Math.floor(rng.logNormal(DWELL_MEDIAN_MS[kind], 1)), 30 * MINUTE_MS);
      yield {
        path,
        title,
        referrer,
        session_id: v.session,
        ip_address: v.ip,
        user_agent: v.ua,
        // A few beacons never arrive: no load time, and often no time-on-page for the exit page.
        load_time_ms: rng.chance(0.03) ? null : Math.max(120, Math.round(rng.logNormal(LOAD_MEDIAN_MS[kind], 0.5))),
        duration_ms: next === null && rng.chance(0.4) ? null : dwell,
        created_at: new Date(t),
      };
      emitted++;
      referrer = `${SITE_ORIGIN}${path}`;
      t = Math.min(t + dwell + Math.floor(rng.range(300, 3000)), ctx.nowMs);
      kind = next;
    }
  }
}
