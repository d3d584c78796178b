// Seed options: validated with zod before anything touches the database, so a bad option
// fails with a plain message and writes nothing.
import { z } from 'zod';

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} may be at most ${max.toLocaleString('en-US')}`);

export const seedOptionsSchema = z
  .object({
    // Capped at a million: car VINs spell the car's index in six digits.
    cars: count('cars', 1, 1_000_000).default(200),
    leads: count('leads', 0, 5_000_000).default(500),
    /** car_views rows. */
    views: count('views', 0, 100_000_000).default(20_000),
    /** page_views rows; twice the car views unless given. */
    pageViews: count('page views', 0, 200_000_000).optional(),
    /** web_vitals rows; a fifth of the car views unless given. */
    vitals: count('vitals', 0, 50_000_000).optional(),
    /** newsletter_subscribers rows; a fifth of the leads (20–200 000) unless given. */
    subscribers: count('subscribers', 0, 1_000_000).optional(),
    reset: z.boolean({ error: 'reset must be true or false' }).default(false),
    seed: count('seed', 0, 2 ** 31 - 1).default(1),
    /** The moment the data ends at; pin it to get byte-identical data from run to run. */
    now: z.union([z.date(), z.iso.datetime({ offset: true, error: 'now must be an ISO date-time, e.g. 2026-11-25T12:00:00Z' })]).optional(),
    /** Run ANALYZE on the loaded tables afterwards (planner statistics for benchmarks). */
    analyze: z.boolean().default(true),
    /** Redis to clear the app's cached cars, leads and analytics from afterwards (none: skip). */
    redisUrl: z.string().regex(/^rediss?:\/\/\S*$/, 'redis URL must start with redis:// or rediss://').nullable().optional(),
    /** Key prefix in that Redis (the app uses none; tests isolate themselves with one). */
    redisKeyPrefix: z.string().max(200).optional(),
    /** Progress lines (one per table, and every few seconds on long loads). */
    log: z.custom<(line: string) => void>((v) => typeof v === 'function', 'log must be a function').optional(),
  })
  .strict();

export type SeedOptionsInput = z.input<typeof seedOptionsSchema>;

export interface SeedOptions {
  cars: number;
  leads: number;
  views: number;
  pageViews: number;
  vitals: number;
  subscribers: number;
  reset: boolean;
  seed: number;
  nowMs: number;
  analyze: boolean;
  redisUrl: string | null;
  redisKeyPrefix: string;
  log: (line: string) => void;
}

export class SeedOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid seed options: ${problems.join('; ')}`);
    this.name = 'SeedOptionsError';
  }
}

/** Data ends at the start of the current hour unless pinned: runs within an hour agree. */
const defaultNow = (): number => Math.floor(Date.now() / 3_600_000) * 3_600_000;

export function parseSeedOptions(input: unknown): SeedOptions {
  const parsed = seedOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    // Every message names its option already (see count()); unknown keys say which key.
    throw new SeedOptionsError(parsed.error.issues.map((i) => i.message));
  }
  const o = parsed.data;
  const nowMs = o.now === undefined ? defaultNow() : new Date(o.now).getTime();
  if (!Number.isFinite(nowMs)) throw new SeedOptionsError(['now is not a valid date']);
  return {
    cars: o.cars,
    leads: o.leads,
    views: o.views,
    pageViews: o.pageViews ?? 2 * o.views,
    vitals: o.vitals ?? Math.round(o.views / 5),
    subscribers: o.subscribers ?? Math.min(200_000, Math.max(20, Math.round(o.leads / 5))),
    reset: o.reset,
    seed: o.seed,
    nowMs,
    analyze: o.analyze,
    redisUrl: o.redisUrl ?? null,
    redisKeyPrefix: o.redisKeyPrefix ?? '',
    log: o.log ?? (() => undefined),
  };
}
