// The seed's Redis cache of the inventory, checked in Redis itself: what each read puts
// there, that every write removes the car's own keys and every `cars:*` key (a stale read
// after a write is a failure), hit and miss counting, single-flight loads, TTL classes,
// and SCAN-based pattern deletes that stay inside the key prefix.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CarDto } from '../../electron/core/api/dto-cars';
import type { Core } from '../../electron/core/index';
import { createTestCore, type TestCore } from '../support/core';
import { REDIS_URL } from '../support/env';
import { createRoleUsers, type RoleClients } from '../support/users';
import { corolla, type NewCar } from './fixtures';
import { clientWithToken, countQueries, editOf, holdQueries, mentions, openCore, rawRedis, scanKeys, startPrivateRedis } from './helpers';

let t: TestCore;
let u: RoleClients;
let redis: Redis;

beforeAll(async () => {
  // A slow-Redis threshold above any scheduling stall of a loaded CI box: this file checks
  // what is cached, not how a slow Redis is skipped (redis-down.test.ts does that).
  t = await createTestCore({ cacheCommandTimeoutMs: 1000 });
  u = await createRoleUsers(t.core);
  redis = rawRedis(REDIS_URL);
});
afterAll(async () => {
  // The test's own keys go with it.
  if (redis && t) {
    const left = await scanKeys(redis, t.keyPrefix);
    if (left.length) await redis.del(...left.map((k) => t.keyPrefix + k));
    redis.disconnect();
  }
  await t?.close();
});

const keys = (pattern = '*') => scanKeys(redis, t.keyPrefix, pattern);
const put = (key: string, value: unknown, ttl: number) => redis.set(t.keyPrefix + key, JSON.stringify(value), 'EX', ttl);
const create = (over: Partial<NewCar> = {}) => u.ADMIN.ok('cars.create', corolla(over));

let n = 0;
/** A car of a brand of its own (so brand-level reads are about it), with a related neighbour. */
async function freshCar(over: Partial<NewCar> = {}): Promise<CarDto> {
  n++;
  const brand = `Merkki${n}`;
  await create({ name: `${brand} naapuri`, brand, model: 'Naapuri', priceEur: 20500 });
  return create({ name: `${brand} Malli ${n}`, brand, model: 'Malli', priceEur: 20000, ...over });
}

/**
 * Reads that fill every key family of the seed for `car`, plus the keys the website writes
 * with the same names (car:slug:{slug}, cars:category:{category}); checks they are in Redis.
 */
async function warm(car: CarDto): Promise<void> {
  await u.VIEWER.ok('cars.get', { id: car.id });
  await u.VIEWER.ok('cars.list', {});
  await u.VIEWER.ok('cars.list', { brand: [car.brand], sort: 'price', dir: 'asc' });
  await u.VIEWER.ok('cars.facets', {});
  await u.VIEWER.ok('cars.related', { id: car.id });
  await u.VIEWER.ok('cars.featured', {});
  await u.VIEWER.ok('cars.brandModels', { brand: car.brand });
  await put(`car:slug:${car.slug}`, car, 3600);
  await put(`cars:category:${car.category}`, [car], 300);
  const present = await keys();
  expect(present).toEqual(
    expect.arrayContaining([
      `car:${car.id}`,
      `car:slug:${car.slug}`,
      'cars:featured',
      `cars:related:${car.id}`,
      `cars:brand:${car.brand.toLowerCase()}`,
      `cars:category:${car.category}`,
    ]),
  );
  // Two list pages and the facets.
  expect(present.filter((k) => k.startsWith('cars:list:')).length).toBeGreaterThanOrEqual(3);
}

/** The seed's rule on a car change: the car's own keys and every cars:* key are gone. */
async function expectInvalidated(...cars: { id: string; slug: string }[]): Promise<void> {
  const left = await keys();
  for (const car of cars) {
    expect(left).not.toContain(`car:${car.id}`);
    expect(left).not.toContain(`car:slug:${car.slug}`);
  }
  expect(left.filter((k) => k.startsWith('cars:'))).toEqual([]);
}

const listed = async (input: Parameters<typeof u.VIEWER.ok<'cars.list'>>[1] = {}) => (await u.VIEWER.ok('cars.list', { limit: 200, ...input })).items;

