// Inventory list: filters, counts per value, sorting, cursor pages and search that
// forgives typos and stems Finnish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../electron/core/api/contract';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { corolla, createCars } from './fixtures';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  u = await createRoleUsers(t.core);
  await u.ADMIN.ok('cars.create', corolla());
  await createCars(u.ADMIN, 24);
});
afterAll(async () => t?.close());

describe('search', () => {
  it.each([
    ['toyota corolla', 'Corolla'],
    ['toyta corola', 'Corolla'],
    ['TOYOTA', 'Toyota'],
    ['peruutuskameralla', 'Corolla'], // Finnish inflection of "peruutuskamera" in the description
    ['huoltokirjan', 'Corolla'],
    ['reversing cameras', 'Corolla'], // English stemming of description_en
    ['volksvagen golf', 'Golf'],
  ])('"%s" finds %s', async (q, expected) => {
    const page = await u.VIEWER.ok('cars.list', { q, sort: 'relevance' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]!.name).toContain(expected);
  });

  it('finds nothing for unrelated words', async () => {
    const page = await u.VIEWER.ok('cars.list', { q: 'lamborghini' });
    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
    expect(page.searchedFor).toBeNull();
  });

  it('corrects a typo to the title words and says what it searched for', async () => {
    const page = await u.VIEWER.ok('cars.list', { q: 'toyta corola', sort: 'relevance' });
    expect(page.searchedFor).toBe('toyota corolla');
    const exact = await u.VIEWER.ok('cars.list', { q: 'toyota corolla', sort: 'relevance' });
    expect(exact.searchedFor).toBeNull();
    // The corrected search is the exact one: same cars, same order, same total.
    expect(page.items.map((c) => c.id)).toEqual(exact.items.map((c) => c.id));
    expect(page.total).toBe(exact.total);
  });

});

