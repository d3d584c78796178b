// The editor's form model: every input as the text the user typed, and the conversions to
// and from the contract (CarDto in, cars.create / cars.update input out). Pure, so tested alone.
import type { CarCategory, CarDto, DriveType, FuelType, Transmission } from '../../../api/contract';
import { dateInputToIso, isoToDateInput, parseNumber } from '../format';

export interface ImageDraft {
  /** React key only; never sent. */
  key: string;
  url: string;
  alt: string;
  isPrimary: boolean;
}

export interface FeatureDraft {
  key: string;
  text: string;
}

export interface SpecDraft {
  key: string;
  label: string;
  value: string;
}

export interface CarForm {
  name: string;
  slug: string;
  brand: string;
  model: string;
  variant: string;
  year: string;
  priceEur: string;
  mileageKm: string;
  fuelType: FuelType | '';
  transmission: Transmission | '';
  category: CarCategory | '';
  driveType: DriveType | '';
  color: string;
  doors: string;
  seats: string;
  engineSizeCc: string;
  powerKw: string;
  co2GPerKm: string;
  vin: string;
  registrationNumber: string;
  description: string;
  descriptionEn: string;
  featured: boolean;
  metaTitle: string;
  metaDescription: string;
  purchasePriceEur: string;
  /** yyyy-mm-dd */
  stockedAt: string;
  /** The saved instant behind stockedAt: sent back as it was when the day is not changed (not an input). */
  stockedAtSaved: string | null;
  /** Only for a new car: it starts as incoming or for sale. */
  initialStatus: 'INCOMING' | 'AVAILABLE';
  images: ImageDraft[];
  features: FeatureDraft[];
  specifications: SpecDraft[];
}

export type ScalarKey = Exclude<keyof CarForm, 'images' | 'features' | 'specifications'>;

let nextKey = 1;
export const newKey = (): string => `k${nextKey++}`;

const text = (value: string | null | undefined) => value ?? '';
const num = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function emptyForm(): CarForm {
  return {
    name: '',
    slug: '',
    brand: '',
    model: '',
    variant: '',
    year: '',
    priceEur: '',
    mileageKm: '',
    fuelType: '',
    transmission: '',
    category: '',
    driveType: '',
    color: '',
    doors: '',
    seats: '',
    engineSizeCc: '',
    powerKw: '',
    co2GPerKm: '',
    vin: '',
    registrationNumber: '',
    description: '',
    descriptionEn: '',
    featured: false,
    metaTitle: '',
    metaDescription: '',
    purchasePriceEur: '',
    stockedAt: '',
    stockedAtSaved: null,
    initialStatus: 'AVAILABLE',
    images: [],
    features: [],
    specifications: [],
  };
}

export function formFromCar(car: CarDto): CarForm {
  return {
    name: car.name,
    slug: car.slug,
    brand: car.brand,
    model: car.model,
    variant: text(car.variant),
    year: num(car.year),
    priceEur: num(car.priceEur),
    mileageKm: num(car.mileageKm),
    fuelType: car.fuelType,
    transmission: car.transmission,
    category: car.category,
    driveType: car.driveType ?? '',
    color: text(car.color),
    doors: num(car.doors),
    seats: num(car.seats),
    engineSizeCc: num(car.engineSizeCc),
    powerKw: num(car.powerKw),
    co2GPerKm: num(car.co2GPerKm),
    vin: text(car.vin),
    registrationNumber: text(car.registrationNumber),
    description: text(car.description),
    descriptionEn: text(car.descriptionEn),
    featured: car.featured,
    metaTitle: text(car.metaTitle),
    metaDescription: text(car.metaDescription),
    purchasePriceEur: num(car.purchasePriceEur),
    stockedAt: isoToDateInput(car.stockedAt),
    stockedAtSaved: car.stockedAt,
    initialStatus: 'AVAILABLE',
    images: car.images.map((image) => ({ key: newKey(), url: image.url, alt: image.alt, isPrimary: image.isPrimary })),
    features: car.features.map((feature) => ({ key: newKey(), text: feature })),
    specifications: car.specifications.map((spec) => ({ key: newKey(), label: spec.label, value: spec.value })),
  };
}

/** A required number: empty → undefined (the schema then asks for it), unreadable → NaN (refused). */
const required = (value: string) => parseNumber(value) ?? undefined;
/** An optional number: empty → null. */
const optional = (value: string) => parseNumber(value);

