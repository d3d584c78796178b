// One restore at a time across PCs: two cores on the same database restore at once, one is
// refused with CONFLICT naming the PC that restores, and the lock is free again afterwards.
import os from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTORE_LOCK_KEY } from '../../electron/core/services/backups/restore-lock';
import { runBackup, runRestore, startBackupEnv, startSecondPc, type BackupEnv } from './helpers';

let env: BackupEnv;
let otherPc: BackupEnv;
beforeAll(async () => {
  env = await startBackupEnv();
  otherPc = await startSecondPc(env);
});
afterAll(async () => {
  await otherPc?.close();
  await env?.close();
});

describe('one restore at a time', () => {
  it('two PCs restoring at once: one CONFLICT naming the PC, one restore; then the lock is free', { timeout: 180_000 }, async () => {
    const backup = await runBackup(env);
    const results = await Promise.all([runRestore(env, backup.id), runRestore(otherPc, backup.id)]);

    const refused = results.filter((r) => r.refused);
    const restored = results.filter((r) => r.done);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`A restore is already running (on PC ${os.hostname()})`) });
    expect(restored).toHaveLength(1);
    expect(restored[0]!.done).toMatchObject({ phase: 'done', error: null });

    // Released on success: either PC restores again, one after the other.
    expect((await runRestore(otherPc, backup.id)).done).toMatchObject({ phase: 'done', error: null });
    expect((await runRestore(env, backup.id)).done).toMatchObject({ phase: 'done', error: null });
  });

  it('a lock held elsewhere is named by its PC; released by a failure too', { timeout: 120_000 }, async () => {
    const backup = (await env.admin.ok('backups.list', {})).find((b) => b.kind === 'FULL' && b.status === 'DONE')!;
    const holder = new pg.Client({ connectionString: env.t.database.url, application_name: 'kroi-desktop-restore@NAYTTELYHALLI-PC7' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [RESTORE_LOCK_KEY]);
      const { refused, done } = await runRestore(otherPc, backup.id);
      expect(done).toBeNull();
      expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('(on PC NAYTTELYHALLI-PC7)') });
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [RESTORE_LOCK_KEY]);
      await holder.end();
    }

    // A restore that fails (wrong checksum) releases the lock as well.
    await env.t.core.db.backup.update({ where: { id: backup.id }, data: { sha256: '0'.repeat(64) } });
    const failed = await runRestore(env, backup.id);
    expect(failed.done).toMatchObject({ phase: 'failed', error: expect.stringMatching(/SHA-256 differs/) });
    const holders = await env.t.core.pool.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      [RESTORE_LOCK_KEY],
    );
    expect(holders.rows).toEqual([]);
  });
});