describe('reads fill the seed keys', () => {
  it('with the seed TTL classes: car 1 h, listings 5 min, views 24 h', async () => {
    const car = await freshCar();
    await warm(car);
    await u.VIEWER.ok('cars.views', { id: car.id });
    // Seconds left, a little under the class while the test runs.
    const expectTtl = async (key: string, lo: number, hi: number) => {
      const left = await redis.ttl(t.keyPrefix + key);
      expect(left, key).toBeGreaterThan(lo);
      expect(left, key).toBeLessThanOrEqual(hi);
    };
    await expectTtl(`car:${car.id}`, 3500, 3600);
    for (const key of await keys('cars:list:*')) await expectTtl(key, 240, 300);
    await expectTtl('cars:featured', 240, 300);
    await expectTtl(`cars:related:${car.id}`, 240, 300);
    await expectTtl(`cars:brand:${car.brand.toLowerCase()}`, 240, 300);
    await expectTtl(`analytics:views:${car.id}`, 86_000, 86_400);
  });

  it('a repeat read is a hit, a first read a miss', async () => {
    const car = await freshCar();
    const s0 = t.core.cache.stats();
    await u.VIEWER.ok('cars.get', { id: car.id });
    const s1 = t.core.cache.stats();
    expect([s1.hits - s0.hits, s1.misses - s0.misses]).toEqual([0, 1]);
    const again = await u.VIEWER.ok('cars.get', { id: car.id });
    const s2 = t.core.cache.stats();
    expect([s2.hits - s1.hits, s2.misses - s1.misses]).toEqual([1, 0]);
    expect(again).toEqual(car);
    expect(s2.hitRate).toBeCloseTo(s2.hits / (s2.hits + s2.misses));
    const status = await u.VIEWER.ok('system.status', {});
    expect(status.cache).toMatchObject({ configured: true, up: true });
  });

  it('brand models are cached per brand whatever its case, and the answer is the same', async () => {
    const car = await freshCar();
    const lower = await u.VIEWER.ok('cars.brandModels', { brand: car.brand.toLowerCase() });
    const exact = await u.VIEWER.ok('cars.brandModels', { brand: car.brand });
    expect(exact).toEqual([
      { model: 'Malli', count: 1 },
      { model: 'Naapuri', count: 1 },
    ]);
    expect(lower).toEqual(exact);
  });
});

