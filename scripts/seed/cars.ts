// Car inventory: one pure builder per car (so the child tables can rebuild a car instead
// of keeping it in memory) and the row streams for cars, car_images, car_features and
// car_specifications. The cars pass also fills a compact CarIndex that later tables use.
import { BODY_DEFAULTS, COLOURS, MODELS, type Colour, type Model, type Variant } from './catalog';
import { describe, drawFeatures, metaDescription, metaTitle, photoAlt, specifications, type Bilingual, type CarFacts } from './car-text';
import type { SeedContext } from './context';
import { defineTable, type RowOf } from './copy-loader';
import { CAR_STATUSES, type CarStatus } from './enums';
import { askingPrice, drawMileage, purchasePrice, soldPrice } from './pricing';
import { Rng, STREAM, WeightedTable, seededId } from './random';
import { buildVin, drawPlate } from './registration';
import { SlugAllocator } from './slug';
import { DAY_MS, HOUR_MS } from './time';

const YEAR_MS = 365.25 * DAY_MS;

export const carsTable = defineTable('cars', [
  'id', 'slug', 'name', 'brand', 'model', 'variant', 'year', 'price_eur', 'mileage_km', 'fuel_type', 'transmission',
  'category', 'drive_type', 'color', 'doors', 'seats', 'engine_size_cc', 'power_kw', 'co2_g_per_km', 'vin',
  'registration_number', 'description', 'description_en', 'status', 'featured', 'meta_title', 'meta_description',
  'purchase_price_eur', 'sold_price_eur', 'sold_at', 'stocked_at', 'deleted_at', 'created_at', 'updated_at', 'version',
  'created_by_id', 'updated_by_id',
]);
export const carImagesTable = defineTable('car_images', ['id', 'car_id', 'url', 'alt', 'sort_order', 'is_primary', 'width', 'height', 'created_at']);
export const carFeaturesTable = defineTable('car_features', ['id', 'car_id', 'feature', 'sort_order']);
export const carSpecificationsTable = defineTable('car_specifications', ['id', 'car_id', 'label', 'value', 'sort_order']);

const modelTable = new WeightedTable(MODELS, MODELS.map((m) => m.weight));
const colourTable = new WeightedTable(COLOURS, COLOURS.map((c) => c.weight));
const statusTable = WeightedTable.of<CarStatus>([
  ['AVAILABLE', 62],
  ['SOLD', 20],
  ['RESERVED', 6],
  ['INCOMING', 6],
  ['ARCHIVED', 6],
]);
/** Share of stock by age in years (index 0 = this model year): dealers sell mostly 2–6-year-olds. */
const AGE_WEIGHTS = [3, 8, 12, 14, 13, 11, 9, 8, 6, 5, 4, 3, 2, 2, 1];

export interface CarRecord {
  index: number;
  id: string;
  modelIndex: number;
  variant: Variant;
  variantText: string;
  facts: CarFacts;
  colour: Colour;
  status: CarStatus;
  featured: boolean;
  vin: string;
  purchasePriceEur: number;
  soldPriceEur: number | null;
  soldAt: number | null;
  stockedAt: number;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  /** Until when the website showed the car (sold, archived, deleted or still listed). */
  listedUntil: number;
  createdById: string;
  updatedById: string;
  features: Bilingual[];
  description: Bilingual;
  imageCount: number;
  popularity: number;
}

function drawYear(rng: Rng, variant: Variant, nowYear: number): number {
  const first = Math.max(variant.from, nowYear - AGE_WEIGHTS.length + 1);
  const last = Math.min(variant.to ?? nowYear, nowYear);
  if (last < first) return last;
  const years: number[] = [];
  const weights: number[] = [];
  for (let y = first; y <= last; y++) {
    years.push(y);
    weights.push(AGE_WEIGHTS[nowYear - y] ?? 1);
  }
  return new WeightedTable(years, weights).draw(rng);
}

