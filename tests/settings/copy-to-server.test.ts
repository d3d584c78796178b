// "Copy the built-in data to the server": the database in use is dumped and restored into
// an empty target in one transaction, every table's row count checked; a target that holds
// app data is refused unless confirmed (then replaced); the database in use and an
// unreachable server are refused before anything runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { copyDone, startSettingsEnv, type SettingsEnv } from './helpers';
import pg from 'pg';

let env: SettingsEnv;
let target: TestDatabase;
beforeAll(async () => {
  [env, target] = await Promise.all([startSettingsEnv(), createTestDatabase({ template: null })]);
  await env.core.pool.query(
    `INSERT INTO system_config (key, value, updated_at) VALUES ('dealership.info', '{"name":"Kroi"}', now());
     INSERT INTO page_views (path, created_at) SELECT '/autot/' || i, now() FROM generate_series(1, 500) i;`,
  );
});
afterAll(async () => {
  await env?.close();
  await target?.drop();
});

const admin = () => env.users.SUPER_ADMIN;
const to = (database: string, over: Record<string, unknown> = {}) => ({ target: { host: '127.0.0.1', port: 5432, database, user: 'postgres', sslMode: 'disable' as const, ...over }, confirm: false });

async function count(url: string, table: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await c.end();
  }
}

describe('settings.copyToServer', () => {
  it('copies every table into an empty database', async () => {
    const { jobId } = await admin().ok('settings.copyToServer', to(target.name));
    const end = await copyDone(env, jobId);
    expect(end).toMatchObject({ done: true, error: null, phase: 'done' });
    const phases = env.events['backup.progress']!.filter((p) => p.jobId === jobId).map((p) => p.phase);
    expect(phases).toEqual(expect.arrayContaining(['starting', 'dumping', 'restoring', 'comparing', 'done']));
    expect(await count(target.url, 'page_views')).toBe(500);
    expect(await count(target.url, 'users')).toBe(await count(env.database.url, 'users'));
    expect(await count(target.url, '_prisma_migrations')).toBe(await count(env.database.url, '_prisma_migrations'));
  });

  it('refuses a target that holds app data unless confirmed, then replaces it', async () => {
    await env.core.pool.query("INSERT INTO page_views (path, created_at) VALUES ('/uusi', now())");
    const refused = await admin().call('settings.copyToServer', to(target.name));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { tablesWithRows: expect.arrayContaining(['page_views', 'users']) } } });
    expect(await count(target.url, 'page_views')).toBe(500);

    const { jobId } = await admin().ok('settings.copyToServer', { ...to(target.name), confirm: true });
    expect(await copyDone(env, jobId)).toMatchObject({ done: true, error: null });
    expect(await count(target.url, 'page_views')).toBe(501);
    const audit = await env.core.db.activityLog.findFirst({ where: { action: 'settings.copyToServer' }, orderBy: { id: 'desc' } });
    expect(audit?.metadata).toMatchObject({ database: target.name, replaced: expect.arrayContaining(['page_views']) });
  });

  it('refuses the database in use and an unreachable server', async () => {
    expect(await admin().call('settings.copyToServer', to(env.database.name))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const r = await admin().call('settings.copyToServer', to(target.name, { port: 1, password: 'Ei-vuoda-77' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/refused/) } });
    expect(JSON.stringify(r)).not.toContain('Ei-vuoda-77');
  });
});