describe('every write removes the car keys and every cars:* key; the next read is fresh', () => {
  it('cars.update (price, model, featured)', async () => {
    const car = await freshCar();
    const bystander = await create({ name: 'Sivullinen' });
    await u.VIEWER.ok('cars.get', { id: bystander.id });
    await warm(car);
    await u.ADMIN.ok('cars.update', editOf(car, { priceEur: 17777, model: 'Uusimalli', featured: true }));
    await expectInvalidated(car);
    // The seed deletes the specific car's key, not every car's.
    expect(await keys('car:*')).toContain(`car:${bystander.id}`);

    expect(await u.VIEWER.ok('cars.get', { id: car.id })).toMatchObject({ priceEur: 17777, model: 'Uusimalli', featured: true });
    expect((await listed()).find((c) => c.id === car.id)).toMatchObject({ priceEur: 17777, model: 'Uusimalli' });
    expect((await listed({ brand: [car.brand], sort: 'price', dir: 'asc' }))[0]).toMatchObject({ id: car.id, priceEur: 17777 });
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).toContain(car.id);
    expect((await u.VIEWER.ok('cars.brandModels', { brand: car.brand })).map((m) => m.model)).toContain('Uusimalli');
    expect((await u.VIEWER.ok('cars.facets', {})).model.map((f) => f.value)).toContain('Uusimalli');
  });

  it('cars.update with a new slug removes the old and the new slug key', async () => {
    const car = await freshCar();
    await warm(car);
    await put('car:slug:uusi-osoite-cache', null, 3600); // the website cached a miss for the new address
    const moved = await u.ADMIN.ok('cars.update', editOf(car, { slug: 'uusi-osoite-cache' }));
    expect(moved.slug).toBe('uusi-osoite-cache');
    await expectInvalidated(car, moved);
  });

  it('cars.setStatus', async () => {
    const car = await freshCar({ featured: true });
    await warm(car);
    await u.ADMIN.ok('cars.setStatus', { id: car.id, version: car.version, status: 'SOLD', soldPriceEur: 19000 });
    await expectInvalidated(car);
    expect(await u.VIEWER.ok('cars.get', { id: car.id })).toMatchObject({ status: 'SOLD', soldPriceEur: 19000 });
    expect((await listed()).find((c) => c.id === car.id)?.status).toBe('SOLD');
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).not.toContain(car.id);
    const statuses = Object.fromEntries((await u.VIEWER.ok('cars.facets', {})).status.map((f) => [f.value, f.count]));
    expect(statuses.SOLD).toBeGreaterThanOrEqual(1);
  });

  it('cars.delete and cars.restore', async () => {
    const car = await freshCar({ featured: true });
    const neighbour = (await u.VIEWER.ok('cars.related', { id: car.id }))[0]!;
    await u.VIEWER.ok('cars.related', { id: neighbour.id });
    await warm(car);
    const deleted = await u.ADMIN.ok('cars.delete', { id: car.id, version: car.version });
    await expectInvalidated(car);
    expect((await u.VIEWER.ok('cars.get', { id: car.id })).deletedAt).toBe(deleted.deletedAt);
    expect((await listed()).map((c) => c.id)).not.toContain(car.id);
    expect((await listed({ brand: [car.brand], sort: 'price', dir: 'asc' })).map((c) => c.id)).toEqual([neighbour.id]);
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).not.toContain(car.id);
    expect((await u.VIEWER.ok('cars.related', { id: neighbour.id })).map((c) => c.id)).not.toContain(car.id);
    expect((await u.VIEWER.ok('cars.brandModels', { brand: car.brand })).map((m) => m.model)).toEqual(['Naapuri']);

    await warm(deleted);
    await u.ADMIN.ok('cars.restore', { id: car.id });
    await expectInvalidated(car);
    expect((await u.VIEWER.ok('cars.get', { id: car.id })).deletedAt).toBeNull();
    expect((await listed()).map((c) => c.id)).toContain(car.id);
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).toContain(car.id);
    expect((await u.VIEWER.ok('cars.related', { id: neighbour.id })).map((c) => c.id)).toContain(car.id);
  });

  it('cars.bulk', async () => {
    const a = await freshCar();
    const b = await freshCar();
    await warm(a);
    await warm(b);
    await u.ADMIN.ok('cars.bulk', { ids: [a.id, b.id], action: { type: 'featured', featured: true } });
    await expectInvalidated(a, b);
    expect((await u.VIEWER.ok('cars.get', { id: a.id })).featured).toBe(true);
    expect((await u.VIEWER.ok('cars.get', { id: b.id })).featured).toBe(true);
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await u.VIEWER.ok('cars.facets', {})).featured.find((f) => f.value === 'true')?.count).toBeGreaterThanOrEqual(2);
  });

  it('cars.importCsv', async () => {
    const car = await freshCar();
    await warm(car);
    const before = await u.VIEWER.ok('cars.list', {});
    const csv = `name,brand,model,year,price_eur,mileage_km,fuel_type,transmission,category\nTuotu ${car.brand},${car.brand},Tuotu,2020,20100,1000,petrol,manual,suv\n`;
    expect((await u.ADMIN.ok('cars.importCsv', { csv, dryRun: false })).imported).toBe(1);
    await expectInvalidated();
    expect((await u.VIEWER.ok('cars.list', {})).total).toBe(before.total + 1);
    expect((await u.VIEWER.ok('cars.brandModels', { brand: car.brand })).map((m) => m.model)).toContain('Tuotu');
    expect((await u.VIEWER.ok('cars.related', { id: car.id })).map((c) => c.name)).toContain(`Tuotu ${car.brand}`);
  });

  it('cars.create and cars.purge', async () => {
    const car = await freshCar();
    await warm(car);
    const name = `${car.brand} Uusi`;
    const slug = await u.ADMIN.ok('cars.slugPreview', { name });
    await put(`car:slug:${slug}`, null, 3600); // the website cached a miss for the address-to-be
    const created = await create({ name, brand: car.brand, model: 'Uusi', priceEur: 20200 });
    expect(created.slug).toBe(slug);
    await expectInvalidated(created);
    expect((await u.VIEWER.ok('cars.related', { id: car.id })).map((c) => c.id)).toContain(created.id);

    const trashed = await u.ADMIN.ok('cars.delete', { id: created.id, version: created.version });
    await u.VIEWER.ok('cars.get', { id: created.id });
    await warm(trashed);
    await u.SUPER_ADMIN.ok('cars.purge', { id: created.id });
    await expectInvalidated(created);
    expect(await u.VIEWER.call('cars.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('another PC sharing Redis reads the change at once', async () => {
    const car = await freshCar();
    // A second core on the same database and Redis: another showroom PC.
    const pc2 = await openCore(t.database.url, { url: REDIS_URL, password: null, keyPrefix: t.keyPrefix }, { cacheCommandTimeoutMs: 1000 });
    try {
      const onPc2 = clientWithToken(pc2, u.VIEWER.sessionToken);
      expect((await onPc2.ok('cars.get', { id: car.id })).priceEur).toBe(20000);
      expect((await onPc2.ok('cars.list', { brand: [car.brand] })).items.map((c) => c.priceEur)).toContain(20000);
      await u.ADMIN.ok('cars.update', editOf(car, { priceEur: 16400 }));
      expect((await onPc2.ok('cars.get', { id: car.id })).priceEur).toBe(16400);
      expect((await onPc2.ok('cars.list', { brand: [car.brand] })).items.map((c) => c.priceEur)).toContain(16400);
    } finally {
      await pc2.close();
    }
  });
});

