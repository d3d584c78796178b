// Back up, change and delete rows, restore: every table holds exactly what it held at the
// backup (compared by content), the list of backups stays the current one (with the
// restore's safety backup in it), and the app keeps working on the restored database.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations, DEFAULT_MIGRATIONS_DIR } from '../../electron/core/db/migrator';
import { databaseUrl, PG_ADMIN_URL } from '../support/env';
import { changedTables, filesIn, fingerprint, RESTORE_EXEMPT, runBackup, runRestore, sha256Of, sql, startBackupEnv, type BackupEnv } from './helpers';

let env: BackupEnv;
beforeAll(async () => {
  env = await startBackupEnv();
});
afterAll(async () => env?.close());

const LATEST_MIGRATION = (await readMigrations(DEFAULT_MIGRATIONS_DIR)).at(-1)!.name;
const SERVER_MAJOR = execFileSync('psql', ['--version'], { encoding: 'utf8' }).match(/\(PostgreSQL\) (\d+)/)![1]!;

/** Edits across many tables, including deletes that cascade and rows the backup never saw. */
async function scramble(url: string): Promise<void> {
  await sql(
    url,
    `UPDATE cars SET price_eur = price_eur + 1000, status = 'SOLD' WHERE id IN (SELECT id FROM cars ORDER BY id LIMIT 10);
     DELETE FROM car_images WHERE id IN (SELECT id FROM car_images ORDER BY id LIMIT 20);
     DELETE FROM cars WHERE id IN (SELECT id FROM cars ORDER BY id DESC LIMIT 3);
     UPDATE contact_submissions SET message = 'muutettu', status = 'LOST' WHERE id IN (SELECT id FROM contact_submissions ORDER BY id LIMIT 15);
     DELETE FROM contact_submissions WHERE id IN (SELECT id FROM contact_submissions ORDER BY id DESC LIMIT 10);
     DELETE FROM car_views WHERE id IN (SELECT id FROM car_views ORDER BY id LIMIT 100);
     INSERT INTO page_views (path, created_at) VALUES ('/after-the-backup', now());
     UPDATE users SET name = 'Renamed after backup' WHERE email LIKE '%@kroi.test';
     INSERT INTO users (id, email, name, role, updated_at) VALUES ('after_backup_' || md5(random()::text), md5(random()::text) || '@kroi.test', 'Late', 'VIEWER', now());
     UPDATE system_config SET value = '"changed"' WHERE key = (SELECT key FROM system_config ORDER BY key LIMIT 1);
     DELETE FROM newsletter_subscribers WHERE id IN (SELECT id FROM newsletter_subscribers ORDER BY id LIMIT 5);`,
  );
}