describe('filters and counts', () => {
  it('filters by brand, fuel, price and year together', async () => {
    const page = await u.VIEWER.ok('cars.list', { brand: ['Toyota'], fuelType: ['HYBRID'], priceMin: 10000, yearMin: 2016 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const car of page.items) {
      expect(car.brand).toBe('Toyota');
      expect(car.fuelType).toBe('HYBRID');
      expect(car.priceEur).toBeGreaterThanOrEqual(10000);
      expect(car.year).toBeGreaterThanOrEqual(2016);
    }
    const direct = await t.core.pool.query("SELECT count(*)::int AS n FROM cars WHERE brand = 'Toyota' AND fuel_type = 'HYBRID' AND price_eur >= 10000 AND year >= 2016 AND deleted_at IS NULL");
    expect(page.total).toBe(direct.rows[0].n);
  });

  it('counts per value ignore their own dimension', async () => {
    const facets = await u.VIEWER.ok('cars.facets', { brand: ['Toyota'] });
    const brands = Object.fromEntries(facets.brand.map((f) => [f.value, f.count]));
    expect(brands.Volkswagen).toBeGreaterThan(0); // other brands still counted
    const fuels = Object.fromEntries(facets.fuelType.map((f) => [f.value, f.count]));
    expect(Object.keys(fuels).sort()).toEqual(['HYBRID']); // only Toyota's fuels
    expect(facets.price.min).toBeGreaterThan(0);
  });
});

describe('counts per value, by definition', () => {
  it('each count is the total the list shows with that value chosen; the ranges are the list\'s', async () => {
    const filters: ChannelInput<'cars.list'> = { fuelType: ['HYBRID', 'PETROL', 'DIESEL'], transmission: ['AUTOMATIC'], yearMin: 2016 };
    const facets = await u.VIEWER.ok('cars.facets', filters);
    for (const dim of ['brand', 'model', 'category', 'status', 'fuelType', 'transmission', 'featured'] as const) {
      expect(facets[dim].length, dim).toBeGreaterThan(0);
      for (const { value, count } of facets[dim]) {
        const chosen = dim === 'featured' ? { featured: value === 'true' } : { [dim]: [value] };
        const page = await u.VIEWER.ok('cars.list', { ...filters, ...chosen, limit: 1 } as ChannelInput<'cars.list'>);
        expect(count, `${dim} = ${value}`).toBe(page.total);
      }
    }
    // Every fuel the other filters leave is listed, ELECTRIC too although it is not chosen.
    const anyFuel = await u.VIEWER.ok('cars.list', { ...filters, fuelType: undefined, limit: 200 });
    expect(facets.fuelType.reduce((sum, f) => sum + f.count, 0)).toBe(anyFuel.total);
    expect(facets.fuelType.map((f) => f.value)).toContain('ELECTRIC');

    const listed = (await u.VIEWER.ok('cars.list', { ...filters, limit: 200 })).items;
    const range = (xs: number[]) => ({ min: Math.min(...xs), max: Math.max(...xs) });
    expect(facets.price).toEqual(range(listed.map((c) => c.priceEur)));
    expect(facets.year).toEqual(range(listed.map((c) => c.year)));
    expect(facets.mileage).toEqual(range(listed.map((c) => c.mileageKm)));
  });

  it('nothing matching: empty counts and no ranges', async () => {
    const facets = await u.VIEWER.ok('cars.facets', { yearMin: 2100 });
    expect(facets).toMatchObject({ brand: [], model: [], status: [], price: { min: null, max: null }, year: { min: null, max: null } });
  });
});

describe('sorting and cursor pages', () => {
  it.each(['price', 'year', 'mileage', 'createdAt', 'daysInStock', 'views'] as const)('sort %s pages through every car once, in order', async (sort) => {
    for (const dir of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      const values: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof u.VIEWER.ok<'cars.list'>>> = await u.VIEWER.ok('cars.list', { sort, dir, limit: 7, cursor });
        for (const car of page.items) {
          seen.push(car.id);
          values.push(sort === 'price' ? car.priceEur : sort === 'year' ? car.year : sort === 'mileage' ? car.mileageKm : sort === 'views' ? car.views : sort === 'daysInStock' ? car.daysInStock : Date.parse(car.createdAt));
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(25);
      const sorted = [...values].sort((a, b) => (dir === 'asc' ? a - b : b - a));
      expect(values).toEqual(sorted);
    }
  });

  it('a forged cursor answers VALIDATION', async () => {
    const r = await u.VIEWER.call('cars.list', { cursor: 'bm90LWpzb24' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('counts per value with a search', () => {
  it('agree with the counts of the searched list', async () => {
    const facets = await u.VIEWER.ok('cars.facets', { q: 'toyota', fuelType: ['HYBRID'] });
    const brands = Object.fromEntries(facets.brand.map((f) => [f.value, f.count]));
    const page = await u.VIEWER.ok('cars.list', { q: 'toyota', fuelType: ['HYBRID'], brand: ['Toyota'] });
    expect(brands.Toyota).toBe(page.total);
    const fuels = Object.fromEntries(facets.fuelType.map((f) => [f.value, f.count]));
    const all = await u.VIEWER.ok('cars.list', { q: 'toyota' });
    expect(Object.values(fuels).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(facets.price.min).toBeGreaterThan(0);
    expect(facets.year.max).toBeGreaterThanOrEqual(facets.year.min!);
  });
});

// Last: it adds a car, which the counts above do not expect.
describe('typo vocabulary', () => {
  it('learns the words of a new car\'s title at once', async () => {
    await u.ADMIN.ok('cars.create', { ...corolla(), brand: 'Polestar', model: 'Kolme', name: 'Polestar Kolme Long Range' });
    const { rows } = await t.core.pool.query<{ word: string }>("SELECT word FROM car_search_words WHERE word IN ('polestar', 'kolme') ORDER BY word");
    expect(rows.map((r) => r.word)).toEqual(['kolme', 'polestar']);
    const page = await u.VIEWER.ok('cars.list', { q: 'polstar kolm', sort: 'relevance' });
    expect(page.searchedFor).toBe('polestar kolme');
    expect(page.items[0]!.name).toBe('Polestar Kolme Long Range');
  });
});