describe('no stale value is cached by a read that overlaps a write', () => {
  // The read's query runs before the write commits; its result is held back until the
  // write has committed and invalidated. It must not then put the old car into the cache.
  async function overlap(core: Core, read: () => Promise<unknown>, car: CarDto, write: () => Promise<unknown>) {
    const hold = holdQueries(core.pool, mentions(car.id));
    try {
      const early = read();
      await hold.reached;
      await write();
      // A read that starts after the write must not join the older, still running load:
      // the old one is held until the new read has missed the cache.
      const misses = core.cache.stats().misses;
      const late = read();
      await vi.waitFor(() => expect(core.cache.stats().misses).toBe(misses + 1), { timeout: 10_000, interval: 5 });
      hold.release();
      return { early: await early, late: await late };
    } finally {
      hold.restore();
    }
  }

  it('cars.get', async () => {
    const car = await freshCar();
    const { late } = await overlap(t.core, () => u.VIEWER.ok('cars.get', { id: car.id }), car, () => u.ADMIN.ok('cars.update', editOf(car, { priceEur: 15555 })));
    expect((late as CarDto).priceEur).toBe(15555);
    expect((await u.VIEWER.ok('cars.get', { id: car.id })).priceEur).toBe(15555);
  });

  it('cars.related', async () => {
    const car = await freshCar();
    const neighbour = (await u.VIEWER.ok('cars.related', { id: car.id }))[0]!;
    await u.ADMIN.ok('cars.update', editOf(car, { name: `${car.name} b` })); // clear cars:*
    const { late } = await overlap(t.core, () => u.VIEWER.ok('cars.related', { id: car.id }), car, () => u.ADMIN.ok('cars.bulk', { ids: [neighbour.id], action: { type: 'delete' } }));
    expect((late as { id: string }[]).map((c) => c.id)).not.toContain(neighbour.id);
    expect((await u.VIEWER.ok('cars.related', { id: car.id })).map((c) => c.id)).not.toContain(neighbour.id);
  });
});

