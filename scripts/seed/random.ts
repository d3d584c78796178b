// Deterministic randomness. Every entity draws from its own generator keyed by
// (seed, stream, index), so a car or a lead comes out the same whatever the other
// counts are, and a second pass can rebuild it instead of keeping it in memory.

/** murmur3's finaliser: a cheap, well-mixing 32-bit hash step. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export function hashKey(seed: number, stream: number, index: number): number {
  let h = mix32(seed ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(stream + 1, 0x85ebca77));
  h = mix32(h ^ (index >>> 0));
  // Indices above 2^32 do not occur (options cap them), but keep the high part anyway.
  return mix32(h ^ Math.floor(index / 0x1_0000_0000));
}

/** Streams: one per kind of thing drawn, so adding draws to one never shifts another. */
export const STREAM = {
  car: 1,
  lead: 10,
  leadIdentity: 11,
  leadTimeline: 12,
  leadNote: 13,
  activity: 14,
  carView: 20,
  pageView: 21,
  vital: 22,
  subscriber: 30,
  user: 40,
  image: 41,
  feature: 42,
  spec: 43,
} as const;

/** sfc32: small and fast with good statistical quality; plenty for fake data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: number) {
    // splitmix32 spreads one 32-bit key over the four state words.
    const s = key >>> 0;
    this.a = mix32((s + 0x9e3779b9) >>> 0);
    this.b = mix32((s + 2 * 0x9e3779b9) >>> 0);
    this.c = mix32((s + 3 * 0x9e3779b9) >>> 0);
    this.d = mix32((s + 4 * 0x9e3779b9) >>> 0);
    for (let i = 0; i < 8; i++) this.u32();
  }

  static for(seed: number, stream: number, index = 0): Rng {
    return new Rng(hashKey(seed, stream, index));
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 0x1_0000_0000;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box-Muller; one value per call keeps the draw count fixed). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal around a median: most web timings and prices look like this. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = 0; i < Math.min(k, idx.length); i++) {
      const j = i + Math.floor(this.float() * (idx.length - i));
      const tmp = idx[i] as number;
      idx[i] = idx[j] as number;
      idx[j] = tmp;
    }
    return idx
      .slice(0, k)
      .sort((x, y) => x - y)
      .map((i) => items[i] as T);
  }
}

/** Weighted choice in O(log n) with a cumulative table; built once, drawn millions of times. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: ArrayLike<number>,
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('weighted table needs one weight per item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new Error('weighted table needs a positive total weight');
    this.total = sum;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> {
    return new WeightedTable(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /** Index for a uniform draw u in [0, 1). */
  indexAt(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Cumulative weight before item i, and item i's own weight (for quantile maths). */
  span(i: number): { before: number; weight: number } {
    const end = this.cumulative[i] as number;
    const before = i === 0 ? 0 : (this.cumulative[i - 1] as number);
    return { before, weight: end - before };
  }

  item(i: number): T {
    const item = this.items[i];
    if (item === undefined) throw new Error(`no item ${i} in weighted table`);
    return item;
  }

  draw(rng: Rng): T {
    return this.items[this.indexAt(rng.float())] as T;
  }

  get size(): number {
    return this.items.length;
  }
}

const B36 = 36;

/**
 * A cuid-shaped id ("c" + 24 lowercase base-36 characters). The index is spelled out in
 * it, so ids are unique within a table by construction; the rest is hashed noise.
 */
export function seededId(seed: number, stream: number, index: number): string {
  const h = hashKey(seed, stream, index);
  let out = 'c' + index.toString(B36).padStart(6, '0');
  for (let k = 1; out.length < 25; k++) out += mix32(h ^ Math.imul(k, 0x27d4eb2f)).toString(B36).padStart(7, '0');
  return out.slice(0, 25);
}