/** The stocking window (days ago, newest–oldest) each status implies. */
function stockWindow(rng: Rng, status: CarStatus): [number, number] {
  switch (status) {
    case 'INCOMING':
      return [0, 10];
    case 'RESERVED':
      return [2, 90];
    case 'SOLD':
      return [14, 365];
    case 'ARCHIVED':
      return [90, 365];
    default:
      // Most listed cars are fresh; a long tail stays unsold for months.
      return rng.chance(0.7) ? [0, 90] : [0, 365];
  }
}

/** Statuses the first cars are given, so even a tiny run has every status and a soft delete. */
const FORCED: readonly { status: CarStatus; featured?: boolean; deleted?: boolean }[] = [
  ...CAR_STATUSES.map((status) => ({ status, featured: status === 'AVAILABLE' })),
  { status: 'ARCHIVED', deleted: true },
];

export const carId = (ctx: SeedContext, index: number): string => seededId(ctx.seed, STREAM.car, index);

/**
 * Car `index`, drawn from its own Rng. The listing text is drawn last, so the child-table
 * passes can skip it (`withText` false) without shifting any other draw.
 */
export function buildCar(ctx: SeedContext, index: number, withText = true): CarRecord {
  const rng = Rng.for(ctx.seed, STREAM.car, index);
  const now = ctx.nowMs;
  const nowYear = new Date(now).getUTCFullYear();
  const modelIndex = modelTable.indexAt(rng.float());
  const model = modelTable.item(modelIndex) as Model;
  const variant = rng.pick(model.variants);
  const year = drawYear(rng, variant, nowYear);
  const ageYears = Math.max(0.1, (now - Date.UTC(year, 3, 1)) / YEAR_MS);
  const category = variant.category ?? model.category;
  const body = BODY_DEFAULTS[category];
  const trimIndex = model.trims.length > 0 ? Math.min(model.trims.length - 1, Math.floor(rng.float() * rng.float() * model.trims.length * 1.6)) : -1;
  const trim = trimIndex >= 0 ? (model.trims[trimIndex] as string) : '';
  const variantText = trim ? `${variant.engine} ${trim}` : variant.engine;
  const colour = colourTable.draw(rng);
  const mileageKm = drawMileage(rng, ageYears, variant.fuel, category === 'VAN');
  const priceEur = askingPrice(rng, { newPrice: variant.newPrice, ageYears, mileageKm, fuel: variant.fuel, premium: model.premium === true });

  const forced = FORCED[index];
  const status = forced?.status ?? statusTable.draw(rng);
  const [minDays, maxDays] = stockWindow(rng, status);
  const stockedAt = ctx.showroom.sampleBetween(rng.float(), now - maxDays * DAY_MS, now - minDays * DAY_MS);
  const createdAt = status === 'INCOMING' ? stockedAt : stockedAt - Math.floor(rng.range(0, 2) * DAY_MS);

  let soldAt: number | null = null;
  let endedAt: number | null = null;
  if (status === 'SOLD') {
    const target = stockedAt + Math.min(rng.logNormal(35, 0.6), 200) * DAY_MS;
    const lo = Math.min(stockedAt + DAY_MS, now);
    soldAt = ctx.showroom.sampleBetween(rng.float(), Math.min(Math.max(lo, target - 2 * DAY_MS), now), Math.min(target + 2 * DAY_MS, now));
    endedAt = soldAt;
  } else if (status === 'ARCHIVED') {
    endedAt = Math.min(stockedAt + rng.range(60, 200) * DAY_MS, now - HOUR_MS);
  }
  const deleted = forced?.deleted ?? (status === 'ARCHIVED' ? rng.chance(0.15) : status === 'SOLD' ? rng.chance(0.03) : false);
  const deletedAt = deleted ? Math.min((endedAt ?? stockedAt) + rng.range(1, 60) * DAY_MS, now) : null;
  const reservedAt = status === 'RESERVED' ? ctx.showroom.sampleBetween(rng.float(), Math.max(stockedAt, now - 10 * DAY_MS), now) : null;
  // A price edit or two after listing is normal.
  const editedAt = rng.chance(0.3) ? stockedAt + rng.float() * Math.max(0, (endedAt ?? now) - stockedAt) : null;
  const updatedAt = Math.max(createdAt, stockedAt, soldAt ?? 0, endedAt ?? 0, deletedAt ?? 0, reservedAt ?? 0, editedAt ?? 0);
  const featured = forced?.featured ?? (status === 'AVAILABLE' && rng.chance(0.04));

  const creator = rng.pick(ctx.editors);
  const updater = rng.chance(0.7) ? creator : rng.pick(ctx.editors);
  const registration = status === 'INCOMING' && rng.chance(0.4) ? null : drawPlate(rng);
  const name = `${model.brand} ${model.model} ${variantText}`;
  const facts: CarFacts = {
    brand: model.brand,
    model: model.model,
    name,
    year,
    ageYears,
    fuel: variant.fuel,
    transmission: variant.transmission,
    drive: variant.drive,
    category,
    premium: model.premium === true,
    trimLevel: model.trims.length > 1 ? trimIndex / (model.trims.length - 1) : 0.5,
    cc: variant.cc,
    kw: variant.kw,
    co2: variant.co2,
    consumption: variant.consumption,
    batteryKwh: variant.batteryKwh ?? null,
    rangeKm: variant.rangeKm ?? null,
    mileageKm,
    colourFi: colour.fi,
    colourEn: colour.en,
    metallic: rng.chance(colour.fi === 'Valkoinen' ? 0.3 : 0.75),
    doors: variant.doors ?? body.doors,
    seats: variant.seats ?? body.seats,
    registration,
    priceEur,
    status,
  };
  const features = drawFeatures(rng, facts);
  const vin = buildVin(rng, model.brand, year, index);
  const purchasePriceEur = purchasePrice(rng, priceEur);
  const soldPriceEur = status === 'SOLD' ? soldPrice(rng, priceEur) : null;
  const imageCount = rng.int(2, 5);
  const popularity =
    rng.logNormal(1, 0.5) * (featured ? 2.5 : 1) * Math.pow(20_000 / priceEur, 0.3) * (variant.fuel === 'ELECTRIC' ? 1.3 : 1);

  return {
    index,
    id: carId(ctx, index),
    modelIndex,
    variant,
    variantText,
    facts,
    colour,
    status,
    featured,
    vin,
    purchasePriceEur,
    soldPriceEur,
    soldAt,
    stockedAt,
    createdAt,
    updatedAt,
    deletedAt,
    listedUntil: Math.min(deletedAt ?? now, endedAt ?? now),
    createdById: creator.id,
    updatedById: updater.id,
    features,
    imageCount,
    popularity,
    // Last: nothing after it draws from rng.
    description: withText ? describe(rng, facts, features) : { fi: '', en: '' },
  };
}

