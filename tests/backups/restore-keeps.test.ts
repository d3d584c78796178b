// What a restore takes from the live database rather than from the backup: every audit
// entry (before and after the backup), exactly the live sessions (a signed-out one stays
// out), the list of backups. The side schema that holds them during the live step is gone
// after every restore, failed or not, and one left by a crashed restore is settled first.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../electron/core/api/contract';
import { KEPT_TABLES } from '../../electron/core/services/backups/backups-service';
import { saveKept, SIDE_SCHEMA } from '../../electron/core/services/backups/kept-tables';
import { TestClient } from '../support/core';
import { TEST_PASSWORD } from '../support/users';
import { changedTables, fingerprint, jobDone, RESTORE_EXEMPT, runBackup, runRestore, sha256Of, sql, startBackupEnv, type BackupEnv } from './helpers';

let env: BackupEnv;
beforeAll(async () => {
  env = await startBackupEnv();
});
afterAll(async () => env?.close());

const LONG = 120_000;
const url = () => env.t.database.url;

const carInput = (): ChannelInput<'cars.create'> => ({
  name: `Škoda Octavia Combi 2.0 TDI ${randomBytes(3).toString('hex')}`,
  brand: 'Škoda',
  model: 'Octavia',
  year: 2020,
  priceEur: 18900,
  mileageKm: 98000,
  fuelType: 'DIESEL',
  transmission: 'AUTOMATIC',
  category: 'ESTATE',
});

interface AuditRow {
  id: string;
  action: string;
  user_id: string | null;
  entity_id: string | null;
  created_at: Date;
}
// Ordered by the number, not the text of the id.
const auditRows = () => sql<AuditRow>(url(), 'SELECT a.id::text AS id, a.action, a.user_id, a.entity_id, a.created_at FROM activity_logs a ORDER BY a.id');
/** An entry without its id: a kept entry whose id the restored log had given to another one gets a new id. */
const content = ({ id: _id, ...rest }: AuditRow) => rest;
const sessionIds = async () => (await sql<{ id: string }>(url(), 'SELECT id FROM sessions ORDER BY id')).map((r) => r.id);
const sideSchemaLeft = async () => (await sql(url(), 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [SIDE_SCHEMA])).length > 0;
/** The live data's fingerprint, without a side schema's tables (a restore drops those whatever happens). */
const liveFingerprint = async () => Object.fromEntries(Object.entries(await fingerprint(url(), RESTORE_EXEMPT)).filter(([name]) => !name.startsWith(`${SIDE_SCHEMA}.`)));

async function signIn(email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const client = new TestClient(env.t.core);
  await client.ok('auth.signIn', { email, password, remember: false });
  return client;
}

/** A window holding `token`, as the main process would after the app restarts. */
function windowWith(token: string): TestClient {
  const client = new TestClient(env.t.core);
  client.sessionToken = token;
  return client;
}

