// `npm run bench -- inventory`: a filtered, sorted, searched page of 50 through the router
// on 100,000 cars, on a cache miss and a hit, beside the same steps and SQL run bare through pg;
// and the cache hit rate in a replay of realistic browsing.
import pg from 'pg';
import type { ChannelInput } from '../../electron/core/api/contract';
import { carsListInput } from '../../electron/core/api/schemas/cars';
import { keys } from '../../electron/core/cache/keys';
import { listCars } from '../../electron/core/services/cars/list-query';
import { benchCore, signedIn } from './bench-core';
import { ensureDataset } from './dataset';
import { measure, measurePaired, summarize, withBaseline, type BenchResult } from './stats';

type ListInput = ChannelInput<'cars.list'>;

/** What people in the showroom actually look for. */
const PAGES: ListInput[] = [
  { status: ['AVAILABLE'], sort: 'createdAt' },
  { brand: ['Toyota'], sort: 'price', dir: 'asc' },
  { q: 'toyota corolla', sort: 'relevance' },
  { q: 'toyta corola', sort: 'relevance' },
  { category: ['SUV'], fuelType: ['HYBRID', 'PLUGIN_HYBRID'], priceMax: 45000, sort: 'price', dir: 'asc' },
  { yearMin: 2019, mileageMax: 80000, sort: 'mileage', dir: 'asc' },
  { featured: true, status: ['AVAILABLE'] },
  { q: 'peruutuskamera', brand: ['Volkswagen'], sort: 'price' },
  { status: ['AVAILABLE', 'RESERVED'], sort: 'views' },
  { status: ['AVAILABLE'], sort: 'daysInStock' },
  { brand: ['Skoda'], model: ['Octavia'], transmission: ['AUTOMATIC'], sort: 'year' },
  { q: 'tesla', fuelType: ['ELECTRIC'], sort: 'price', dir: 'desc' },
];

export async function benchInventory(quick: boolean): Promise<BenchResult[]> {
  const size = quick ? { cars: 5_000, leads: 2_000, views: 50_000 } : { cars: 100_000, leads: 20_000, views: 1_000_000 };
  const url = await ensureDataset(quick ? 'kroi_bench_inventory_quick' : 'kroi_bench_inventory', size);
  const core = await benchCore(url);
  const bare = new pg.Pool({ connectionString: url, max: 8, options: '-c TimeZone=UTC -c pg_trgm.word_similarity_threshold=0.45' });
  const n = quick ? 120 : 300;
  const results: BenchResult[] = [];
  try {
    const viewer = await signedIn(core, 'VIEWER');
    const admin = await signedIn(core, 'ADMIN');
    const input = (i: number) => ({ ...PAGES[i % PAGES.length]!, limit: 50 });
    const dropKey = (i: number) => core.cache.del(keys.carsList(carsListInput.parse(input(i))));

    // Cache miss: the page's key is dropped before each (untimed), so every call queries
    // PostgreSQL. Paired with the same SQL run bare, in turns.
    const { tested: miss, bare: bareSql } = await measurePaired(
      n,
      (i) => viewer.call('cars.list', input(i)),
      // The app's own steps and SQL (full text as typed; on an empty page the typo plan), bare.
      (i) => listCars(bare, carsListInput.parse(input(i))),
      { before: dropKey },
    );
    results.push(withBaseline({ bench: 'inventory.page.miss', ...summarize(miss), rows: size.cars }, 'bare SQL', bareSql));

    const hit = await measure(n, (i) => viewer.call('cars.list', input(i)));
    results.push(withBaseline({ bench: 'inventory.page.hit', ...summarize(hit), rows: size.cars }, 'bare SQL', bareSql));

    const facetInput = (i: number) => {
      const { sort: _s, dir: _d, ...filters } = PAGES[i % PAGES.length]!;
      return filters;
    };
    const facets = await measure(Math.ceil(n / 4), (i) => viewer.call('cars.facets', facetInput(i)), { before: () => core.cache.delPattern('cars:list:*') });
    results.push({ bench: 'inventory.facets.miss', ...summarize(facets), rows: size.cars });

    const { rows: sample } = await bare.query<{ id: string }>('SELECT id FROM cars WHERE deleted_at IS NULL ORDER BY id LIMIT 200');
    const carId = (i: number) => sample[(i * 7) % sample.length]!.id;
    const getMiss = await measure(n, (i) => viewer.call('cars.get', { id: carId(i) }), { before: (i) => core.cache.del(keys.car(carId(i))) });
    results.push({ bench: 'inventory.get.miss', ...summarize(getMiss), rows: size.cars });
    const getHit = await measure(n, (i) => viewer.call('cars.get', { id: carId(i) }));
    results.push({ bench: 'inventory.get.hit', ...summarize(getHit), rows: size.cars });

    results.push(await replay(core, viewer, admin, sample.map((s) => s.id), quick ? 1500 : 6000));
  } finally {
    await bare.end();
    await core.close();
  }
  return results;
}