/** What later tables need to know about each car, in flat arrays (a few dozen bytes a car). */
export class CarIndex {
  readonly slugs: string[] = [];
  readonly stockedAt: Float64Array;
  readonly listedUntil: Float64Array;
  readonly popularity: Float64Array;
  readonly modelIndex: Uint16Array;
  readonly year: Uint16Array;
  readonly price: Float64Array;
  readonly deleted: Uint8Array;

  constructor(readonly count: number) {
    this.stockedAt = new Float64Array(count);
    this.listedUntil = new Float64Array(count);
    this.popularity = new Float64Array(count);
    this.modelIndex = new Uint16Array(count);
    this.year = new Uint16Array(count);
    this.price = new Float64Array(count);
    this.deleted = new Uint8Array(count);
  }

  record(car: CarRecord, slug: string): void {
    const i = car.index;
    this.slugs[i] = slug;
    this.stockedAt[i] = car.stockedAt;
    this.listedUntil[i] = car.listedUntil;
    this.popularity[i] = car.popularity;
    this.modelIndex[i] = car.modelIndex;
    this.year[i] = car.facts.year;
    this.price[i] = car.facts.priceEur;
    this.deleted[i] = car.deletedAt === null ? 0 : 1;
  }

  slug(i: number): string {
    const slug = this.slugs[i];
    if (slug === undefined) throw new Error(`car ${i} has no slug yet`);
    return slug;
  }

