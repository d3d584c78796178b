// Helpers of the inventory tests: raw Redis inspection, private redis-server processes,
// a second core on the same database (another PC, or a no-Redis baseline), query
// counting on the real pool, and small timing tools.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { ChannelInput } from '../../electron/core/api/contract';
import type { CarDto } from '../../electron/core/api/dto-cars';
import type { CoreConfig } from '../../electron/core/config';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { TestClient } from '../support/core';

// ─── Redis inspection ───────────────────────────────────────────────────────

/** A plain client for looking at what the core left in Redis (no key prefix of its own). */
export function rawRedis(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
  // Tests kill the server under it; a refused reconnect is expected, not an unhandled event.
  client.on('error', () => undefined);
  return client;
}

/** Keys under `prefix` matching `pattern`, returned without the prefix (SCAN, as the app does). */
export async function scanKeys(redis: Redis, prefix: string, pattern = '*'): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', prefix + pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch.map((k) => k.slice(prefix.length)));
  } while (cursor !== '0');
  return found.sort();
}

// ─── Cores ──────────────────────────────────────────────────────────────────

/** Another core on an existing test database: a second PC, or a baseline without Redis. */
export async function openCore(databaseUrl: string, redis: CoreConfig['redis'], extra: Partial<CoreConfig> = {}): Promise<Core> {
  return createCore(
    {
      appVersion: 'test',
      userDataDir: '/tmp',
      database: { mode: 'server', url: databaseUrl },
      redis,
      pool: { ...DEFAULT_POOL, max: 4 },
      background: false,
      ...extra,
    },
    { logger: quietLogger() },
  );
}

/** A caller on `core` using a session made elsewhere (sessions live in PostgreSQL, shared by every PC). */
export function clientWithToken(core: Core, token: string | null): TestClient {
  const client = new TestClient(core);
  client.sessionToken = token;
  return client;
}

// ─── Spying on the real pool ────────────────────────────────────────────────

type QueryArgs = [unknown, ...unknown[]];
const textAndValues = (args: QueryArgs): { text: string; values: unknown[] } => {
  const [first, second] = args;
  if (typeof first === 'string') return { text: first, values: Array.isArray(second) ? second : [] };
  const config = first as { text?: string; values?: unknown[] };
  return { text: config.text ?? '', values: config.values ?? [] };
};

/** Wraps pool.query (Prisma's non-transaction queries and the raw SQL both go through it). */
function wrapQuery(pool: pg.Pool, around: (args: QueryArgs, run: () => Promise<unknown>) => Promise<unknown>): () => void {
  const original = pool.query as unknown as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: unknown }).query = (...args: QueryArgs) => around(args, () => original.apply(pool, args));
  return () => {
    (pool as unknown as { query: unknown }).query = original;
  };
}

/** Counts the real queries whose text or bind values match; the queries themselves run untouched. */
export function countQueries(pool: pg.Pool, match: (text: string, values: unknown[]) => boolean): { readonly count: number; restore(): void } {
  let count = 0;
  const restore = wrapQuery(pool, (args, run) => {
    const { text, values } = textAndValues(args);
    if (match(text, values)) count++;
    return run();
  });
  return {
    get count() {
      return count;
    },
    restore,
  };
}

/**
 * Lets matching queries run against the real database but holds their results back until
 * released: a read that started before a write finishes after it, deterministically.
 */
export function holdQueries(pool: pg.Pool, match: (text: string, values: unknown[]) => boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const firstHeld = new Promise<void>((resolve) => (reached = resolve));
  let open = false;
  let count = 0;
  const restore = wrapQuery(pool, async (args, run) => {
    const { text, values } = textAndValues(args);
    if (!match(text, values)) return run();
    count++;
    if (open) return run();
    const result = await run();
    reached();
    await released;
    return result;
  });
  return {
    /** Matching queries so far, held or not. */
    get count() {
      return count;
    },
    /** Resolves once a matching query has run and its result is being held. */
    reached: firstHeld,
    release() {
      open = true;
      release();
    },
    restore() {
      open = true;
      release();
      restore();
    },
  };
}

export const mentions = (needle: string) => (_text: string, values: unknown[]) => values.some((v) => v === needle || (Array.isArray(v) && v.includes(needle)));

// ─── Timing ─────────────────────────────────────────────────────────────────

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ─── Cars ───────────────────────────────────────────────────────────────────

/** A valid 17-character VIN (no I, O or Q) numbered n. */
export const vin = (n: number, head = 'WVWZZZ1KZ'): string => `${head}${String(n).padStart(17 - head.length, '0')}`;

/** The editor's save of a loaded car: every field as it was, with `over` changed. */
export function editOf(car: CarDto, over: Partial<ChannelInput<'cars.update'>> = {}): ChannelInput<'cars.update'> {
  return {
    id: car.id,
    version: car.version,
    name: car.name,
    slug: car.slug,
    brand: car.brand,
    model: car.model,
    variant: car.variant,
    year: car.year,
    priceEur: car.priceEur,
    mileageKm: car.mileageKm,
    fuelType: car.fuelType,
    transmission: car.transmission,
    category: car.category,
    driveType: car.driveType,
    color: car.color,
    doors: car.doors,
    seats: car.seats,
    engineSizeCc: car.engineSizeCc,
    powerKw: car.powerKw,
    co2GPerKm: car.co2GPerKm,
    vin: car.vin,
    registrationNumber: car.registrationNumber,
    description: car.description,
    descriptionEn: car.descriptionEn,
    featured: car.featured,
    metaTitle: car.metaTitle,
    metaDescription: car.metaDescription,
    purchasePriceEur: car.purchasePriceEur,
    images: car.images.map((i) => ({ url: i.url, alt: i.alt, isPrimary: i.isPrimary })),
    features: car.features,
    specifications: car.specifications,
    ...over,
  };
}

// ─── Private redis-server processes ─────────────────────────────────────────

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

export interface PrivateRedis {
  port: number;
  url: string;
  readonly pid: number | undefined;
  /** (Re)starts the server on the same port and folder (loading dump.rdb if a SAVE wrote one). */
  start(): Promise<void>;
  /** SIGKILL: the server dies at once, as in a crash. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server keeps its sockets open but answers nothing (slow, unreachable). */
  pause(): void;
  resume(): void;
  /** Kills the process if it runs and removes its folder. */
  dispose(): Promise<void>;
}

const spawned = new Set<ChildProcess>();
// A crashed test process must not leave redis-server processes behind.
process.once('exit', () => {
  for (const child of spawned) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'kroi-redis-'));
  let child: ChildProcess | null = null;

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => c.once('exit', () => resolve()));

  const server: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) throw new Error('redis-server already runs');
      // No automatic snapshots; an explicit SAVE in a test still writes dump.rdb in `dir`.
      const c = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--dbfilename', 'dump.rdb'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = c;
      spawned.add(c);
      c.once('exit', () => spawned.delete(c));
      let failure: Error | null = null;
      c.once('error', (error) => (failure = error));
      const deadline = Date.now() + 10_000;
      while (!(await ping(port))) {
        if (failure) throw new Error(`redis-server could not be started: ${(failure as Error).message}`);
        if (c.exitCode !== null) throw new Error(`redis-server exited with code ${c.exitCode}`);
        if (Date.now() > deadline) throw new Error('redis-server did not answer PING in time');
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async kill() {
      if (!child) return;
      const c = child;
      c.kill('SIGKILL');
      await exited(c);
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async dispose() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        await server.kill();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