/** A deterministic pseudo-random source, so replays compare run to run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Zipf-like pick: the first items are the popular ones. */
const zipf = (random: () => number, size: number) => Math.min(size - 1, Math.floor(size * random() ** 2.2));

/**
 * Staff browsing: mostly popular list pages (first pages, some deeper), car details from
 * the results, and an occasional edit that invalidates per the seed's rules.
 */
async function replay(core: Awaited<ReturnType<typeof benchCore>>, viewer: Awaited<ReturnType<typeof signedIn>>, admin: Awaited<ReturnType<typeof signedIn>>, ids: string[], requests: number): Promise<BenchResult> {
  const random = rng(42);
  await core.cache.delPattern('car*');
  // The first quarter warms the cache up and is not counted: the rate is the steady state's.
  const warmup = Math.floor(requests / 4);
  let before = core.cache.stats();
  const samples: number[] = [];
  let edits = 0;
  const cursors = new Map<number, string | null>();
  for (let i = 0; i < requests + warmup; i++) {
    if (i === warmup) {
      before = core.cache.stats();
      samples.length = 0;
      edits = 0;
    }
    const r = random();
    const started = performance.now();
    if (r < 0.6) {
      const k = zipf(random, PAGES.length);
      const deeper = random() < 0.2 ? cursors.get(k) : null;
      const page = await viewer.call('cars.list', { ...PAGES[k]!, limit: 50, cursor: deeper ?? null });
      if (!deeper) cursors.set(k, page.nextCursor);
    } else if (r < 0.99) {
      await viewer.call('cars.get', { id: ids[zipf(random, ids.length)]! });
    } else {
      const id = ids[zipf(random, ids.length)]!;
      const car = await admin.call('cars.get', { id });
      const update: ChannelInput<'cars.update'> = {
        id, version: car.version, name: car.name, brand: car.brand, model: car.model, variant: car.variant, year: car.year,
        priceEur: Math.round(car.priceEur * 0.99), mileageKm: car.mileageKm, fuelType: car.fuelType, transmission: car.transmission,
        category: car.category, driveType: car.driveType, color: car.color, doors: car.doors, seats: car.seats, vin: car.vin,
        description: car.description, descriptionEn: car.descriptionEn, featured: car.featured,
        images: car.images.map((img) => ({ url: img.url, alt: img.alt, isPrimary: img.isPrimary })),
        features: car.features, specifications: car.specifications,
      };
      await admin.call('cars.update', update);
      edits++;
    }
    samples.push(performance.now() - started);
  }
  const after = core.cache.stats();
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  return { bench: 'inventory.replay', ...summarize(samples), rows: ids.length, warmup, hit_rate: Math.round((hits / (hits + misses)) * 1000) / 10, hits, misses, edits };
}
