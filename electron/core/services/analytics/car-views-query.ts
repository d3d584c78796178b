// One car's views per UTC day (the car editor's chart): the finished days' roll-ups from the
// seed's analytics:views:{carId} key (24-hour class, stamped with the roll-up version so a
// changed roll-up is never served); today's partial roll-up and the raw rows are read at
// every call, so today's views show at once.
import type { CarViewsPointDto } from '../../api/dto-cars';
import type { Cache } from '../../cache/cache';
import { keys, TTL } from '../../cache/keys';
import { DAY_MS, floorDay, planRange, SqlParams, unionAll, type RollupState } from './range-plan';
import type { Query } from './snapshot';

export const CAR_VIEWS_DAYS = 90;

interface CachedRollup {
  version: string;
  from: string | null;
  to: string | null;
  views: Record<string, number>;
}

export async function carViewsByDay(deps: { query: Query; cache: Cache }, carId: string, state: RollupState, nowMs = Date.now()): Promise<CarViewsPointDto[]> {
  const { query, cache } = deps;
  const toMs = floorDay(nowMs) + DAY_MS;
  const plan = planRange(toMs - CAR_VIEWS_DAYS * DAY_MS, toMs, state);
  const key = keys.analyticsViews(carId);

  // Finished days only: today's partial roll-up changes every few minutes.
  const finished = { ...plan, partial: null };
  const stamp = { version: state.version, from: plan.rollup?.from ?? null, to: plan.rollup?.to ?? null };
  const cached = await cache.get<CachedRollup>(key);
  let rolled: Record<string, number>;
  if (cached && cached.version === stamp.version && cached.from === stamp.from && cached.to === stamp.to) {
    rolled = cached.views;
  } else {
    rolled = {};
    if (plan.rollup) {
      const p = new SqlParams();
      const { rows } = await query<{ day: string; views: number }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, views FROM analytics_daily_car_views WHERE car_id = ${p.add(carId)} AND ${p.rollupWhere('day', finished)}`,
        p.values,
      );
      rolled = Object.fromEntries(rows.map((r) => [r.day, r.views]));
    }
    await cache.set(key, { ...stamp, views: rolled } satisfies CachedRollup, TTL.DAY);
  }

  const p = new SqlParams();
  const car = p.add(carId);
  const live = new Map<string, number>();
  if (plan.partial === null && plan.raw.length === 0) return plan.days.map((day) => ({ day, views: rolled[day] ?? 0 }));
  const { rows } = await query<{ day: string; views: number }>(
    unionAll([
      plan.partial !== null && `SELECT to_char(day, 'YYYY-MM-DD') AS day, views FROM analytics_daily_car_views WHERE car_id = ${car} AND day = ${p.add(plan.partial.day)}::date`,
      plan.raw.length > 0 &&
        `SELECT to_char(created_at::date, 'YYYY-MM-DD') AS day, count(*)::int AS views FROM car_views WHERE car_id = ${car} AND ${p.rawWhere('created_at', plan)} GROUP BY 1`,
    ]),
    p.values,
  );
  for (const r of rows) live.set(r.day, (live.get(r.day) ?? 0) + r.views);
  return plan.days.map((day) => ({ day, views: (rolled[day] ?? 0) + (live.get(day) ?? 0) }));
}
