// Backups made elsewhere: the seed document's own `pg_dump … | gzip` file imports and
// restores into another database with every row equal; a file that is no backup is refused
// on import; plain SQL carrying psql meta-commands is refused on restore, and they never run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../scripts/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createRoleUsers } from '../support/users';
import { changedTables, fingerprint, RESTORE_EXEMPT, runRestore, sha256Of, startBackupEnv, type BackupEnv } from './helpers';

let source: TestDatabase;
let target: BackupEnv;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kroi-import-'));
  source = await createTestDatabase();
  await seed(source.url, { cars: 30, leads: 40, views: 300, seed: 5, now: '2026-11-25T00:00:00Z', analyze: false });
  // The PC that imports: a database of its own with only its users.
  target = await startBackupEnv({ seed: null });
});
afterAll(async () => {
  await target?.close();
  await source?.drop();
  await rm(work, { recursive: true, force: true });
});

describe("the seed's own backup command", () => {
  it('`pg_dump db | gzip > backup.sql.gz` imports, and restores into another database with every row equal', async () => {
    const file = path.join(work, 'backup_20261125.sql.gz');
    // As database-architecture.md writes it (without docker): pg_dump … | gzip > backup.sql.gz
    execFileSync('sh', ['-c', `pg_dump -h 127.0.0.1 -U postgres ${source.name} | gzip > "${file}"`]);

    const imported = await target.admin.ok('backups.import', { path: file });
    expect(imported).toMatchObject({ kind: 'IMPORTED', status: 'DONE', startedBy: target.users.ids.SUPER_ADMIN, sizeBytes: expect.any(Number) });
    expect(imported.fileName).toMatch(/\.sql\.gz$/);
    expect(imported.sha256).toBe(await sha256Of(file));
    expect((await target.admin.ok('backups.verify', { id: imported.id })).verifyOk).toBe(true);

    const expected = await fingerprint(source.url, RESTORE_EXEMPT);
    expect(changedTables(expected, await fingerprint(target.t.database.url, RESTORE_EXEMPT)).length).toBeGreaterThan(5);

    const { refused, done } = await runRestore(target, imported.id);
    expect(refused).toBeNull();
    expect(done).toMatchObject({ phase: 'done', error: null });
    expect(changedTables(expected, await fingerprint(target.t.database.url, RESTORE_EXEMPT))).toEqual([]);

    // The list kept the import and the safety backup; the audit entry names who restored even
    // though that user is not among the restored users.
    const kinds = (await target.t.core.db.backup.findMany()).map((b) => b.kind).sort();
    expect(kinds).toEqual(['IMPORTED', 'SAFETY']);
    const [entry] = (await target.t.core.pool.query("SELECT user_id, metadata FROM activity_logs WHERE action = 'backup.restore'")).rows;
    expect(entry).toMatchObject({ user_id: null, metadata: { restoredBy: target.users.ids.SUPER_ADMIN } });

    // The restored data has other users: this PC's admin signs in again as someone who exists now.
    expect(await target.admin.call('backups.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    target.users = await createRoleUsers(target.t.core);
    target.admin = target.users.SUPER_ADMIN;
  });

  it('a custom-format file made by pg_dump -Fc imports too', async () => {
    const file = path.join(work, 'other.backup');
    execFileSync('pg_dump', ['-h', '127.0.0.1', '-U', 'postgres', '-Fc', '-f', file, source.name]);
    const imported = await target.admin.ok('backups.import', { path: file });
    expect(imported.fileName).toMatch(/\.dump$/);
    expect((await target.admin.ok('backups.verify', { id: imported.id })).verifyOk).toBe(true);
  });
});

const cutInHalf = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));

describe('files that are not backups', () => {
  it('are refused on import with a clear message, and nothing is listed', async () => {
    const cases: [string, Buffer | string, RegExp][] = [
      ['notes.txt', 'Muistiinpanoja: soita asiakkaalle huomenna.\n', /not a PostgreSQL backup: it is neither a pg_dump archive nor SQL text/],
      ['photo.dump', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /not a PostgreSQL backup/],
      ['broken.sql.gz', cutInHalf(gzipSync(Array.from({ length: 5000 }, (_, i) => `INSERT INTO t VALUES (${i}, ${i * 7919 % 10007});\n`).join(''))), /cannot be read to the end/],
      ['fake-archive.dump', Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(200, 7)]), /not a readable PostgreSQL backup: .*pg_restore/],
    ];
    const before = await target.admin.ok('backups.list', {});
    for (const [name, content, message] of cases) {
      const file = path.join(work, name);
      await writeFile(file, content);
      const answer = await target.admin.call('backups.import', { path: file });
      expect(answer.ok, name).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code, name).toBe('VALIDATION');
        expect(answer.error.message, name).toMatch(message);
      }
    }
    const missing = await target.admin.call('backups.import', { path: path.join(work, 'no-such-file.dump') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { path: expect.any(String) } } });
    expect(await target.admin.ok('backups.list', {})).toEqual(before);
  });
});

describe('plain SQL with psql meta-commands', () => {
  const PWNED = '/tmp/kroi-pwned';

  it.each([
    ['a shell escape', `CREATE TABLE harmless (id int);\n\\! touch ${PWNED}\nINSERT INTO harmless VALUES (1);\n`],
    ['a shell escape after the file lifts its own \\restrict', `--\n-- PostgreSQL database dump\n--\n\n\\restrict abc123\n\nCREATE TABLE harmless (id int);\n\\unrestrict abc123\n\\! touch ${PWNED}\n`],
    ['a guess at the key', `CREATE TABLE harmless (id int);\n\\unrestrict 0123456789abcdef\n\\! touch ${PWNED}\n`],
  ])('%s: the restore is refused, the command never runs, the live data is unchanged', async (_label, text) => {
    await rm(PWNED, { force: true });
    const file = path.join(work, 'evil.sql.gz');
    await writeFile(file, gzipSync(text));
    const imported = await target.admin.ok('backups.import', { path: file });
    const before = await fingerprint(target.t.database.url, RESTORE_EXEMPT);

    const { refused, done } = await runRestore(target, imported.id);
    expect(refused).toBeNull();
    expect(done?.phase).toBe('failed');
    expect(done?.error).toMatch(/backslash commands are restricted|wrong key|goes on after its closing \\unrestrict/);
    expect(done?.error).toMatch(/The live data is unchanged\.$/);
    expect(existsSync(PWNED)).toBe(false);
    expect(changedTables(before, await fingerprint(target.t.database.url, RESTORE_EXEMPT))).toEqual([]);
  });
});