/** The car's fields as the contract takes them (unvalidated: the caller parses with the schema). */
export function formToFields(form: CarForm) {
  return {
    name: form.name,
    // Left empty, the server makes the slug from the name.
    slug: form.slug.trim() === '' ? undefined : form.slug.trim(),
    brand: form.brand,
    model: form.model,
    variant: form.variant,
    year: required(form.year),
    priceEur: required(form.priceEur),
    mileageKm: required(form.mileageKm),
    fuelType: form.fuelType || undefined,
    transmission: form.transmission || undefined,
    category: form.category || undefined,
    driveType: form.driveType || null,
    color: form.color,
    doors: optional(form.doors),
    seats: optional(form.seats),
    engineSizeCc: optional(form.engineSizeCc),
    powerKw: optional(form.powerKw),
    co2GPerKm: optional(form.co2GPerKm),
    vin: form.vin,
    registrationNumber: form.registrationNumber,
    description: form.description,
    descriptionEn: form.descriptionEn,
    featured: form.featured,
    metaTitle: form.metaTitle,
    metaDescription: form.metaDescription,
    purchasePriceEur: optional(form.purchasePriceEur),
    stockedAt: stockedAtOf(form),
    images: form.images.map((image) => ({ url: image.url, alt: image.alt, isPrimary: image.isPrimary })),
    features: form.features.map((feature) => feature.text),
    specifications: form.specifications.map((spec) => ({ label: spec.label, value: spec.value })),
  };
}

/** An unchanged day keeps its saved time of day, so a save does not move the stock date by hours. */
function stockedAtOf(form: CarForm): string | undefined {
  if (!form.stockedAt) return undefined;
  if (form.stockedAtSaved && isoToDateInput(form.stockedAtSaved) === form.stockedAt) return form.stockedAtSaved;
  // An unreadable date goes as typed: the schema refuses it with a message on the field.
  return dateInputToIso(form.stockedAt) ?? form.stockedAt;
}

/** The form without React keys, as one string: equal strings mean nothing to save. */
export function formSignature(form: CarForm): string {
  return JSON.stringify(valueOf(form));
}

function valueOf(form: CarForm) {
  return {
    ...form,
    images: form.images.map(({ url, alt, isPrimary }) => ({ url, alt, isPrimary })),
    features: form.features.map((f) => f.text),
    specifications: form.specifications.map(({ label, value }) => ({ label, value })),
  };
}

const fieldSignature = (form: CarForm, key: keyof CarForm): string => JSON.stringify(valueOf(form)[key]);

/**
 * The car changed under the form (a status move, the trash, a restore): take the new car's
 * value for every field the user has not touched, and keep every field they have.
 */
export function rebaseForm(form: CarForm, before: CarDto, after: CarDto): CarForm {
  const was = formFromCar(before);
  const now = formFromCar(after);
  const out: CarForm = { ...form };
  for (const key of Object.keys(form) as (keyof CarForm)[]) {
    if (key === 'initialStatus') continue;
    // The saved instant always follows the server.
    if (key === 'stockedAtSaved') {
      out.stockedAtSaved = now.stockedAtSaved;
      continue;
    }
    if (fieldSignature(form, key) === fieldSignature(was, key)) (out as unknown as Record<string, unknown>)[key] = now[key];
  }
  return out;
}

/** The fields whose values differ between two forms, in form order. */
/** Form keys that are not fields of the car a user edits. */
const NOT_FIELDS: readonly (keyof CarForm)[] = ['initialStatus', 'stockedAtSaved'];

export function differingFields(a: CarForm, b: CarForm): (keyof CarForm)[] {
  return (Object.keys(a) as (keyof CarForm)[]).filter((key) => !NOT_FIELDS.includes(key) && fieldSignature(a, key) !== fieldSignature(b, key));
}

/** Marks exactly one image primary: the chosen one, or the first when none is. */
export function withPrimary(images: ImageDraft[], primaryKey?: string): ImageDraft[] {
  const key = primaryKey ?? images.find((image) => image.isPrimary)?.key ?? images[0]?.key;
  return images.map((image) => ({ ...image, isPrimary: image.key === key }));
}

/** Moves one item of a list from one index to another (a copy). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
