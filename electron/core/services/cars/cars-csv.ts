// CSV import and export of cars. An import is checked row by row first (every error with
// its line and field), and written only when every row is valid, in one transaction:
// nothing is half-imported.
import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import type { ChannelParsed } from '../../api/contract';
import type { CsvFileDto } from '../../api/dto';
import type { CsvImportResultDto, CsvRowError } from '../../api/dto-cars';
import type { EventBus } from '../../api/events';
import { validation } from '../../api/errors';
import type { Principal } from '../../api/router';
import { carCreateInput } from '../../api/schemas/cars';
import type { Db } from '../../db/prisma';
import { record } from '../audit';
import { toCsv } from '../csv';
import { ROW_COLUMNS, type RowRecord } from './list-query';
import { slugify, uniqueSlug } from './slug';
import { filterConditions, SqlParams } from './sql-filters';

/** Columns of the import/export format; the header names them (case and spaces ignored). */
export const CSV_COLUMNS = [
  'name', 'brand', 'model', 'variant', 'year', 'price_eur', 'mileage_km', 'fuel_type', 'transmission', 'category',
  'color', 'status', 'featured', 'vin', 'registration_number', 'description', 'description_en', 'features', 'image_urls',
] as const;
/** Columns the export adds for people; computed by the app, so an import ignores them. */
const EXPORT_ONLY = ['slug', 'days_in_stock', 'views'];
const REQUIRED = ['name', 'brand', 'model', 'year', 'price_eur', 'mileage_km', 'fuel_type', 'transmission', 'category'] as const;
const MAX_ROWS = 5000;
const BATCH = 100;

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');
const numberOf = (s: string | undefined) => {
  if (s === undefined || s.trim() === '') return undefined;
  // Finnish spreadsheets write 12 500,50.
  const n = Number(s.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
};
const list = (s: string | undefined) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

type CarCreate = ChannelParsed<'cars.create'>;

function rowToInput(row: Record<string, string>): unknown {
  const name = row.name?.trim() ?? '';
  return {
    name,
    brand: row.brand,
    model: row.model,
    variant: row.variant || null,
    year: numberOf(row.year),
    priceEur: numberOf(row.price_eur),
    mileageKm: numberOf(row.mileage_km),
    fuelType: row.fuel_type?.trim().toUpperCase(),
    transmission: row.transmission?.trim().toUpperCase(),
    category: row.category?.trim().toUpperCase(),
    color: row.color || null,
    status: row.status?.trim() ? row.status.trim().toUpperCase() : undefined,
    featured: /^(1|true|yes|kyllä|x)$/i.test(row.featured?.trim() ?? ''),
    vin: row.vin || null,
    registrationNumber: row.registration_number || null,
    description: row.description || null,
    descriptionEn: row.description_en || null,
    features: list(row.features),
    images: list(row.image_urls).map((url, i) => ({ url, alt: `${name} ${i + 1}`.trim(), isPrimary: i === 0 })),
  };
}

const FIELD_COLUMN: Record<string, string> = { priceEur: 'price_eur', mileageKm: 'mileage_km', fuelType: 'fuel_type', registrationNumber: 'registration_number', descriptionEn: 'description_en', images: 'image_urls' };

export function createCarsCsv(deps: { db: Db; pool: pg.Pool; events: EventBus; invalidateAll: () => Promise<void> }) {
  const { db, pool, events } = deps;

  function parseFile(csv: string): { rows: { line: number; row: Record<string, string> }[]; errors: CsvRowError[] } {
    let records: string[][];
    let lines: number[];
    try {
      const parsed = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, info: true, delimiter: csv.split('\n')[0]!.includes(';') && !csv.split('\n')[0]!.includes(',') ? ';' : ',' }) as unknown as { record: string[]; info: { lines: number } }[];
      records = parsed.map((p) => p.record);
      // The line a record starts on: quoted cells may span lines and blank lines are skipped,
      // so the record's index is not its line. info.lines is the line the record ends on.
      lines = parsed.map((p) => p.info.lines - p.record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0));
    } catch (error) {
      throw validation(`The file is not valid CSV: ${(error as Error).message}`, { csv: 'Not valid CSV.' });
    }
    if (records.length < 2) throw validation('The file has no car rows under its header.', { csv: 'No rows.' });
    if (records.length - 1 > MAX_ROWS) throw validation(`At most ${MAX_ROWS} cars per file.`, { csv: 'Too many rows.' });
    const header = records[0]!.map(norm);
    const missing = REQUIRED.filter((c) => !header.includes(c));
    if (missing.length) throw validation(`The header lacks the column(s): ${missing.join(', ')}.`, { csv: `Missing columns: ${missing.join(', ')}` });
    const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h) && !EXPORT_ONLY.includes(h));
    const errors: CsvRowError[] = unknown.map((h) => ({ line: 1, field: h, message: `Unknown column "${h}".` }));
    const rows = records.slice(1).map((r, i) => ({ line: lines[i + 1]!, row: Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])) }));
    return { rows, errors };
  }

  return {
    async importCsv(input: ChannelParsed<'cars.importCsv'>, actor: Principal): Promise<CsvImportResultDto> {
      const { rows, errors } = parseFile(input.csv);
      const valid: { line: number; car: CarCreate }[] = [];
      const seenVins = new Map<string, number>();
      rows.forEach(({ line, row }) => {
        const parsed = carCreateInput.safeParse(rowToInput(row));
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            errors.push({ line, field: FIELD_COLUMN[field] ?? field, message: issue.message });
          }
          return;
        }
        const vin = parsed.data.vin;
        if (vin) {
          if (seenVins.has(vin)) {
            errors.push({ line, field: 'vin', message: `The same VIN is on line ${seenVins.get(vin)}.` });
            return;
          }
          seenVins.set(vin, line);
        }
        valid.push({ line, car: parsed.data });
      });
      if (seenVins.size) {
        const taken = await db.car.findMany({ where: { vin: { in: [...seenVins.keys()] } }, select: { vin: true } });
        for (const t of taken) errors.push({ line: seenVins.get(t.vin!)!, field: 'vin', message: 'A car with this VIN is already in stock.' });
      }

      // Slugs for the whole file at once: unique against the database and each other.
      // Every taken slug that starts like one of the file's (base, base-2 …), not only the bases.
      const bases = [...new Set(valid.map((v) => slugify(v.car.slug ?? v.car.name) || 'auto'))];
      const taken = bases.length ? await pool.query<{ slug: string }>('SELECT slug FROM cars WHERE slug LIKE ANY($1::text[])', [bases.map((b) => `${b}%`)]) : { rows: [] };
      const existing = new Set(taken.rows.map((r) => r.slug));
      const planned = valid.map((v) => {
        const slug = uniqueSlug(slugify(v.car.slug ?? v.car.name), existing);
        existing.add(slug);
        return { ...v, slug };
      });
      errors.sort((a, b) => a.line - b.line);
      const result: CsvImportResultDto = {
        rows: rows.length,
        valid: valid.length,
        errors,
        preview: planned.slice(0, 20).map((p) => ({ line: p.line, name: p.car.name, brand: p.car.brand, model: p.car.model, year: p.car.year, priceEur: p.car.priceEur, slug: p.slug })),
        imported: 0,
      };
      if (input.dryRun || errors.length) return result;

      const jobId = `import-${Date.now()}`;
      await db.$transaction(
        async (tx) => {
          for (let start = 0; start < planned.length; start += BATCH) {
            for (const { car, slug } of planned.slice(start, start + BATCH)) {
              const created = await tx.car.create({
                data: {
                  slug, name: car.name, brand: car.brand, model: car.model, variant: car.variant, year: car.year, priceEur: car.priceEur,
                  mileageKm: car.mileageKm, fuelType: car.fuelType, transmission: car.transmission, category: car.category, color: car.color,
                  vin: car.vin ?? null, registrationNumber: car.registrationNumber, description: car.description, descriptionEn: car.descriptionEn,
                  featured: car.featured, status: car.status, createdById: actor.userId, updatedById: actor.userId,
                  images: { create: car.images.map((img, i) => ({ url: img.url, alt: img.alt, sortOrder: i, isPrimary: i === 0 })) },
                  features: { create: car.features.map((feature, i) => ({ feature, sortOrder: i })) },
                },
                select: { id: true },
              });
              await record(tx, { userId: actor.userId, action: 'car.create', entityType: 'Car', entityId: created.id, metadata: { via: 'csv import', line: planned.find((p) => p.slug === slug)?.line } });
            }
            events.emit('cars.importProgress', { jobId, done: Math.min(start + BATCH, planned.length), total: planned.length });
          }
        },
        { timeout: 120_000 },
      );
      await deps.invalidateAll();
      return { ...result, imported: planned.length };
    },

    async exportCsv(input: ChannelParsed<'cars.exportCsv'>): Promise<CsvFileDto> {
      const params = new SqlParams();
      const where = filterConditions(input, params);
      const { rows } = await pool.query<RowRecord & { vin: string | null; registration_number: string | null; description: string | null; description_en: string | null; features: string | null; image_urls: string | null }>(
        `SELECT ${ROW_COLUMNS}, c.vin, c.registration_number, c.description, c.description_en,
           (SELECT string_agg(f.feature, '|' ORDER BY f.sort_order) FROM car_features f WHERE f.car_id = c.id) AS features,
           (SELECT string_agg(i.url, '|' ORDER BY i.sort_order) FROM car_images i WHERE i.car_id = c.id) AS image_urls
         FROM cars c LEFT JOIN car_stats s ON s.car_id = c.id
         WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id LIMIT 100000`,
        params.values,
      );
      const content = toCsv(
        [...CSV_COLUMNS, 'slug', 'days_in_stock', 'views'],
        rows.map((r) => [r.name, r.brand, r.model, r.variant, r.year, r.price_eur, r.mileage_km, r.fuel_type, r.transmission, r.category, r.color, r.status, r.featured, r.vin, r.registration_number, r.description, r.description_en, r.features, r.image_urls, r.slug, r.days_in_stock, r.views]),
      );
      return { filename: `inventory-${new Date().toISOString().slice(0, 10)}.csv`, mime: 'text/csv', content };
    },
  };
}
