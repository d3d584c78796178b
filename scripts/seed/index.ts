// Development seed data for Kroi Dealership Desktop: the programmatic entry point, used by
// the CLI (scripts/seed.ts), the tests and the benchmarks. One transaction per run: every
// table is loaded with COPY inside it (indexes and foreign keys rebuilt after, see
// bulk-mode.ts), so a failure leaves the database as it was.
import pg from 'pg';
import { CarIndex, carFeatureRows, carFeaturesTable, carImageRows, carImagesTable, carRows, carSpecificationRows, carSpecificationsTable, carsTable } from './cars';
import { finishBulkLoad, prepareBulkLoad } from './bulk-mode';
import { LEADS_CHANNEL } from '../../electron/core/services/leads/lead-listener';
import { flushAppCache } from './cache-flush';
import { createContext } from './context';
import { copyRows, type Row, type TableSpec } from './copy-loader';
import { contactActivitiesTable, contactActivityRows, contactNoteRows, contactNotesTable, contactSubmissionRows, contactSubmissionsTable } from './leads';
import { newsletterRows, newsletterSubscribersTable } from './newsletter';
import { parseSeedOptions, type SeedOptions, type SeedOptionsInput } from './options';
import { SEEDED_TABLES, assertSeededTablesEmpty, truncateSeededTables } from './reset';
import { insertSystemConfig } from './system-config';
import { carViewRows, carViewsTable, pageViewRows, pageViewsTable } from './traffic';
import { DEV_PASSWORDS, DEV_USERS, hashDevPasswords, upsertDevUsers } from './users';
import { webVitalRows, webVitalsTable } from './web-vitals';
import type { UserRole } from './enums';

export { SeedOptionsError, parseSeedOptions, seedOptionsSchema, type SeedOptionsInput } from './options';
export { SeedConflictError, SEEDED_TABLES } from './reset';

export interface SeedSummary {
  seed: number;
  /** The instant the generated history ends at (ISO). */
  now: string;
  reset: boolean;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Milliseconds spent per table (generation and COPY together). */
  tableMs: Record<string, number>;
  configInserted: number;
  /** Redis keys deleted afterwards; null when not asked to or Redis was unreachable. */
  cacheKeysDeleted: number | null;
  users: { name: string; email: string; role: UserRole; isActive: boolean; password: string }[];
  totalMs: number;
}

/** Serialises concurrent seed runs on one database (an arbitrary, fixed key). */
const SEED_LOCK_KEY = 4_242_777;

export async function seed(target: pg.Pool | string, input: SeedOptionsInput = {}): Promise<SeedSummary> {
  const opts = parseSeedOptions(input);
  const started = performance.now();

  const ownPool = typeof target === 'string';
  const pool = ownPool ? new pg.Pool({ connectionString: target, max: 1, connectionTimeoutMillis: 10_000, application_name: 'kroi-seed' }) : target;
  if (ownPool) pool.on('error', () => undefined); // a dropped idle client; the running query reports it
  const rows: Record<string, number> = {};
  const tableMs: Record<string, number> = {};
  let configInserted = 0;

  try {
    configInserted = await loadAll(pool, opts, rows, tableMs);
    if (opts.analyze) {
      const t0 = performance.now();
      // Fresh tables have no planner statistics until autovacuum gets round to them.
      await pool.query(`ANALYZE ${SEEDED_TABLES.map((t) => `"${t}"`).join(', ')}, "users"`);
      opts.log(`analyze: ${Math.round(performance.now() - t0)} ms`);
    }
  } finally {
    if (ownPool) await pool.end();
  }

  let cacheKeysDeleted: number | null = null;
  if (opts.redisUrl) {
    cacheKeysDeleted = await flushAppCache(opts.redisUrl, opts.redisKeyPrefix);
    opts.log(cacheKeysDeleted === null ? 'redis: not reachable, cache not cleared (the app clears it after an outage)' : `redis: ${cacheKeysDeleted} cached key(s) cleared`);
  }

  return {
    seed: opts.seed,
    now: new Date(opts.nowMs).toISOString(),
    reset: opts.reset,
    rows,
    tableMs,
    configInserted,
    cacheKeysDeleted,
    users: DEV_USERS.map((u) => ({ name: u.name, email: u.email, role: u.role, isActive: u.isActive, password: DEV_PASSWORDS[u.role] })),
    totalMs: Math.round(performance.now() - started),
  };
}