describe('single-flight', () => {
  beforeEach(async () => {
    // A cold cache for the reads below.
    const list = await keys('cars:*');
    if (list.length) await redis.del(...list.map((k) => t.keyPrefix + k));
  });

  /**
   * Runs `call` 20 times at once while the loads' queries are held until every call has
   * missed the cache, so all 20 overlap; returns the matching queries run and the answers.
   */
  async function twentyAtOnce<T>(match: (text: string, values: unknown[]) => boolean, call: () => Promise<T>) {
    const hold = holdQueries(t.core.pool, match);
    try {
      const s0 = t.core.cache.stats();
      const calls = Array.from({ length: 20 }, call);
      await vi.waitFor(() => expect(t.core.cache.stats().misses - s0.misses).toBe(20), { timeout: 10_000, interval: 5 });
      hold.release();
      const answers = await Promise.all(calls);
      return { queries: hold.count, answers };
    } finally {
      hold.restore();
    }
  }

  it('20 concurrent cars.list calls with one new filter run the SQL of one load', async () => {
    await create({ name: 'Yksi lataus', priceEur: 31234.5 });
    // The SQL of one cold load, counted by its unique bind value.
    const one = countQueries(t.core.pool, (_text, values) => values.includes(31234.5));
    const single = await u.VIEWER.ok('cars.list', { priceMin: 31234.5, priceMax: 31234.5 });
    one.restore();
    expect(one.count).toBeGreaterThan(0);
    expect(single.total).toBe(1);

    const { queries, answers } = await twentyAtOnce(
      (_text, values) => values.includes(31234.4),
      () => u.VIEWER.ok('cars.list', { priceMin: 31234.4, priceMax: 31234.6 }),
    );
    expect(queries).toBe(one.count);
    expect(answers.every((p) => p.total === 1 && p.items[0]!.priceEur === 31234.5)).toBe(true);
    // One key for the single call's filter, one for the twenty's.
    expect(await keys('cars:list:*')).toHaveLength(2);
  });

  it('20 concurrent cars.get calls of a cold car load it once', async () => {
    // Prisma already merges identical findUnique calls of one tick into one SQL query, so
    // the loads are counted where each one ends: its SET, on a Redis only this core uses.
    const own = await startPrivateRedis();
    let pc: Core | null = null;
    const ownRedis = rawRedis(own.url);
    try {
      const other = await openCore(t.database.url, { url: own.url, password: null }, { cacheCommandTimeoutMs: 1000 });
      pc = other;
      const car = await create({ name: 'Kylmä auto' });
      const onPc = clientWithToken(other, u.VIEWER.sessionToken);
      await vi.waitFor(() => expect(other.cache.stats().up).toBe(true));
      const calls = async (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(await ownRedis.info('commandstats'))?.[1] ?? 0);
      const sets0 = await calls('set');
      const s0 = other.cache.stats();
      const hold = holdQueries(other.pool, mentions(car.id));
      const answers = Array.from({ length: 20 }, () => onPc.ok('cars.get', { id: car.id }));
      await vi.waitFor(() => expect(other.cache.stats().misses - s0.misses).toBe(20), { timeout: 10_000, interval: 5 });
      hold.release();
      hold.restore();
      expect((await Promise.all(answers)).every((c) => c.id === car.id && c.version === car.version)).toBe(true);
      expect((await calls('set')) - sets0).toBe(1);
      expect(await ownRedis.exists(`car:${car.id}`)).toBe(1);
    } finally {
      ownRedis.disconnect();
      await pc?.close();
      await own.dispose();
    }
  });
});

describe('pattern deletes', () => {
  it('remove more than 1000 matching keys by SCAN, and nothing outside the prefix or the pattern', async () => {
    const car = await freshCar();
    const other = `test:other-${Date.now()}:`;
    const many = 1500;
    const pipeline = redis.pipeline();
    for (let i = 0; i < many; i++) {
      pipeline.set(`${t.keyPrefix}cars:list:synthetic=${i}`, '{}', 'EX', 300);
      pipeline.set(`${other}cars:list:synthetic=${i}`, '{}', 'EX', 300);
    }
    pipeline.set(`${t.keyPrefix}contacts:NEW`, '[]', 'EX', 60);
    pipeline.set(`${t.keyPrefix}analytics:views:${car.id}`, '[]', 'EX', 60);
    await pipeline.exec();
    expect((await keys('cars:*')).length).toBeGreaterThanOrEqual(many);

    const keysCalls = async () => Number(/cmdstat_keys:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
    const keysBefore = await keysCalls();
    try {
      await u.ADMIN.ok('cars.update', editOf(car, { priceEur: 12345 }));
      expect(await keys('cars:*')).toEqual([]);
      // Another prefix (another test, another app) and other key families are untouched.
      expect((await scanKeys(redis, other)).length).toBe(many);
      expect(await keys()).toEqual(expect.arrayContaining(['contacts:NEW', `analytics:views:${car.id}`]));
      // SCAN, never KEYS.
      expect(await keysCalls()).toBe(keysBefore);
    } finally {
      const leftovers = (await scanKeys(redis, other)).map((k) => other + k);
      for (let i = 0; i < leftovers.length; i += 500) await redis.del(...leftovers.slice(i, i + 500));
    }
  });
});
