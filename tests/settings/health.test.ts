// Settings → Health: the figures are there and plausible, pg_stat_statements is reported as
// missing with how to enable it, and VACUUM (ANALYZE) of one table or all of them runs with
// progress events and moves last_vacuum (re-clustering the inventory's search rows); a name
// not in pg_tables is refused before any SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corolla } from '../inventory/fixtures';
import { startSettingsEnv, vacuumDone, type SettingsEnv } from './helpers';

let env: SettingsEnv;
beforeAll(async () => {
  env = await startSettingsEnv();
});
afterAll(async () => env?.close());

const admin = () => env.users.SUPER_ADMIN;
const lastVacuum = async () =>
  Object.fromEntries(
    (await env.core.pool.query<{ name: string; at: Date | null }>("SELECT relname AS name, last_vacuum AS at FROM pg_stat_user_tables WHERE schemaname = 'public'")).rows.map((r) => [r.name, r.at?.getTime() ?? null]),
  );

describe('health.get', () => {
  it('reports connections, sizes, cache, slow queries and maintenance', async () => {
    const h = await admin().ok('health.get', {});
    expect(h.database.name).toBe(env.database.name);
    expect(h.database.serverVersion).toMatch(/^\d+\./);
    expect(h.database.sizeBytes).toBeGreaterThan(1_000_000);
    expect(h.connections.max).toBeGreaterThan(0);
    expect(h.connections.thisDatabase).toBeGreaterThanOrEqual(1);
    expect(h.connections.server).toBeGreaterThanOrEqual(h.connections.thisDatabase);
    expect(h.connections.byState.some((s) => s.state === 'active')).toBe(true);
    expect(h.connections.pool).toMatchObject({ max: 4 });

    expect(h.biggestTables.length).toBeGreaterThan(5);
    expect(h.biggestTables.length).toBeLessThanOrEqual(15);
    const sizes = h.biggestTables.map((t) => t.totalBytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(h.biggestTables[0]!.totalBytes).toBeGreaterThanOrEqual(h.biggestTables[0]!.tableBytes + h.biggestTables[0]!.indexBytes);

    expect(h.cache).toMatchObject({ configured: true, hits: expect.any(Number), misses: expect.any(Number) });
    expect(h.cache.redis).toMatchObject({ error: null, usedMemory: expect.stringMatching(/\d/), version: expect.stringMatching(/^\d+\./) });

    // Not preloaded on the test server: not available, with the recipe.
    expect(h.slowQueries).toMatchObject({ available: false, howToEnable: expect.stringContaining('shared_preload_libraries') });
    expect(h.maintenance.map((m) => m.table)).toEqual(expect.arrayContaining(['cars', 'users', 'system_config']));
    expect(h.maintenance[0]).toEqual(expect.objectContaining({ lastVacuum: null, deadRows: expect.any(Number), liveRows: expect.any(Number) }));
  });

  it('says why slow queries are missing when the extension is created but not preloaded', async () => {
    await env.core.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    try {
      const h = await admin().ok('health.get', {});
      expect(h.slowQueries).toMatchObject({ available: false, reason: expect.stringMatching(/shared_preload_libraries/), howToEnable: expect.stringContaining('CREATE EXTENSION') });
    } finally {
      await env.core.pool.query('DROP EXTENSION pg_stat_statements');
    }
  });

  it('reports a missing Redis instead of failing', async () => {
    const other = await startSettingsEnv({ overrides: { redis: { url: 'redis://127.0.0.1:1', password: null } } });
    try {
      const h = await other.users.SUPER_ADMIN.ok('health.get', {});
      expect(h.cache.up).toBe(false);
      expect(h.cache.redis).toMatchObject({ usedMemory: null, error: expect.stringMatching(/Redis/) });
    } finally {
      await other.close();
    }
  });
});

describe('health.vacuum', () => {
  it('vacuums one table with progress, moving only its last_vacuum', async () => {
    const before = await lastVacuum();
    const { jobId, tables } = await admin().ok('health.vacuum', { table: 'cars' });
    expect(tables).toEqual(['cars']);
    const end = await vacuumDone(env, jobId);
    expect(end).toMatchObject({ finished: true, error: null, done: 1, total: 1 });
    expect(env.events['maintenance.progress']!.filter((p) => p.jobId === jobId).map((p) => p.table)).toEqual(['cars', null]);
    const after = await lastVacuum();
    expect(after.cars).not.toBeNull();
    expect(after.cars).not.toBe(before.cars);
    expect(after.users).toBe(before.users);
    const audit = await env.core.db.activityLog.findFirst({ where: { action: 'health.vacuum' }, orderBy: { id: 'desc' } });
    expect(audit?.metadata).toMatchObject({ tables: 'cars', count: 1, failed: 0 });
  });

  it('vacuums every table of the public schema one after another', async () => {
    const started = Date.now();
    const { jobId, tables } = await admin().ok('health.vacuum', { table: null });
    expect(tables.length).toBeGreaterThan(10);
    // One run at a time.
    expect(await admin().call('health.vacuum', { table: 'users' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const end = await vacuumDone(env, jobId, 120_000);
    expect(end).toMatchObject({ finished: true, error: null, done: tables.length, total: tables.length });
    const events = env.events['maintenance.progress']!.filter((p) => p.jobId === jobId && !p.finished);
    expect(events.map((p) => p.table)).toEqual(tables);
    expect(events.map((p) => p.done)).toEqual(tables.map((_, i) => i));
    const after = await lastVacuum();
    for (const t of tables) expect(after[t], t).toBeGreaterThanOrEqual(started - 1000);
  });

  it('puts the inventory search rows back in title order (new cars are appended at the end)', async () => {
    // Physical order: what a plain scan returns.
    const physical = async () => (await env.core.pool.query<{ t: string }>('SELECT search_text AS t FROM car_search_rows')).rows.map((r) => r.t);
    const sorted = async () => (await env.core.pool.query<{ t: string }>('SELECT search_text AS t FROM car_search_rows ORDER BY search_text')).rows.map((r) => r.t);
    await admin().ok('cars.create', corolla({ name: 'Zotye T600 1.5 Turbo', brand: 'Zotye', model: 'T600', variant: null }));
    await admin().ok('cars.create', corolla({ name: 'Abarth 595 Turismo', brand: 'Abarth', model: '595', variant: null }));
    expect(await physical()).not.toEqual(await sorted());

    const { jobId } = await admin().ok('health.vacuum', { table: 'car_search_rows' });
    expect(await vacuumDone(env, jobId)).toMatchObject({ finished: true, error: null });
    expect(await physical()).toEqual(await sorted());
  });

  it('refuses a name that is not a table of the public schema, before any SQL', async () => {
    for (const table of ['no_such_table', 'cars; DROP TABLE users', '"cars"', 'pg_class', 'information_schema.tables', 'public.cars', 'CARS']) {
      expect(await admin().call('health.vacuum', { table }), table).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await admin().call('health.vacuum', { table: 'x'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await admin().call('health.vacuum', {} as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await env.core.pool.query("SELECT 1 FROM pg_tables WHERE tablename = 'users'")).rowCount).toBe(1);
  });
});