describe('custom-format backup and restore', () => {
  it('lists the backup with its facts, verifies it, and a restore brings back every row', async () => {
    const adminId = env.users.ids.SUPER_ADMIN;
    const before = await fingerprint(env.t.database.url, RESTORE_EXEMPT);
    // The seed filled every table the restore must bring back.
    for (const table of ['public.cars', 'public.car_images', 'public.contact_submissions', 'public.car_views', 'public.users', 'public.newsletter_subscribers']) {
      expect(before[table], table).not.toMatch(/^0:/);
    }

    const backup = await runBackup(env, 'FULL');
    expect(backup.status).toBe('DONE');
    expect(backup.kind).toBe('FULL');
    expect(backup.fileName).toMatch(/\.dump$/);
    const file = path.join(env.dir, backup.fileName);
    expect(backup.sizeBytes).toBe((await stat(file)).size);
    expect(backup.sha256).toBe(await sha256Of(file));
    expect(backup.durationMs).toBeGreaterThanOrEqual(0);
    expect(backup.finishedAt).not.toBeNull();
    expect(backup.serverVersion).toMatch(new RegExp(`^${SERVER_MAJOR}\\.`));
    expect(backup.schemaVersion).toBe(LATEST_MIGRATION);
    expect(backup.startedBy).toBe(adminId);
    expect(backup.tables).toBe(Object.keys(before).filter((k) => !k.startsWith('sequence ')).length + 1);
    expect(backup.verifyOk).toBeNull();
    // Nothing half-written beside it.
    expect((await filesIn(env.dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    // Progress went out: tables and bytes.
    const events = env.progress.filter((p) => p.jobId === backup.id);
    expect(events.some((p) => p.phase === 'dumping' && p.tables > 0)).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: true, error: null, bytes: backup.sizeBytes });

    const verified = await env.admin.ok('backups.verify', { id: backup.id });
    expect(verified.verifyOk).toBe(true);
    expect(verified.verifiedAt).not.toBeNull();
    expect(verified.error).toBeNull();

    await scramble(env.t.database.url);
    const scrambled = await fingerprint(env.t.database.url, RESTORE_EXEMPT);
    expect(changedTables(before, scrambled)).toEqual(
      expect.arrayContaining(['public.cars', 'public.car_images', 'public.contact_submissions', 'public.car_views', 'public.users', 'public.system_config', 'public.page_views', 'public.newsletter_subscribers']),
    );
    const listBefore = await env.admin.ok('backups.list', {});

    // Another PC's app listens for "reload" (its lead listener turns it into an app.reload event).
    const otherPc = new pg.Client({ connectionString: env.t.database.url });
    const notices: string[] = [];
    await otherPc.connect();
    otherPc.on('notification', (n) => n.channel === 'kroi_app' && notices.push(n.payload ?? ''));
    await otherPc.query('LISTEN kroi_app');
    try {
      const { refused, done } = await runRestore(env, backup.id);
      expect(refused).toBeNull();
      expect(done).toMatchObject({ phase: 'done', error: null });
      await otherPc.query('SELECT 1'); // notifications arrive before the next answer
      expect(notices.map((n) => JSON.parse(n))).toEqual([{ op: 'reload', reason: 'restore' }]);
    } finally {
      await otherPc.end();
    }

    expect(changedTables(before, await fingerprint(env.t.database.url, RESTORE_EXEMPT))).toEqual([]);

    // The list is the current one, plus the safety backup the restore made first.
    const listAfter = await env.admin.ok('backups.list', {});
    const safety = listAfter.filter((b) => !listBefore.some((o) => o.id === b.id));
    expect(safety).toHaveLength(1);
    expect(safety[0]).toMatchObject({ kind: 'SAFETY', status: 'DONE', startedBy: adminId });
    expect(await sha256Of(path.join(env.dir, safety[0]!.fileName))).toBe(safety[0]!.sha256);
    expect(listAfter.filter((b) => b.id !== safety[0]!.id)).toEqual(listBefore);

    // The audit log tells who restored what.
    const audit = await sql<{ user_id: string; entity_id: string }>(env.t.database.url, "SELECT user_id, entity_id FROM activity_logs WHERE action = 'backup.restore'");
    expect(audit).toEqual([{ user_id: adminId, entity_id: backup.id }]);

    // The app works on the restored tables (new relation and type OIDs) with the same session.
    const cars = await env.admin.ok('cars.list', { limit: 5 });
    expect(cars.items.length).toBe(5);
    const restoredIds = await sql<{ id: string }>(env.t.database.url, "SELECT id FROM users WHERE id LIKE 'after_backup_%'");
    expect(restoredIds).toEqual([]);

    // The safety backup holds the scrambled state: restoring it undoes the restore.
    const undo = await runRestore(env, safety[0]!.id);
    expect(undo.done).toMatchObject({ phase: 'done', error: null });
    expect(changedTables(scrambled, await fingerprint(env.t.database.url, RESTORE_EXEMPT))).toEqual([]);
  });
});

describe('plain SQL export', () => {
  it('writes a .sql.gz that psql can read, and restores it', async () => {
    const before = await fingerprint(env.t.database.url, RESTORE_EXEMPT);
    const backup = await runBackup(env, 'PLAIN_SQL');
    expect(backup).toMatchObject({ status: 'DONE', kind: 'PLAIN_SQL', error: null });
    expect(backup.fileName).toMatch(/\.sql\.gz$/);
    const file = path.join(env.dir, backup.fileName);
    expect(backup.sha256).toBe(await sha256Of(file));
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).toContain('CREATE TABLE public.cars');
    expect(text).toContain('COPY public.contact_submissions');

    expect((await env.admin.ok('backups.verify', { id: backup.id })).verifyOk).toBe(true);

    await scramble(env.t.database.url);
    expect(changedTables(before, await fingerprint(env.t.database.url, RESTORE_EXEMPT)).length).toBeGreaterThan(5);

    const { refused, done } = await runRestore(env, backup.id);
    expect(refused).toBeNull();
    expect(done).toMatchObject({ phase: 'done', error: null });
    expect(changedTables(before, await fingerprint(env.t.database.url, RESTORE_EXEMPT))).toEqual([]);
  });
});

describe("as the app's own role, which is not a superuser", () => {
  // The embedded server and a shared server both run the app as an ordinary role that owns
  // its database (and may create the scratch databases): the restore must work with that.
  const role = `kroi_app_${randomBytes(4).toString('hex')}`;
  const database = `kroi_t_${process.env.KROI_TEST_RUN ?? process.pid}_${randomBytes(5).toString('hex')}`;
  let own: BackupEnv | null = null;

  beforeAll(async () => {
    await sql(PG_ADMIN_URL, `CREATE ROLE ${role} LOGIN CREATEDB NOSUPERUSER`);
    await sql(PG_ADMIN_URL, `CREATE DATABASE ${database} OWNER ${role}`);
    const url = new URL(databaseUrl(database));
    url.username = role;
    // The core migrates the empty database as that role; the seed fills it the same way.
    own = await startBackupEnv({ overrides: { database: { mode: 'server', url: url.toString() } } });
  });
  afterAll(async () => {
    await own?.close();
    await sql(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await sql(PG_ADMIN_URL, `DROP ROLE IF EXISTS ${role}`);
  });

  it('backs up and restores every row', async () => {
    const e = own!;
    expect((await sql<{ su: boolean }>(e.t.core.databaseUrl, 'SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user'))[0]!.su).toBe(false);
    const before = await fingerprint(e.t.core.databaseUrl, RESTORE_EXEMPT);
    const backup = await runBackup(e);
    expect(backup.status).toBe('DONE');
    await scramble(e.t.core.databaseUrl);
    expect(changedTables(before, await fingerprint(e.t.core.databaseUrl, RESTORE_EXEMPT)).length).toBeGreaterThan(5);
    const { done } = await runRestore(e, backup.id, database);
    expect(done).toMatchObject({ phase: 'done', error: null });
    expect(changedTables(before, await fingerprint(e.t.core.databaseUrl, RESTORE_EXEMPT))).toEqual([]);
  });
});