  /** "Toyota Corolla 2021": how a customer names the car in a message. */
  shortName(i: number): string {
    const model = MODELS[this.modelIndex[i] as number] as Model;
    return `${model.brand} ${model.model} ${this.year[i]}`;
  }
}

const euros = (n: number | null): string | null => (n === null ? null : n.toFixed(2));
const at = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function* carRows(ctx: SeedContext, index: CarIndex): Generator<RowOf<typeof carsTable>> {
  const slugs = new SlugAllocator();
  for (let i = 0; i < index.count; i++) {
    const car = buildCar(ctx, i);
    const f = car.facts;
    const slug = slugs.take(`${f.name} ${f.year}`);
    index.record(car, slug);
    yield {
      id: car.id,
      slug,
      name: f.name,
      brand: f.brand,
      model: f.model,
      variant: car.variantText,
      year: f.year,
      price_eur: euros(f.priceEur),
      mileage_km: f.mileageKm,
      fuel_type: f.fuel,
      transmission: f.transmission,
      category: f.category,
      drive_type: f.drive,
      color: f.colourFi,
      doors: f.doors,
      seats: f.seats,
      engine_size_cc: f.cc,
      power_kw: f.kw,
      co2_g_per_km: f.co2,
      vin: car.vin,
      registration_number: f.registration,
      description: car.description.fi,
      description_en: car.description.en,
      status: car.status,
      featured: car.featured,
      meta_title: metaTitle(f),
      meta_description: metaDescription(f),
      purchase_price_eur: euros(car.purchasePriceEur),
      sold_price_eur: euros(car.soldPriceEur),
      sold_at: at(car.soldAt),
      stocked_at: at(car.stockedAt),
      deleted_at: at(car.deletedAt),
      created_at: at(car.createdAt),
      updated_at: at(car.updatedAt),
      version: 1,
      created_by_id: car.createdById,
      updated_by_id: car.updatedById,
    };
  }
}

export const IMAGE_HOST = 'https://images.kroiautocenter.fi';

export function* carImageRows(ctx: SeedContext, index: CarIndex): Generator<RowOf<typeof carImagesTable>> {
  let n = 0;
  for (let i = 0; i < index.count; i++) {
    const car = buildCar(ctx, i, false);
    const slug = index.slug(i);
    for (let k = 0; k < car.imageCount; k++) {
      yield {
        id: seededId(ctx.seed, STREAM.image, n++),
        car_id: car.id,
        url: `${IMAGE_HOST}/cars/${slug}/${k + 1}.jpg`,
        alt: photoAlt(car.facts, k),
        sort_order: k,
        // Exactly one primary photo per car: the first, which the listing leads with.
        is_primary: k === 0,
        width: 1600,
        height: 1067,
        created_at: new Date(car.createdAt + k * 1000),
      };
    }
  }
}

export function* carFeatureRows(ctx: SeedContext, index: CarIndex): Generator<RowOf<typeof carFeaturesTable>> {
  let n = 0;
  for (let i = 0; i < index.count; i++) {
    const car = buildCar(ctx, i, false);
    for (let k = 0; k < car.features.length; k++) {
      yield { id: seededId(ctx.seed, STREAM.feature, n++), car_id: car.id, feature: (car.features[k] as Bilingual).fi, sort_order: k };
    }
  }
}

export function* carSpecificationRows(ctx: SeedContext, index: CarIndex): Generator<RowOf<typeof carSpecificationsTable>> {
  let n = 0;
  for (let i = 0; i < index.count; i++) {
    const car = buildCar(ctx, i, false);
    const specs = specifications(car.facts);
    for (let k = 0; k < specs.length; k++) {
      const [label, value] = specs[k] as [string, string];
      yield { id: seededId(ctx.seed, STREAM.spec, n++), car_id: car.id, label, value, sort_order: k };
    }
  }
}
