// The dashboards' cache (a repeat call is a hit; the 24-hour class for ranges the roll-ups
// cover to the end, one minute for ranges reaching today), a car's own views (exact, today's
// views at once), and the channels' input checks and roles.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL } from '../support/env';
import { analyticsFixture, anyCar, DAY, dropCache, HOUR, insertCarViews, iso, range, type Fixture } from './helpers';
import { rawCarViews } from './raw-dashboard';

let f: Fixture;
let redis: Redis;
beforeAll(async () => {
  f = await analyticsFixture();
  await f.t.core.analytics.rollup.run();
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
}, 240_000);
afterAll(async () => {
  redis?.disconnect();
  await f?.t.close();
});

async function ttls(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${f.t.keyPrefix}analytics:*`, 'COUNT', 500);
    cursor = next;
    for (const key of found) out[key.slice(f.t.keyPrefix.length)] = await redis.ttl(key);
  } while (cursor !== '0');
  return out;
}

describe('cache', () => {
  it('a second dashboard call is a hit and answers the same', async () => {
    await dropCache(f);
    const r = range(f.today - 29 * DAY, f.today + DAY);
    const first = await f.users.VIEWER.ok('analytics.dashboard', r);
    const s0 = f.t.core.cache.stats();
    const second = await f.users.VIEWER.ok('analytics.dashboard', r);
    const s1 = f.t.core.cache.stats();
    // Traffic, leads and stock of the range and of the previous period: four parts, all hits.
    expect([s1.hits - s0.hits, s1.misses - s0.misses]).toEqual([4, 0]);
    expect(second).toEqual(first);
  });

  it('keeps finished ranges for 24 hours and ranges reaching today for a minute', async () => {
    await dropCache(f);
    await f.users.VIEWER.ok('analytics.dashboard', range(f.today - 40 * DAY, f.today - 10 * DAY, false));
    await f.users.VIEWER.ok('analytics.vitals', { from: iso(f.today - 40 * DAY), to: iso(f.today - 10 * DAY), path: null });
    await f.users.VIEWER.ok('analytics.dashboard', range(f.today - 6 * DAY, f.today + DAY, false));
    const left = await ttls();
    const closed = Object.entries(left).filter(([k]) => /^analytics:(traffic|vitals):/.test(k) && k.includes(iso(f.today - 10 * DAY)));
    const open = Object.entries(left).filter(([k]) => /^analytics:(traffic|business):/.test(k) && k.includes(iso(f.today + DAY)));
    expect(closed.length).toBe(2);
    for (const [key, ttl] of closed) expect(ttl, key).toBeGreaterThan(86_000);
    expect(open.length).toBe(2);
    for (const [key, ttl] of open) expect(ttl, key).toBeLessThanOrEqual(60);
    // Leads and stock change by staff edits at any time: a minute, whatever the range.
    for (const [key, ttl] of Object.entries(left).filter(([k]) => k.startsWith('analytics:business:'))) expect(ttl, key).toBeLessThanOrEqual(60);
  });
});

describe("a car's own views (the car editor's chart)", () => {
  it('are exact over 90 days, from the seed key for finished days and live for today', async () => {
    const car = await anyCar(f.pool);
    const first = await f.users.VIEWER.ok('cars.views', { id: car.id });
    expect(first).toHaveLength(90);
    expect(first.at(-1)!.day).toBe(iso(f.today).slice(0, 10));
    expect(first).toEqual(await rawCarViews(f.pool, car.id, Date.now()));
    expect(await redis.ttl(`${f.t.keyPrefix}analytics:views:${car.id}`)).toBeGreaterThan(86_000);

    // A view now shows at once.
    await insertCarViews(f.pool, [{ at: Date.now() - 5_000, carId: car.id }]);
    const second = await f.users.VIEWER.ok('cars.views', { id: car.id });
    expect(second.at(-1)!.views).toBe(first.at(-1)!.views + 1);
    expect(second).toEqual(await rawCarViews(f.pool, car.id, Date.now()));

    // Late rows on finished days of the last week: counted once the job has looked again.
    await insertCarViews(f.pool, [
      { at: f.today - DAY + 5 * HOUR, carId: car.id },
      { at: f.today - 6 * DAY + 5 * HOUR, carId: car.id },
    ]);
    await f.t.core.analytics.rollup.run();
    expect(await f.users.VIEWER.ok('cars.views', { id: car.id })).toEqual(await rawCarViews(f.pool, car.id, Date.now()));
  });
});

describe('inputs and roles', () => {
  const good = () => ({ from: iso(f.today - 7 * DAY), to: iso(f.today) });

  it.each([
    ['the end before the start', () => ({ from: iso(f.today), to: iso(f.today - DAY) }), 'to'],
    ['an empty range', () => ({ from: iso(f.today), to: iso(f.today) }), 'to'],
    ['more than two years', () => ({ from: iso(f.today - 800 * DAY), to: iso(f.today) }), 'to'],
    ['a date without a time', () => ({ from: '2026-01-01', to: iso(f.today) }), 'from'],
    ['not a date', () => ({ from: 'yesterday', to: iso(f.today) }), 'from'],
    ['a huge string', () => ({ from: 'x'.repeat(100_000), to: iso(f.today) }), 'from'],
    ['a number', () => ({ from: 5, to: iso(f.today) }), 'from'],
    ['an unknown field', () => ({ ...good(), sql: 'DROP TABLE cars' }), 'sql'],
    ['a compare flag that is not a boolean', () => ({ ...good(), compare: 'yes' }), 'compare'],
  ])('refuses %s', async (_label, input, field) => {
    const result = await f.t.core.router.call('analytics.dashboard', input(), f.users.VIEWER);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(Object.keys(result.error.fields ?? {})).toContain(field);
    }
  });

  it('refuses a vitals path that is not a path', async () => {
    for (const path of ['autot', '/a b', 'x'.repeat(301)]) {
      const result = await f.t.core.router.call('analytics.vitals', { ...good(), path }, f.users.VIEWER);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('accepts any offset and answers in UTC', async () => {
    const d = await f.users.VIEWER.ok('analytics.dashboard', { from: '2026-01-01T02:00:00+02:00', to: '2026-01-08T00:00:00.000Z', compare: false });
    expect(d.range).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' });
  });

  it('needs a session; every role reads', async () => {
    expect(await f.t.core.router.call('analytics.dashboard', good(), f.users.anonymous)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const role of ['VIEWER', 'ADMIN', 'SUPER_ADMIN'] as const) expect((await f.t.core.router.call('analytics.vitals', good(), f.users[role])).ok).toBe(true);
  });
});