/** The one transaction: users, settings and every table's COPY. Returns the settings added. */
async function loadAll(pool: pg.Pool, opts: SeedOptions, rows: Record<string, number>, tableMs: Record<string, number>): Promise<number> {
  // bcrypt at cost 12 takes a while: start now, it overlaps connecting and truncating.
  const hashing = hashDevPasswords();
  hashing.catch(() => undefined);
  const client = await pool.connect();
  try {
    // READ COMMITTED whatever the server's default: COPY FREEZE refuses a transaction that
    // already holds a snapshot, as REPEATABLE READ would after the first query.
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    // Long COPYs must not hit a pool's statement_timeout; UTC matches how Prisma stores time.
    await client.query(`SET LOCAL statement_timeout = 0`);
    await client.query(`SET LOCAL TIME ZONE 'UTC'`);
    // Durability of a dev data set is not worth waiting for the WAL flush at commit.
    await client.query(`SET LOCAL synchronous_commit = off`);
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (!opts.reset) await assertSeededTablesEmpty(client);
    // TRUNCATE and DROP INDEX wait for every open reader of these tables (a running app):
    // give up after a while with a clear error instead of hanging.
    await client.query(`SET LOCAL lock_timeout = '20s'`);
    // Truncating even empty tables lets every COPY below write frozen rows.
    await truncateSeededTables(client);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const deferred = await prepareBulkLoad(client, SEEDED_TABLES);
    await client.query(`SET LOCAL lock_timeout = 0`);

    const staff = await upsertDevUsers(client, opts.seed, opts.nowMs, await hashing);
    const ctx = createContext(opts.seed, opts.nowMs, staff);
    const configInserted = await insertSystemConfig(client, ctx.editors.find((s) => s.role === 'SUPER_ADMIN')?.id ?? null, opts.nowMs);

    let lastReport = Date.now();
    const load = async <C extends string>(spec: TableSpec<C>, source: Iterable<Row<C>>): Promise<void> => {
      const t0 = performance.now();
      rows[spec.table] = await copyRows(client, spec, source, {
        freeze: true,
        onProgress: (table, n) => {
          if (Date.now() - lastReport < 5_000) return;
          lastReport = Date.now();
          opts.log(`  … ${table}: ${n.toLocaleString('en-US')} rows`);
        },
      });
      tableMs[spec.table] = Math.round(performance.now() - t0);
      opts.log(`${spec.table}: ${(rows[spec.table] ?? 0).toLocaleString('en-US')} rows in ${tableMs[spec.table]} ms`);
    };

    // Parents before children: the cars pass also fills the index the later tables read.
    const cars = new CarIndex(opts.cars);
    await load(carsTable, carRows(ctx, cars));
    await load(carImagesTable, carImageRows(ctx, cars));
    await load(carFeaturesTable, carFeatureRows(ctx, cars));
    await load(carSpecificationsTable, carSpecificationRows(ctx, cars));
    await load(contactSubmissionsTable, contactSubmissionRows(ctx, cars, opts.leads));
    await load(contactNotesTable, contactNoteRows(ctx, cars, opts.leads));
    await load(contactActivitiesTable, contactActivityRows(ctx, cars, opts.leads));
    await load(newsletterSubscribersTable, newsletterRows(ctx, opts.subscribers));
    await load(carViewsTable, carViewRows(ctx, cars, opts.views));
    await load(pageViewsTable, pageViewRows(ctx, cars, opts.pageViews));
    await load(webVitalsTable, webVitalRows(ctx, cars, opts.vitals));
    await finishBulkLoad(client, deferred, opts.log);
    // The trigger wrote the cars' search rows in load order: rewrite them in title order.
    const { rows: rebuild } = await client.query<{ ok: boolean }>("SELECT to_regproc('car_search_rows_rebuild') IS NOT NULL AS ok");
    if (rebuild[0]?.ok) await client.query('SELECT car_search_rows_rebuild()');
    // Open apps drop their cached lead lists when the data set lands (sent at COMMIT).
    await client.query(`SELECT pg_notify($1, '{"op":"changed"}')`, [LEADS_CHANNEL]);
    await client.query('COMMIT');
    return configInserted;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
