// Inputs of the inventory channels. The renderer validates its forms with these too.
import { z } from 'zod';
import { CAR_CATEGORIES, CAR_STATUSES, DRIVE_TYPES, FUEL_TYPES, TRANSMISSIONS } from '../enums';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id.');
const text = (max: number, missing = 'Fill in this field.') => z.string({ error: missing }).trim().max(max, `At most ${max} characters.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));
const euros = z.number({ message: 'Enter an amount in euros.' }).finite().min(0, 'Cannot be negative.').max(10_000_000, 'That is more than any car here costs.');
const thisYear = new Date().getUTCFullYear();

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const META_TITLE_MAX = 60;
export const META_DESCRIPTION_MAX = 160;

export const carSortKeys = ['relevance', 'price', 'year', 'mileage', 'createdAt', 'daysInStock', 'views'] as const;
export type CarSortKey = (typeof carSortKeys)[number];

export const carFiltersShape = {
  q: text(200).optional(),
  brand: z.array(text(60)).max(50).optional(),
  model: z.array(text(80)).max(100).optional(),
  category: z.array(z.enum(CAR_CATEGORIES)).max(20).optional(),
  status: z.array(z.enum(CAR_STATUSES)).max(10).optional(),
  fuelType: z.array(z.enum(FUEL_TYPES)).max(10).optional(),
  transmission: z.array(z.enum(TRANSMISSIONS)).max(5).optional(),
  priceMin: euros.optional(),
  priceMax: euros.optional(),
  yearMin: z.number().int().min(1900).max(2100).optional(),
  yearMax: z.number().int().min(1900).max(2100).optional(),
  mileageMin: z.number().int().min(0).max(5_000_000).optional(),
  mileageMax: z.number().int().min(0).max(5_000_000).optional(),
  featured: z.boolean().optional(),
  /** The trash: soft-deleted cars only. */
  deleted: z.boolean().optional(),
};
export const carFilters = z.strictObject(carFiltersShape);
export type CarFilters = z.output<typeof carFilters>;

export const carsListInput = z.strictObject({
  ...carFiltersShape,
  sort: z.enum(carSortKeys).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CarsListInput = z.output<typeof carsListInput>;

export const imageInput = z.strictObject({
  id: id.optional(),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^(https?:\/\/|media:\/\/)/.test(u), 'Use an http(s) address or add a file.'),
  alt: text(200, 'Describe the picture (alt text).').min(1, 'Describe the picture (alt text).'),
  isPrimary: z.boolean().default(false),
});

export const carFields = z.strictObject({
  name: text(150, 'Enter a name.').min(1, 'Enter a name.'),
  slug: text(160).regex(SLUG_PATTERN, 'Lowercase letters, digits and dashes only.').optional(),
  brand: text(60, 'Enter the brand.').min(1, 'Enter the brand.'),
  model: text(80, 'Enter the model.').min(1, 'Enter the model.'),
  variant: optionalText(120),
  year: z.number({ message: 'Enter the model year.' }).int().min(1900, 'Too old.').max(thisYear + 1, 'Not in the future.'),
  priceEur: euros,
  mileageKm: z.number({ message: 'Enter the mileage in kilometres.' }).int().min(0, 'Cannot be negative.').max(5_000_000, 'Check the mileage.'),
  fuelType: z.enum(FUEL_TYPES),
  transmission: z.enum(TRANSMISSIONS),
  category: z.enum(CAR_CATEGORIES),
  driveType: z.enum(DRIVE_TYPES).nullish(),
  color: optionalText(40),
  doors: z.number().int().min(1).max(7).nullish(),
  seats: z.number().int().min(1).max(9).nullish(),
  engineSizeCc: z.number().int().min(0).max(10_000).nullish(),
  powerKw: z.number().int().min(1).max(2000).nullish(),
  co2GPerKm: z.number().int().min(0).max(1000).nullish(),
  vin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'A VIN has 17 letters and digits (no I, O or Q).')
    .nullish()
    .or(z.literal('').transform(() => null)),
  registrationNumber: optionalText(12),
  description: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  featured: z.boolean().default(false),
  metaTitle: optionalText(META_TITLE_MAX + 20),
  metaDescription: optionalText(META_DESCRIPTION_MAX + 40),
  purchasePriceEur: euros.nullish(),
  stockedAt: z.iso.datetime({ offset: true }).nullish(),
  images: z
    .array(imageInput)
    .max(40, 'At most 40 pictures.')
    .default([])
    .refine((imgs) => imgs.filter((i) => i.isPrimary).length <= 1, 'Only one picture can be the primary one.'),
  features: z.array(text(120).min(1)).max(100).default([]),
  specifications: z.array(z.strictObject({ label: text(60).min(1, 'Label?'), value: text(200).min(1, 'Value?') })).max(100).default([]),
});
export type CarFields = z.output<typeof carFields>;

export const carCreateInput = carFields.extend({ status: z.enum(['INCOMING', 'AVAILABLE']).default('AVAILABLE') });
export const carUpdateInput = carFields.extend({ id, version: z.number().int().min(1) });

export const carStatusInput = z
  .strictObject({
    id,
    version: z.number().int().min(1),
    status: z.enum(CAR_STATUSES),
    soldPriceEur: euros.optional(),
    soldAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => v.status !== 'SOLD' || v.soldPriceEur !== undefined, { message: 'Enter the sale price.', path: ['soldPriceEur'] });

export const carIdInput = z.strictObject({ id });
export const carVersionedIdInput = z.strictObject({ id, version: z.number().int().min(1) });

export const carBulkInput = z.strictObject({
  ids: z.array(id).min(1, 'Select at least one car.').max(1000, 'At most 1000 cars at a time.'),
  action: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('status'), status: z.enum(['INCOMING', 'AVAILABLE', 'RESERVED', 'ARCHIVED']) }),
    z.strictObject({ type: z.literal('featured'), featured: z.boolean() }),
    z.strictObject({ type: z.literal('delete') }),
  ]),
});

export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const carCsvInput = z.strictObject({
  csv: z.string().min(1, 'The file is empty.').max(CSV_MAX_BYTES, 'The file is larger than 5 MB.'),
  /** Preview parses and checks every row and writes nothing. */
  dryRun: z.boolean().default(true),
});

export const carExportInput = z.strictObject({ ...carFiltersShape, sort: z.enum(carSortKeys).default('createdAt'), dir: z.enum(['asc', 'desc']).default('desc') });

export const slugPreviewInput = z.strictObject({ name: text(150), excludeId: id.optional() });

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
export const mediaUploadInput = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  /** The picture's bytes, base64: the sandboxed renderer reads the file the user picked. */
  dataBase64: z.string().min(1).max(Math.ceil((MEDIA_MAX_BYTES * 4) / 3) + 4, 'A picture may be at most 10 MB.'),
});