/** What a restore that crashed between its live pg_restore and putting the kept rows back leaves. */
async function crashAfterLiveStep(backupFile: string): Promise<void> {
  await saveKept(url(), KEPT_TABLES, 30_000);
  const db = new URL(url());
  execFileSync('pg_restore', ['-h', db.hostname, '-p', db.port || '5432', '-U', decodeURIComponent(db.username) || 'postgres', '-d', env.t.database.name, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--clean', '--if-exists', backupFile]);
}

describe('a restore keeps', () => {
  it('every audit entry, exactly the live sessions and the backup list, while the data rolls back', { timeout: LONG }, async () => {
    const backup = await runBackup(env);

    // After the backup: a car, a sign-out, a second window signing in.
    const car = await env.users.ADMIN.ok('cars.create', carInput());
    const signedOut = env.users.VIEWER.sessionToken!;
    await env.users.VIEWER.ok('auth.signOut', {});
    const secondWindow = await signIn('admin@kroi.test');

    const auditBefore = await auditRows();
    const sessionsBefore = await sessionIds();
    const listBefore = await env.admin.ok('backups.list', {});
    expect(auditBefore.filter((r) => r.action === 'car.create' && r.entity_id === car.id)).toHaveLength(1);
    expect(auditBefore.filter((r) => r.action === 'auth.signOut' && r.user_id === env.users.ids.VIEWER)).toHaveLength(1);

    const { refused, done } = await runRestore(env, backup.id);
    expect(refused).toBeNull();
    expect(done).toMatchObject({ phase: 'done', error: null });

    // The audit log: every entry as it was, and the restore's own.
    const auditAfter = await auditRows();
    expect(auditAfter.filter((r) => auditBefore.some((b) => b.id === r.id))).toEqual(auditBefore);
    expect(auditAfter.filter((r) => !auditBefore.some((b) => b.id === r.id)).map((r) => [r.action, r.user_id])).toEqual([['backup.restore', env.users.ids.SUPER_ADMIN]]);

    // The sessions: the live ones. The signed-out one stays out; the others go on working.
    expect(await sessionIds()).toEqual(sessionsBefore);
    expect(await windowWith(signedOut).call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const window of [secondWindow, env.users.ADMIN, env.admin]) expect((await window.call('auth.me', {})).ok).toBe(true);

    // The list: as before, plus the safety backup the restore made.
    const listAfter = await env.admin.ok('backups.list', {});
    const added = listAfter.filter((b) => !listBefore.some((o) => o.id === b.id));
    expect(added.map((b) => b.kind)).toEqual(['SAFETY']);
    expect(listAfter.filter((b) => b.id !== added[0]!.id)).toEqual(listBefore);

    // The data rolled back: the car made after the backup is gone.
    expect(await env.admin.call('cars.get', { id: car.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // New entries follow the kept ones (the log's sequence moved past them).
    const next = await env.users.ADMIN.ok('cars.create', carInput());
    const [entry] = await sql<{ id: string }>(url(), "SELECT id::text AS id FROM activity_logs WHERE action = 'car.create' AND entity_id = $1", [next.id]);
    expect(BigInt(entry!.id)).toBeGreaterThan(BigInt(auditAfter.at(-1)!.id));
    expect(await sideSchemaLeft()).toBe(false);
  });

  it('the entries of a user the backup does not have, with no user; that user and an inactive one are signed out', { timeout: LONG }, async () => {
    // Inactive at the backup, made active again after it.
    const passwordHash = (await sql<{ h: string }>(url(), "SELECT password_hash AS h FROM users WHERE email = 'viewer@kroi.test'"))[0]!.h;
    await sql(url(), "INSERT INTO users (id, email, name, role, password_hash, is_active, updated_at) VALUES ('kept_test_dormant', 'dormant@kroi.test', 'Lepäävä', 'VIEWER', $1, false, now())", [passwordHash]);
    const backup = await runBackup(env);
    const dormant = (await env.admin.ok('users.list', {})).find((u) => u.email === 'dormant@kroi.test')!;
    await env.admin.ok('users.update', { id: dormant.id, version: dormant.version, isActive: true });
    const dormantWindow = await signIn('dormant@kroi.test');

    // A user made after the backup, who signs in.
    const latePassword = 'Talvirenkaat-Nastoilla-93';
    const late = await env.admin.ok('users.create', { email: 'late@kroi.test', name: 'Myöhäinen Myyjä', role: 'VIEWER', temporaryPassword: latePassword });
    const lateWindow = await signIn('late@kroi.test', latePassword);
    const lateEntries = (await auditRows()).filter((r) => r.user_id === late.id);
    expect(lateEntries.map((r) => r.action)).toContain('auth.signIn');

    const { done } = await runRestore(env, backup.id);
    expect(done).toMatchObject({ phase: 'done', error: null });

    // The late user is not among the restored users: the entries stay, naming nobody.
    expect(await sql(url(), 'SELECT 1 FROM users WHERE id = $1', [late.id])).toEqual([]);
    const after = await auditRows();
    expect(after.filter((r) => lateEntries.some((e) => e.id === r.id))).toEqual(lateEntries.map((e) => ({ ...e, user_id: null })));
    // Who made the late user is known, and stays.
    expect(after.filter((r) => r.action === 'user.create' && r.entity_id === late.id).map((r) => r.user_id)).toEqual([env.users.ids.SUPER_ADMIN]);
    // The dormant user's entries keep the user (it exists), its session does not (inactive in the restored data).
    expect(after.filter((r) => r.action === 'auth.signIn' && r.entity_id === dormant.id).map((r) => r.user_id)).toEqual([dormant.id]);

    for (const window of [lateWindow, dormantWindow]) expect(await window.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await sql(url(), 'SELECT 1 FROM sessions WHERE user_id = ANY ($1)', [[late.id, dormant.id]])).toEqual([]);
    expect((await env.admin.call('auth.me', {})).ok).toBe(true);
  });
});

describe('a side schema left by a crashed restore', () => {
  it('is put back on start-up: the audit entries the crash lost return', { timeout: LONG }, async () => {
    const backup = await runBackup(env);
    const car = await env.users.ADMIN.ok('cars.create', carInput());
    const lostEntry = (await auditRows()).find((r) => r.action === 'car.create' && r.entity_id === car.id)!;

    await crashAfterLiveStep(path.join(backup.directory, backup.fileName));
    expect((await auditRows()).some((r) => r.id === lostEntry.id)).toBe(false);
    expect(await sideSchemaLeft()).toBe(true);

    await env.t.core.backups.cleanUpInterrupted();
    expect((await auditRows()).filter((r) => r.id === lostEntry.id)).toEqual([lostEntry]);
    expect(await sideSchemaLeft()).toBe(false);
  });

  it('is settled before the next restore, and a backup that holds it restores without it', { timeout: LONG }, async () => {
    // Signed in before the backup, so the crashed restore brings its session back; signed out after the crash.
    const leaving = await signIn('viewer@kroi.test');
    const leavingToken = leaving.sessionToken!;
    const first = await runBackup(env);
    const car = await env.users.ADMIN.ok('cars.create', carInput());
    const lostEntry = (await auditRows()).find((r) => r.action === 'car.create' && r.entity_id === car.id)!;
    await crashAfterLiveStep(path.join(first.directory, first.fileName));
    const newcomer = await signIn('admin@kroi.test');

    // A backup made now holds the side schema too.
    const second = await runBackup(env);
    const secondFile = path.join(second.directory, second.fileName);
    expect(execFileSync('pg_restore', ['--list', secondFile], { encoding: 'utf8' })).toContain(SIDE_SCHEMA);
    // After that backup: a sign-out and an audit entry, which neither copy holds.
    await leaving.ok('auth.signOut', {});
    const laterCar = await env.users.ADMIN.ok('cars.create', carInput());
    const laterEntry = (await auditRows()).find((r) => r.action === 'car.create' && r.entity_id === laterCar.id)!;
    const listBefore = await env.admin.ok('backups.list', {});

    const { done } = await runRestore(env, second.id);
    expect(done).toMatchObject({ phase: 'done', error: null });

    // The crash's lost entry is back (under a new id: after the crash the log gave its id to
    // another entry), the later one stays; neither stale copy brought the signed-out session back.
    const audit = (await auditRows()).map(content);
    const both = audit.filter((r) => r.entity_id === car.id || r.entity_id === laterCar.id);
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining([content(lostEntry), content(laterEntry)]));
    expect(await windowWith(leavingToken).call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const window of [newcomer, env.admin, env.users.ADMIN]) expect((await window.call('auth.me', {})).ok).toBe(true);
    expect(await sideSchemaLeft()).toBe(false);
    // The list the crash set aside rejoined the live one.
    const listAfter = await env.admin.ok('backups.list', {});
    expect(listAfter.map((b) => b.id)).toEqual(expect.arrayContaining([first.id, second.id, ...listBefore.map((b) => b.id)]));
    expect(listAfter.find((b) => b.id === first.id)?.status).toBe('DONE');
    // The data is the second backup's: neither car.
    for (const id of [car.id, laterCar.id]) expect(await env.admin.call('cars.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a failed restore', () => {
  it('damaged: drops a leftover of a restore that crashed before its live step, and changes nothing else', { timeout: LONG }, async () => {
    const good = await runBackup(env);
    // A copy set aside, then a sign-out: the copy must not bring that session back (the live step never ran).
    await saveKept(url(), KEPT_TABLES, 30_000);
    const leaving = await signIn('viewer@kroi.test');
    const token = leaving.sessionToken!;
    await leaving.ok('auth.signOut', {});

    const damaged = path.join(env.dir, 'damaged-copy.dump');
    await copyFile(path.join(good.directory, good.fileName), damaged);
    await truncate(damaged, Math.floor((await stat(damaged)).size * 0.6));
    const row = await env.t.core.db.backup.create({
      data: { fileName: path.basename(damaged), directory: env.dir, kind: 'FULL', status: 'DONE', startedBy: env.users.ids.SUPER_ADMIN, finishedAt: new Date(), sha256: await sha256Of(damaged) },
    });
    const before = await liveFingerprint();
    const auditBefore = await auditRows();

    const { done } = await runRestore(env, row.id);
    expect(done?.phase).toBe('failed');
    expect(done?.error).toMatch(/damaged.*The live data is unchanged\.$/s);

    expect(await sideSchemaLeft()).toBe(false);
    expect(changedTables(before, await liveFingerprint())).toEqual([]);
    const auditAfter = await auditRows();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((r) => r.action)).toEqual(['backup.restoreFailed']);
    expect(await windowWith(token).call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('cancelled at the live step: no side schema, the live data unchanged', { timeout: LONG }, async () => {
    const backup = await runBackup(env);
    await env.users.ADMIN.ok('cars.create', carInput());
    const before = await liveFingerprint();
    const auditBefore = await auditRows();

    // Cancelled the moment the live step begins: the kept tables are set aside, pg_restore is stopped.
    const off = env.t.core.events.on('backup.progress', (p) => {
      if (p.phase === 'restoring') env.t.core.backups.cancel(p.jobId);
    });
    try {
      const answer = await env.admin.ok('backups.restore', { id: backup.id, confirmDatabase: env.t.database.name });
      const done = await jobDone(env, answer.jobId, LONG);
      expect(done).toMatchObject({ phase: 'failed', error: 'Cancelled; the live data is unchanged.' });
      expect(env.progress.filter((p) => p.jobId === answer.jobId).map((p) => p.phase)).toContain('restoring');
    } finally {
      off();
    }

    expect(await sideSchemaLeft()).toBe(false);
    expect(changedTables(before, await liveFingerprint())).toEqual([]);
    const auditAfter = await auditRows();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((r) => r.action)).toEqual(['backup.restoreFailed']);
  });
});
