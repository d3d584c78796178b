// The rules the database itself enforces, whoever writes to it (this app on any PC, the
// website, an import): uniqueness, cascades, CHECKs, the insert-only audit log, and the
// search columns the inventory screen will query.
import { Prisma } from '../../electron/core/db/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../support/core';

let t: TestCore;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => t?.close());

let serial = 0;
/** A valid car; each call gets its own slug. */
function carData(overrides: Partial<Prisma.CarCreateInput> = {}): Prisma.CarCreateInput {
  serial += 1;
  return {
    slug: `toyota-corolla-${serial}`,
    name: 'Toyota Corolla',
    brand: 'Toyota',
    model: 'Corolla',
    year: 2020,
    priceEur: '21900',
    mileageKm: 45_000,
    fuelType: 'HYBRID',
    transmission: 'AUTOMATIC',
    category: 'HATCHBACK',
    ...overrides,
  };
}

/** The PostgreSQL error of a failed write, whether Prisma wrapped it or the pg driver threw it. */
async function pgError(run: Promise<unknown>): Promise<{ code: string | undefined; constraint: string | undefined; message: string }> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the write should have been refused').not.toBeNull();
  const e = error as { code?: string; constraint?: string; message: string; cause?: { code?: string; originalCode?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const code = e.meta?.driverAdapterError?.cause?.originalCode ?? e.cause?.originalCode ?? e.cause?.code ?? e.code;
  return { code, constraint: e.constraint, message: e.message };
}

describe('cars', () => {
  it('slugs are unique (P2002 through Prisma, 23505 on idx_cars_slug in SQL)', async () => {
    const car = await t.core.db.car.create({ data: carData() });
    const viaPrisma = await t.core.db.car.create({ data: carData({ slug: car.slug }) }).catch((e: unknown) => e);
    expect(viaPrisma).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((viaPrisma as Prisma.PrismaClientKnownRequestError).code).toBe('P2002');

    const other = await t.core.db.car.create({ data: carData() });
    const viaSql = await pgError(t.core.pool.query('UPDATE cars SET slug = $1 WHERE id = $2', [car.slug, other.id]));
    expect(viaSql).toMatchObject({ code: '23505', constraint: 'idx_cars_slug' });
    expect(await t.core.db.car.count({ where: { slug: car.slug } })).toBe(1);
  });

  it('deleting a car deletes its images, features and specifications', async () => {
    const car = await t.core.db.car.create({
      data: carData({
        images: { create: [{ url: 'https://cdn.kroi.test/1.jpg', alt: 'Edestä', isPrimary: true }, { url: 'https://cdn.kroi.test/2.jpg', alt: 'Takaa', sortOrder: 1 }] },
        features: { create: [{ feature: 'Vakionopeudensäädin' }, { feature: 'Peruutuskamera', sortOrder: 1 }] },
        specifications: { create: [{ label: 'Moottori', value: '1.8 Hybrid' }] },
      }),
    });
    const keep = await t.core.db.car.create({ data: carData({ features: { create: [{ feature: 'Lohkolämmitin' }] } }) });
    const children = async (carId: string) => [
      await t.core.db.carImage.count({ where: { carId } }),
      await t.core.db.carFeature.count({ where: { carId } }),
      await t.core.db.carSpecification.count({ where: { carId } }),
    ];
    expect(await children(car.id)).toEqual([2, 2, 1]);

    await t.core.db.car.delete({ where: { id: car.id } });
    expect(await children(car.id)).toEqual([0, 0, 0]);
    expect(await children(keep.id)).toEqual([0, 1, 0]);
  });

  it('a car has at most one primary image (partial unique index)', async () => {
    const car = await t.core.db.car.create({ data: carData({ images: { create: [{ url: 'https://cdn.kroi.test/a.jpg', alt: 'A', isPrimary: true }] } }) });
    const second = await pgError(t.core.db.carImage.create({ data: { carId: car.id, url: 'https://cdn.kroi.test/b.jpg', alt: 'B', isPrimary: true } }));
    expect(second.code).toMatch(/^(P2002|23505)$/);
    // Any number of non-primary images, and another car's primary image, are fine.
    await t.core.db.carImage.createMany({ data: [1, 2, 3].map((i) => ({ carId: car.id, url: `https://cdn.kroi.test/${i}.jpg`, alt: `${i}`, sortOrder: i })) });
    await t.core.db.car.create({ data: carData({ images: { create: [{ url: 'https://cdn.kroi.test/c.jpg', alt: 'C', isPrimary: true }] } }) });
    expect(await t.core.db.carImage.count({ where: { carId: car.id, isPrimary: true } })).toBe(1);
    expect(await t.core.db.carImage.count({ where: { carId: car.id } })).toBe(4);
  });

  it.each([
    ['a negative price', { priceEur: '-1' }, 'cars_price_nonnegative'],
    ['a slug with capitals and spaces', { slug: 'Toyota Corolla' }, 'cars_slug_format'],
    ['a slug with a trailing hyphen', { slug: 'toyota-' }, 'cars_slug_format'],
    ['negative mileage', { mileageKm: -5 }, 'cars_mileage_nonnegative'],
    ['year 1850', { year: 1850 }, 'cars_year_range'],
  ] as const)('CHECK refuses %s', async (_label, overrides, constraint) => {
    const before = await t.core.db.car.count();
    const error = await pgError(t.core.db.car.create({ data: carData(overrides) }));
    expect(error.code).toBe('23514');
    expect(error.message).toContain(constraint);
    expect(await t.core.db.car.count()).toBe(before);
  });

  it('a lead score outside 0..100 is refused', async () => {
    const error = await pgError(t.core.db.contactSubmission.create({ data: { name: 'Matti', email: 'matti@example.fi', message: 'Hei', leadScore: 101 } }));
    expect(error.code).toBe('23514');
    expect(error.message).toContain('contacts_lead_score_range');
  });

  it('a soft-deleted car stays in the table and is left out by the normal query', async () => {
    const live = await t.core.db.car.create({ data: carData({ brand: 'Skoda', model: 'Octavia', name: 'Skoda Octavia' }) });
    const gone = await t.core.db.car.create({ data: carData({ brand: 'Skoda', model: 'Octavia', name: 'Skoda Octavia', deletedAt: new Date() }) });
    const listed = await t.core.db.car.findMany({ where: { deletedAt: null, brand: 'Skoda' }, select: { id: true } });
    expect(listed.map((c) => c.id)).toEqual([live.id]);
    const { rows } = await t.core.pool.query<{ id: string }>("SELECT id FROM cars WHERE brand = 'Skoda' ORDER BY created_at");
    expect(rows.map((r) => r.id)).toEqual([live.id, gone.id]);
  });
});

describe('activity_logs is insert-only', () => {
  let id: number;
  beforeAll(async () => {
    const row = await t.core.db.activityLog.create({ data: { action: 'car.update', entityType: 'car', entityId: 'x', changes: { price: [1, 2] } } });
    id = Number(row.id);
  });

  it.each([
    ['UPDATE', (row: number) => t.core.pool.query('UPDATE activity_logs SET action = $1 WHERE id = $2', ['forged', row])],
    ['DELETE', (row: number) => t.core.pool.query('DELETE FROM activity_logs WHERE id = $1', [row])],
    ['TRUNCATE', () => t.core.pool.query('TRUNCATE activity_logs')],
    // A cascade from the table its user_id points to must not get round it.
    ['TRUNCATE users CASCADE', () => t.core.pool.query('TRUNCATE users CASCADE')],
  ] as const)('%s is refused and the row stays', async (_label, run) => {
    const error = await pgError(run(id));
    expect(error.code).toBe('42501');
    expect(error.message).toContain('insert-only');
    const row = await t.core.db.activityLog.findUnique({ where: { id: BigInt(id) } });
    expect(row?.action).toBe('car.update');
  });

  it('Prisma updates and deletes are refused too', async () => {
    await expect(t.core.db.activityLog.update({ where: { id: BigInt(id) }, data: { action: 'forged' } })).rejects.toThrow(/insert-only/);
    await expect(t.core.db.activityLog.deleteMany({})).rejects.toThrow(/insert-only/);
    expect(await t.core.db.activityLog.count({ where: { id: BigInt(id), action: 'car.update' } })).toBe(1);
  });
});

describe('search columns', () => {
  let corollaId: string;
  let volvoId: string;
  beforeAll(async () => {
    const corolla = await t.core.db.car.create({
      data: carData({
        slug: 'toyota-corolla-hybrid-2020',
        name: 'Toyota Corolla Hybrid',
        brand: 'Toyota',
        model: 'Corolla',
        description: 'Hyväkuntoinen ja taloudellinen perheauto. Vähän ajettu, huoltokirja ja talvirenkaat mukana.',
        descriptionEn: 'Well maintained, economical family car with heated seats and a full service history.',
      }),
    });
    const volvo = await t.core.db.car.create({
      data: carData({ slug: 'volvo-v60-2019', name: 'Volvo V60 D4', brand: 'Volvo', model: 'V60', fuelType: 'DIESEL', category: 'ESTATE', description: 'Tilava farmari.', descriptionEn: 'Spacious estate.' }),
    });
    corollaId = corolla.id;
    volvoId = volvo.id;
  });

  async function matches(config: 'finnish' | 'english', text: string): Promise<string[]> {
    const { rows } = await t.core.pool.query<{ id: string }>('SELECT id FROM cars WHERE id = ANY($3) AND search_vector @@ websearch_to_tsquery($1::regconfig, $2) ORDER BY id', [
      config,
      text,
      [corollaId, volvoId],
    ]);
    return rows.map((r) => r.id);
  }

  it('finds the car by brand and model with a Finnish query', async () => {
    expect(await matches('finnish', 'toyota corolla')).toEqual([corollaId]);
    expect(await matches('finnish', 'volvo')).toEqual([volvoId]);
  });

  it('finds the car by words of its Finnish and English descriptions', async () => {
    expect(await matches('finnish', 'taloudellinen perheauto')).toEqual([corollaId]);
    // Stemmed: "heated seats" matches "heat seat".
    expect(await matches('english', 'heated seats service history')).toEqual([corollaId]);
    expect(await matches('english', 'heat seat')).toEqual([corollaId]);
    expect(await matches('english', 'panoramic sunroof')).toEqual([]);
  });

  it('the search vector follows an edit of the description (generated column)', async () => {
    await t.core.db.car.update({ where: { id: volvoId }, data: { descriptionEn: 'Spacious estate with a panoramic sunroof.' } });
    expect(await matches('english', 'panoramic sunroof')).toEqual([volvoId]);
  });

  it('a misspelled title is close by trigram similarity', async () => {
    const { rows } = await t.core.pool.query<{ id: string; sim: number; word_sim: number }>(
      "SELECT id, similarity('toyta corola', search_text) AS sim, word_similarity('toyta corola', search_text) AS word_sim FROM cars WHERE id = ANY($1)",
      [[corollaId, volvoId]],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[corollaId]!.sim).toBeGreaterThan(0.3);
    expect(byId[volvoId]!.sim).toBeLessThan(0.1);
    // Longer titles dilute similarity(); word_similarity() keeps matching them.
    expect(byId[corollaId]!.word_sim).toBeGreaterThan(0.5);
  });
});
