// The car editor through the real router: validation with field messages, slug and VIN
// rules, replacing images/features/specifications, two PCs saving one car, status moves,
// history, trash and permanent delete, bulk actions and related cars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarDto } from '../../electron/core/api/dto-cars';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { corolla, type NewCar } from './fixtures';
import { editOf, vin } from './helpers';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  u = await createRoleUsers(t.core);
});
afterAll(async () => t?.close());

const create = (over: Partial<NewCar> = {}) => u.ADMIN.ok('cars.create', corolla(over));
const get = (id: string) => u.VIEWER.ok('cars.get', { id });

/** Row counts of every table an editor save writes. */
async function counts() {
  const { rows } = await t.core.pool.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM cars)::int AS cars, (SELECT count(*) FROM car_images)::int AS images,
            (SELECT count(*) FROM car_features)::int AS features, (SELECT count(*) FROM car_specifications)::int AS specs,
            (SELECT count(*) FROM activity_logs)::int AS audit`,
  );
  return rows[0]!;
}

/** The car's row straight from PostgreSQL, bypassing the cache. */
async function row(id: string) {
  const { rows } = await t.core.pool.query('SELECT status, version, price_eur::float8 AS price, color, sold_at, sold_price_eur::float8 AS sold_price, deleted_at, featured, stocked_at FROM cars WHERE id = $1', [id]);
  return rows[0];
}

describe('validation', () => {
  const thisYear = new Date().getUTCFullYear();
  it.each<[string, Partial<NewCar> | ((c: NewCar) => unknown), string, RegExp]>([
    ['an empty name', { name: '  ' }, 'name', /Enter a name/],
    ['a missing name', (c) => ({ ...c, name: undefined }), 'name', /./],
    ['a negative price', { priceEur: -100 }, 'priceEur', /negative/],
    ['a year in the future', { year: thisYear + 2 }, 'year', /future/],
    ['a VIN of the wrong length', { vin: 'WVWZZZ1KZ123' }, 'vin', /17 letters/],
    ['a VIN with the letter O', { vin: 'WVWZZZ1KZAW0O0001' }, 'vin', /no I, O or Q/],
    [
      'two primary images',
      { images: [{ url: 'https://img.example/1.jpg', alt: 'Edestä', isPrimary: true }, { url: 'https://img.example/2.jpg', alt: 'Takaa', isPrimary: true }] },
      'images',
      /one picture can be the primary/,
    ],
    ['an image without alt text', { images: [{ url: 'https://img.example/1.jpg', alt: '', isPrimary: true }] }, 'images.0.alt', /alt text/],
    ['a 1 MB description', { description: 'Hyvä auto. '.repeat(100_000) }, 'description', /At most 10000 characters/],
  ])('%s is refused with a field message and nothing is written', async (_what, change, field, message) => {
    const before = await counts();
    const input = typeof change === 'function' ? change(corolla()) : corolla(change);
    const r = await u.ADMIN.call('cars.create', input as NewCar);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.[field]).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('an update with a bad field writes nothing either', async () => {
    const car = await create({ name: 'Validointi Testi' });
    const before = await counts();
    const r = await u.ADMIN.call('cars.update', editOf(car, { priceEur: -1, name: 'Muutettu' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { priceEur: expect.stringMatching(/negative/) } } });
    expect(await counts()).toEqual(before);
    expect((await get(car.id)).name).toBe('Validointi Testi');
  });
});

describe('slugs', () => {
  const NAME = 'Hyvä Säästö Öljyvuoto Åland';
  let first: CarDto;

  it('is made from the name, with ä/ö/å written as a/o/a', async () => {
    first = await create({ name: NAME });
    expect(first.slug).toBe('hyva-saasto-oljyvuoto-aland');
  });

  it('is unique: the same name again gets -2, and the preview agrees beforehand', async () => {
    expect(await u.ADMIN.ok('cars.slugPreview', { name: NAME })).toBe('hyva-saasto-oljyvuoto-aland-2');
    const second = await create({ name: NAME });
    expect(second.slug).toBe('hyva-saasto-oljyvuoto-aland-2');
    expect(await u.ADMIN.ok('cars.slugPreview', { name: NAME })).toBe('hyva-saasto-oljyvuoto-aland-3');
    // The car being edited keeps its own slug in the preview.
    expect(await u.ADMIN.ok('cars.slugPreview', { name: NAME, excludeId: first.id })).toBe('hyva-saasto-oljyvuoto-aland');
  });

  it('an explicit slug that is taken gets a suffix, on create and on update', async () => {
    const third = await create({ name: 'Jokin Muu', slug: 'hyva-saasto-oljyvuoto-aland' });
    expect(third.slug).toBe('hyva-saasto-oljyvuoto-aland-3');
    const fourth = await create({ name: 'Vielä Yksi' });
    const updated = await u.ADMIN.ok('cars.update', editOf(fourth, { slug: 'hyva-saasto-oljyvuoto-aland' }));
    expect(updated.slug).toBe('hyva-saasto-oljyvuoto-aland-4');
    // A free explicit slug is taken as it is.
    const renamed = await u.ADMIN.ok('cars.update', editOf(updated, { slug: 'vapaa-osoite' }));
    expect(renamed.slug).toBe('vapaa-osoite');
  });

  it.each(['Iso-Kirjain', 'väli lyönti', 'loppuviiva-', 'kaksi--viivaa', 'ääkkönen'])('refuses the slug format "%s"', async (slug) => {
    const before = await counts();
    const r = await u.ADMIN.call('cars.create', corolla({ name: 'Slugitesti', slug }));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { slug: expect.stringMatching(/Lowercase letters, digits and dashes/) } } });
    expect(await counts()).toEqual(before);
  });
});

describe('VIN', () => {
  it('is unique: a second car with the same VIN answers CONFLICT on the vin field', async () => {
    const owner = await create({ name: 'VIN omistaja', vin: vin(1) });
    expect(owner.vin).toBe(vin(1));
    const before = await counts();
    // Lowercase input is the same VIN.
    const r = await u.ADMIN.call('cars.create', corolla({ name: 'VIN kopio', vin: vin(1).toLowerCase() }));
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { vin: expect.any(String) } } });
    expect(await counts()).toEqual(before);
  });

  it('an update to a VIN another car has is refused and changes nothing', async () => {
    const other = await create({ name: 'VIN toinen', vin: vin(2) });
    const r = await u.ADMIN.call('cars.update', editOf(other, { vin: vin(1), priceEur: 1 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { vin: expect.any(String) } } });
    expect(await row(other.id)).toMatchObject({ version: other.version, price: other.priceEur });
  });
});

describe('update replaces the lists', () => {
  it('images, features and specifications are replaced in the given order with exactly one primary', async () => {
    const car = await create({ name: 'Listojen vaihto' });
    const images = [
      { url: 'https://img.example/c.jpg', alt: 'Sisältä', isPrimary: false },
      { url: 'https://img.example/a.jpg', alt: 'Edestä', isPrimary: false },
      { url: 'https://img.example/b.jpg', alt: 'Sivulta', isPrimary: true },
    ];
    const updated = await u.ADMIN.ok(
      'cars.update',
      editOf(car, { images, features: ['Vetokoukku', 'Lohkolämmitin'], specifications: [{ label: 'Vetotapa', value: 'Etuveto' }] }),
    );
    expect(updated.images.map((i) => [i.url, i.sortOrder, i.isPrimary])).toEqual([
      ['https://img.example/c.jpg', 0, false],
      ['https://img.example/a.jpg', 1, false],
      ['https://img.example/b.jpg', 2, true],
    ]);
    expect(updated.primaryImageUrl).toBe('https://img.example/b.jpg');
    expect(updated.features).toEqual(['Vetokoukku', 'Lohkolämmitin']);
    expect(updated.specifications).toEqual([{ label: 'Vetotapa', value: 'Etuveto' }]);

    // The old rows are gone, not left beside the new ones.
    const { rows } = await t.core.pool.query(
      `SELECT (SELECT count(*) FROM car_images WHERE car_id = $1)::int AS images, (SELECT count(*) FROM car_images WHERE car_id = $1 AND is_primary)::int AS primaries,
              (SELECT count(*) FROM car_features WHERE car_id = $1)::int AS features, (SELECT count(*) FROM car_specifications WHERE car_id = $1)::int AS specs`,
      [car.id],
    );
    expect(rows[0]).toEqual({ images: 3, primaries: 1, features: 2, specs: 1 });

    // No image marked primary: the first one becomes it.
    const again = await u.ADMIN.ok('cars.update', editOf(updated, { images: images.map((i) => ({ ...i, isPrimary: false })) }));
    expect(again.images.filter((i) => i.isPrimary).map((i) => i.sortOrder)).toEqual([0]);
  });
});

describe('two PCs saving one car', () => {
  it('the second save of a stale copy answers CONFLICT with the current car and overwrites nothing', async () => {
    const car = await create({ name: 'Kahden koneen auto', priceEur: 20000, color: 'Musta' });
    const onPc1 = await u.ADMIN.ok('cars.get', { id: car.id });
    const onPc2 = await u.SUPER_ADMIN.ok('cars.get', { id: car.id });
    expect(onPc1.version).toBe(onPc2.version);

    const saved = await u.ADMIN.ok('cars.update', editOf(onPc1, { priceEur: 18500 }));
    expect(saved.version).toBe(onPc1.version + 1);

    const stale = await u.SUPER_ADMIN.call('cars.update', editOf(onPc2, { color: 'Punainen' }));
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('CONFLICT');
    const current = stale.error.details?.current as CarDto;
    expect(current).toMatchObject({ id: car.id, priceEur: 18500, color: 'Musta', version: saved.version });

    expect(await row(car.id)).toMatchObject({ price: 18500, color: 'Musta', version: saved.version });
    expect(await get(car.id)).toMatchObject({ priceEur: 18500, color: 'Musta' });
  });

  it('a stale status change or delete is refused the same way', async () => {
    const car = await create({ name: 'Vanha versio' });
    await u.ADMIN.ok('cars.update', editOf(car, { priceEur: 19999 }));
    expect(await u.ADMIN.call('cars.setStatus', { id: car.id, version: car.version, status: 'RESERVED' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await u.ADMIN.call('cars.delete', { id: car.id, version: car.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await row(car.id)).toMatchObject({ status: 'AVAILABLE', deleted_at: null, version: car.version + 1 });
  });
});

describe('status', () => {
  it('AVAILABLE → RESERVED → SOLD records the sale; SOLD → AVAILABLE clears it', async () => {
    const car = await create({ name: 'Myytävä auto' });
    const reserved = await u.ADMIN.ok('cars.setStatus', { id: car.id, version: car.version, status: 'RESERVED' });
    expect(reserved.status).toBe('RESERVED');

    const soldAt = '2025-03-14T10:30:00.000Z';
    const sold = await u.ADMIN.ok('cars.setStatus', { id: car.id, version: reserved.version, status: 'SOLD', soldPriceEur: 20500.5, soldAt });
    expect(sold).toMatchObject({ status: 'SOLD', soldPriceEur: 20500.5, soldAt });
    expect(await row(car.id)).toMatchObject({ status: 'SOLD', sold_price: 20500.5, sold_at: new Date(soldAt) });

    const back = await u.ADMIN.ok('cars.setStatus', { id: car.id, version: sold.version, status: 'AVAILABLE' });
    expect(back).toMatchObject({ status: 'AVAILABLE', soldPriceEur: null, soldAt: null });
    expect(await row(car.id)).toMatchObject({ sold_price: null, sold_at: null });
  });

  it('SOLD without a sale price is a VALIDATION error on soldPriceEur', async () => {
    const car = await create({ name: 'Ilman hintaa' });
    const r = await u.ADMIN.call('cars.setStatus', { id: car.id, version: car.version, status: 'SOLD' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { soldPriceEur: expect.any(String) } } });
    expect(await row(car.id)).toMatchObject({ status: 'AVAILABLE', version: car.version });
  });

  async function carIn(status: 'INCOMING' | 'RESERVED' | 'ARCHIVED', name: string): Promise<CarDto> {
    if (status === 'INCOMING') return create({ name, status: 'INCOMING' });
    const car = await create({ name });
    return u.ADMIN.ok('cars.setStatus', { id: car.id, version: car.version, status });
  }

  it.each([
    ['INCOMING', 'SOLD'],
    ['RESERVED', 'ARCHIVED'],
    ['ARCHIVED', 'SOLD'],
  ] as const)('%s → %s is refused with CONFLICT and nothing changes', async (from, to) => {
    const car = await carIn(from, `Siirto ${from} ${to}`);
    const before = await counts();
    const r = await u.ADMIN.call('cars.setStatus', { id: car.id, version: car.version, status: to, soldPriceEur: 10000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await row(car.id)).toMatchObject({ status: from, version: car.version, sold_at: null, sold_price: null });
    expect(await counts()).toEqual(before);
  });
});

describe('history', () => {
  it('every change is in cars.history with before and after; a price change is car.update.price', async () => {
    const car = await create({ name: 'Historiallinen', priceEur: 15000 });
    const priced = await u.ADMIN.ok('cars.update', editOf(car, { priceEur: 14200 }));
    const recolored = await u.ADMIN.ok('cars.update', editOf(priced, { color: 'Sininen' }));
    const reserved = await u.ADMIN.ok('cars.setStatus', { id: car.id, version: recolored.version, status: 'RESERVED' });
    const deleted = await u.ADMIN.ok('cars.delete', { id: car.id, version: reserved.version });
    await u.ADMIN.ok('cars.restore', { id: car.id });

    const history = await u.VIEWER.ok('cars.history', { id: car.id });
    // Newest first.
    expect(history.map((h) => h.action)).toEqual(['car.restore', 'car.delete', 'car.status', 'car.update', 'car.update.price', 'car.create']);
    const by = Object.fromEntries(history.map((h) => [h.action, h]));
    expect(by['car.update.price']!.changes).toEqual({ priceEur: { before: 15000, after: 14200 } });
    expect(by['car.update']!.changes).toEqual({ color: { before: 'Valkoinen', after: 'Sininen' } });
    expect(by['car.status']!.changes?.status).toEqual({ before: 'AVAILABLE', after: 'RESERVED' });
    expect(by['car.delete']!.changes?.deletedAt).toEqual({ before: null, after: deleted.deletedAt });
    expect(by['car.restore']!.changes?.deletedAt).toEqual({ before: deleted.deletedAt, after: null });
    expect(by['car.create']!.changes?.name).toEqual({ before: null, after: 'Historiallinen' });
    for (const h of history) expect(h.userEmail).toBe('admin@kroi.test');
  });
});

describe('trash', () => {
  const ids = async (input: { deleted?: boolean } = {}) => (await u.VIEWER.ok('cars.list', { ...input, limit: 200 })).items.map((c) => c.id);

  it('a soft-deleted car leaves the list, shows in the trash, and restore brings it back', async () => {
    const car = await create({ name: 'Roskakoriin' });
    expect(await ids()).toContain(car.id);

    const deleted = await u.ADMIN.ok('cars.delete', { id: car.id, version: car.version });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await ids()).not.toContain(car.id);
    expect(await ids({ deleted: true })).toContain(car.id);
    // A car in the trash is not edited.
    expect(await u.ADMIN.call('cars.update', editOf(deleted, { priceEur: 1 }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const restored = await u.ADMIN.ok('cars.restore', { id: car.id });
    expect(restored.deletedAt).toBeNull();
    expect(await ids()).toContain(car.id);
    expect(await ids({ deleted: true })).not.toContain(car.id);
  });

  it('purge: FORBIDDEN for ADMIN, CONFLICT outside the trash, and for SUPER_ADMIN removes the car and its rows', async () => {
    const car = await create({ name: 'Lopullisesti pois' });
    expect(await u.ADMIN.call('cars.purge', { id: car.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await u.SUPER_ADMIN.call('cars.purge', { id: car.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await row(car.id)).toBeDefined();

    await u.ADMIN.ok('cars.delete', { id: car.id, version: car.version });
    expect(await u.ADMIN.call('cars.purge', { id: car.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await u.SUPER_ADMIN.ok('cars.purge', { id: car.id })).toBeNull();

    const { rows } = await t.core.pool.query(
      `SELECT (SELECT count(*) FROM cars WHERE id = $1)::int AS cars, (SELECT count(*) FROM car_images WHERE car_id = $1)::int AS images,
              (SELECT count(*) FROM car_features WHERE car_id = $1)::int AS features, (SELECT count(*) FROM car_specifications WHERE car_id = $1)::int AS specs`,
      [car.id],
    );
    expect(rows[0]).toEqual({ cars: 0, images: 0, features: 0, specs: 0 });
    expect(await u.VIEWER.call('cars.get', { id: car.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await t.core.db.activityLog.findFirst({ where: { action: 'car.purge', entityId: car.id } });
    expect(audit?.userId).toBe(u.ids.SUPER_ADMIN);
  });
});

describe('bulk actions', () => {
  const auditRows = (action: string, carIds: string[]) =>
    t.core.db.activityLog.findMany({ where: { action, entityId: { in: carIds }, metadata: { path: ['bulk'], equals: true } }, orderBy: { id: 'asc' } });

  it('status: allowed moves are made, disallowed ones skipped and reported, one audit row per car', async () => {
    const a = await create({ name: 'Bulk A' });
    const b = await create({ name: 'Bulk B', status: 'INCOMING' });
    const c0 = await create({ name: 'Bulk C' });
    const c = await u.ADMIN.ok('cars.setStatus', { id: c0.id, version: c0.version, status: 'SOLD', soldPriceEur: 9000 });
    const d = await create({ name: 'Bulk D' });

    const result = await u.ADMIN.ok('cars.bulk', { ids: [a.id, b.id, c.id, d.id], action: { type: 'status', status: 'RESERVED' } });
    expect(result.updated).toBe(2);
    expect(result.skipped.map((s) => s.id).sort()).toEqual([b.id, c.id].sort());
    expect(result.skipped.find((s) => s.id === b.id)!.reason).toMatch(/INCOMING → RESERVED/);
    expect(result.skipped.find((s) => s.id === c.id)!.reason).toMatch(/SOLD → RESERVED/);

    expect(await row(a.id)).toMatchObject({ status: 'RESERVED', version: a.version + 1 });
    expect(await row(d.id)).toMatchObject({ status: 'RESERVED' });
    expect(await row(b.id)).toMatchObject({ status: 'INCOMING', version: b.version });
    expect(await row(c.id)).toMatchObject({ status: 'SOLD', sold_price: 9000, version: c.version });

    const audit = await auditRows('car.status', [a.id, b.id, c.id, d.id]);
    expect(audit.map((r) => r.entityId).sort()).toEqual([a.id, d.id].sort());
    expect(audit[0]!.changes).toMatchObject({ status: { before: 'AVAILABLE', after: 'RESERVED' } });
  });

  it('INCOMING → AVAILABLE in bulk starts the days in stock like the single move does', async () => {
    const stockedBefore = new Date(Date.now() - 1000);
    const single = await create({ name: 'Saapuva yksin', status: 'INCOMING', stockedAt: '2024-01-01T00:00:00.000Z' });
    const many = await create({ name: 'Saapuva joukolla', status: 'INCOMING', stockedAt: '2024-01-01T00:00:00.000Z' });
    await u.ADMIN.ok('cars.setStatus', { id: single.id, version: single.version, status: 'AVAILABLE' });
    await u.ADMIN.ok('cars.bulk', { ids: [many.id], action: { type: 'status', status: 'AVAILABLE' } });
    expect((await row(single.id)).stocked_at.getTime()).toBeGreaterThan(stockedBefore.getTime());
    expect((await row(many.id)).stocked_at.getTime()).toBeGreaterThan(stockedBefore.getTime());
    expect((await get(many.id)).daysInStock).toBe(0);
  });

  it('featured on and off, with an audit row per car', async () => {
    const a = await create({ name: 'Nosto A' });
    const b = await create({ name: 'Nosto B' });
    expect(await u.ADMIN.ok('cars.bulk', { ids: [a.id, b.id], action: { type: 'featured', featured: true } })).toEqual({ updated: 2, skipped: [] });
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await u.ADMIN.ok('cars.bulk', { ids: [a.id, b.id], action: { type: 'featured', featured: false } })).toEqual({ updated: 2, skipped: [] });
    expect((await u.VIEWER.ok('cars.featured', {})).map((c) => c.id)).not.toContain(a.id);
    expect(await row(a.id)).toMatchObject({ featured: false, version: a.version + 2 });
    // One row per car and call (the order of cars within a call is not specified).
    const audit = await auditRows('car.update', [a.id, b.id]);
    const rows = audit.map((r) => `${r.entityId}:${(r.changes as { featured: { after: boolean } }).featured.after}`);
    expect(rows.slice(0, 2).sort()).toEqual([`${a.id}:true`, `${b.id}:true`].sort());
    expect(rows.slice(2).sort()).toEqual([`${a.id}:false`, `${b.id}:false`].sort());
  });

  it('delete moves every selected car to the trash in one call, unknown ids reported', async () => {
    const a = await create({ name: 'Poisto A' });
    const b = await create({ name: 'Poisto B' });
    const result = await u.ADMIN.ok('cars.bulk', { ids: [a.id, b.id, 'no-such-car'], action: { type: 'delete' } });
    expect(result).toEqual({ updated: 2, skipped: [{ id: 'no-such-car', reason: 'not found' }] });
    const trash = (await u.VIEWER.ok('cars.list', { deleted: true, limit: 200 })).items.map((c) => c.id);
    expect(trash).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await auditRows('car.delete', [a.id, b.id])).length).toBe(2);
  });

  it('a VIEWER may not run bulk actions', async () => {
    const a = await create({ name: 'Katsoja ei saa' });
    expect(await u.VIEWER.call('cars.bulk', { ids: [a.id], action: { type: 'delete' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await row(a.id)).toMatchObject({ deleted_at: null });
  });
});

describe('related cars', () => {
  it('same brand or category within ±30% of the price, without itself, deleted or sold cars', async () => {
    // A brand and category no other test here uses, so the expected set is exact.
    const mk = (name: string, over: Partial<NewCar>) => create({ name, brand: 'Lada', model: 'Niva', category: 'PICKUP', priceEur: 30000, ...over });
    const me = await mk('Lada Oma', {});
    const sameBrand = await mk('Lada Sama merkki', { category: 'VAN', priceEur: 38000 });
    const sameCategory = await mk('Isuzu D-Max', { brand: 'Isuzu', model: 'D-Max', priceEur: 21500 });
    const edgeHigh = await mk('Lada Yläraja', { priceEur: 39000 });
    await mk('Lada Liian kallis', { priceEur: 39100 });
    await mk('Lada Liian halpa', { priceEur: 20900 });
    await mk('Dacia Eri kaikki', { brand: 'Dacia', model: 'Duster', category: 'MPV', priceEur: 30000 });
    const deleted = await mk('Lada Poistettu', {});
    await u.ADMIN.ok('cars.delete', { id: deleted.id, version: deleted.version });
    const sold = await mk('Lada Myyty', {});
    await u.ADMIN.ok('cars.setStatus', { id: sold.id, version: sold.version, status: 'SOLD', soldPriceEur: 29000 });
    const reserved = await mk('Lada Varattu', { priceEur: 31000 });
    await u.ADMIN.ok('cars.setStatus', { id: reserved.id, version: reserved.version, status: 'RESERVED' });

    const related = await u.VIEWER.ok('cars.related', { id: me.id });
    expect(related.map((c) => c.id).sort()).toEqual([sameBrand.id, sameCategory.id, edgeHigh.id, reserved.id].sort());
    // Same brand first, then nearest in price.
    expect(related.at(-1)!.id).toBe(sameCategory.id);
    expect(related[0]!.id).toBe(reserved.id);
  });
});
