// car_search_rows: the narrow, title-ordered rows a plain relevance search reads instead of
// the cars table. The trigger must keep them exactly in step with the live cars (a missed
// edit would find a car under its old name, or a deleted one), and a search through them
// must answer exactly what the same search through the cars table answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../electron/core/api/contract';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { corolla, createCars } from './fixtures';
import { editOf } from './helpers';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  u = await createRoleUsers(t.core);
  await u.ADMIN.ok('cars.create', corolla());
  await u.ADMIN.ok('cars.create', corolla({ name: 'Toyota Corolla Touring Sports 2.0 Hybrid', variant: 'Touring Sports', priceEur: 27900 }));
  await createCars(u.ADMIN, 30);
});
afterAll(async () => t?.close());

/** Live cars whose search row is missing, stale, or a row without a live car: none may exist. */
async function outOfStep(): Promise<string[]> {
  const { rows } = await t.core.pool.query<{ id: string }>(
    `SELECT coalesce(c.id, r.car_id) AS id
       FROM (SELECT id, created_at, search_text, search_vector FROM cars WHERE deleted_at IS NULL) c
       FULL JOIN car_search_rows r ON r.car_id = c.id
      WHERE c.id IS NULL OR r.car_id IS NULL
         OR (c.created_at, c.search_text, c.search_vector) IS DISTINCT FROM (r.created_at, r.search_text, r.search_vector)`,
  );
  return rows.map((r) => r.id);
}

const searchRow = async (id: string) =>
  (await t.core.pool.query<{ xmin: string; search_text: string }>('SELECT xmin::text, search_text FROM car_search_rows WHERE car_id = $1', [id])).rows[0] ?? null;

const found = async (q: string) => (await u.VIEWER.ok('cars.list', { q, sort: 'relevance' })).items.map((c) => c.id);

describe('the search rows follow the cars', () => {
  it('start in step with every live car', async () => {
    expect(await outOfStep()).toEqual([]);
    const { rows } = await t.core.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM car_search_rows');
    expect(rows[0]!.n).toBe(32);
  });

  it('a renamed car is found under its new name only; a price change leaves its row untouched', async () => {
    const car = await u.ADMIN.ok('cars.create', corolla({ name: 'Toyota Yaris Cross 1.5 Hybrid', model: 'Yaris Cross', variant: null }));
    expect(await found('yaris')).toEqual([car.id]);

    const renamed = await u.ADMIN.ok('cars.update', editOf(car, { name: 'Toyota Aygo X 1.0 Pulse', model: 'Aygo X' }));
    expect(await found('yaris')).toEqual([]);
    expect(await found('aygo')).toEqual([car.id]);
    expect(await outOfStep()).toEqual([]);

    const before = await searchRow(car.id);
    await u.ADMIN.ok('cars.update', editOf(renamed, { priceEur: 18500, mileageKm: 51000 }));
    expect(await searchRow(car.id)).toEqual(before);
  });

  it('a deleted car has no row and is not found; restored, it is found again; purged, it is gone', async () => {
    const car = await u.ADMIN.ok('cars.create', corolla({ name: 'Polestar 2 Long Range Dual Motor', brand: 'Polestar', model: '2', variant: null, fuelType: 'ELECTRIC' }));
    expect(await found('polestar')).toEqual([car.id]);

    const deleted = await u.ADMIN.ok('cars.delete', { id: car.id, version: car.version });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await searchRow(car.id)).toBeNull();
    expect(await found('polestar')).toEqual([]);
    // The trash is searched in the cars table itself.
    expect((await u.VIEWER.ok('cars.list', { q: 'polestar', sort: 'relevance', deleted: true })).items.map((c) => c.id)).toEqual([car.id]);

    await u.ADMIN.ok('cars.restore', { id: car.id });
    expect(await found('polestar')).toEqual([car.id]);
    expect(await outOfStep()).toEqual([]);

    const again = await u.ADMIN.ok('cars.get', { id: car.id });
    await u.ADMIN.ok('cars.delete', { id: car.id, version: again.version });
    await u.SUPER_ADMIN.ok('cars.purge', { id: car.id });
    expect(await searchRow(car.id)).toBeNull();
    expect(await outOfStep()).toEqual([]);
  });

  it('bulk deletes and a CSV import keep them in step', async () => {
    const ids = (await u.VIEWER.ok('cars.list', { brand: ['Volvo'] })).items.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(1);
    await u.ADMIN.ok('cars.bulk', { ids, action: { type: 'delete' } });
    expect(await found('xc60')).toEqual([]);
    expect(await outOfStep()).toEqual([]);

    const csv = [
      'name,brand,model,year,price_eur,mileage_km,fuel_type,transmission,category',
      'Cupra Born 58 kWh,Cupra,Born,2022,31900,22000,electric,automatic,hatchback',
      'Cupra Formentor 1.5 TSI,Cupra,Formentor,2021,29900,41000,petrol,automatic,suv',
    ].join('\n');
    expect(await u.ADMIN.ok('cars.importCsv', { csv, dryRun: true })).toMatchObject({ imported: 0 });
    expect(await found('cupra')).toEqual([]);
    await u.ADMIN.ok('cars.importCsv', { csv, dryRun: false });
    expect(await found('cupra')).toHaveLength(2);
    expect(await outOfStep()).toEqual([]);
  });
});

describe('a plain search reads the search rows and answers what the cars table answers', () => {
  // priceMin 0 narrows nothing (every price is positive) but sends the search through cars.
  const throughCars = (input: ChannelInput<'cars.list'>) => ({ ...input, priceMin: 0 });

  it.each(['toyota corolla', 'toyota', 'peruutuskamera', 'reversing camera', 'hybrid', 'golf tsi'])('"%s": the same cars, order and total', async (q) => {
    const input: ChannelInput<'cars.list'> = { q, sort: 'relevance', limit: 7 };
    let narrow = await u.VIEWER.ok('cars.list', input);
    let wide = await u.VIEWER.ok('cars.list', throughCars(input));
    expect(narrow.total).toBe(wide.total);
    expect(narrow.total).toBeGreaterThan(0);
    // Every page, through the cursors.
    const seen: string[] = [];
    for (;;) {
      expect(narrow.items.map((c) => c.id)).toEqual(wide.items.map((c) => c.id));
      seen.push(...narrow.items.map((c) => c.id));
      expect(narrow.nextCursor).toBe(wide.nextCursor);
      if (!narrow.nextCursor) break;
      narrow = await u.VIEWER.ok('cars.list', { ...input, cursor: narrow.nextCursor });
      wide = await u.VIEWER.ok('cars.list', throughCars({ ...input, cursor: wide.nextCursor }));
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('the title matches come first, newest first', async () => {
    const page = await u.VIEWER.ok('cars.list', { q: 'toyota corolla', sort: 'relevance' });
    const names = page.items.map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['Toyota Corolla Touring Sports 2.0 Hybrid', 'Toyota Corolla 1.8 Hybrid Active']);
  });
});
