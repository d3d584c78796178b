// The database password reaches pg_dump and pg_restore only through a temporary 0600
// PGPASSFILE: never in their argv or environment (read from /proc while they run), even
// when the app itself was started with DATABASE_URL; the file is gone afterwards, and the
// archives are readable by this user alone.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { REDIS_URL } from '../support/env';
import { createRoleUsers, type RoleClients } from '../support/users';
import { bulkPageViews, sql, type Progress } from './helpers';
import { PG_ADMIN_URL } from '../support/env';

const ROLE = `kroi_bk_${randomBytes(4).toString('hex')}`;
// ':' and '\' must be escaped in a pgpass line; '@' and '/' in a URL.
const PASSWORD = `Varmuus:${randomBytes(6).toString('hex')}\\kopio@/`;

let db: TestDatabase;
let core: Core;
let users: RoleClients;
let userDataDir: string;
const progress: Progress[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // Enough rows that pg_dump and pg_restore run long enough to be looked at.
  await bulkPageViews(db.url, 60_000);
  await sql(PG_ADMIN_URL, `CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD.replace(/'/g, "''")}'`);
  const url = new URL(db.url);
  url.username = ROLE;
  url.password = encodeURIComponent(PASSWORD);
  userDataDir = await mkdtemp(path.join(tmpdir(), 'kroi-backup-secret-'));
  core = await createCore(
    {
      appVersion: 'test',
      userDataDir,
      database: { mode: 'server', url: url.toString() },
      redis: { url: REDIS_URL, password: null, keyPrefix: `test:${randomBytes(4).toString('hex')}:` },
      pool: { ...DEFAULT_POOL, max: 3 },
      background: false,
    },
    { logger: quietLogger() },
  );
  // The core really uses the password-bearing URL.
  expect(decodeURIComponent(new URL(core.databaseUrl).password)).toBe(PASSWORD);
  core.events.on('backup.progress', (p) => progress.push(p));
  users = await createRoleUsers(core);
});

afterAll(async () => {
  await core?.close();
  await db?.drop();
  await sql(PG_ADMIN_URL, `DROP ROLE IF EXISTS ${ROLE}`);
  await rm(userDataDir, { recursive: true, force: true });
});

interface Seen {
  pid: number;
  argv: string;
  environ: string[];
  passFile: { path: string; mode: number; dirMode: number; content: string } | null;
}

/** Every process matching `pattern` while `until` runs: its argv, environment and PGPASSFILE. */
async function watchProcesses(pattern: string, until: Promise<unknown>): Promise<Seen[]> {
  const seen = new Map<number, Seen>();
  let finished = false;
  void until.finally(() => (finished = true));
  while (!finished) {
    let pids: number[] = [];
    try {
      pids = execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      // none right now
    }
    for (const pid of pids) {
      if (seen.has(pid)) continue;
      try {
        const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
        // Ended since pgrep saw it (an exited process shows an empty command line): not this one.
        if (!new RegExp(pattern).test(argv)) continue;
        const environ = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0').filter(Boolean);
        // Ended between the two reads: an exited process shows an empty environment too.
        if (environ.length === 0) continue;
        const passPath = environ.find((e) => e.startsWith('PGPASSFILE='))?.slice('PGPASSFILE='.length) ?? null;
        let passFile: Seen['passFile'] = null;
        if (passPath) {
          const [file, dir, content] = await Promise.all([stat(passPath), stat(path.dirname(passPath)), readFile(passPath, 'utf8')]);
          passFile = { path: passPath, mode: file.mode & 0o777, dirMode: dir.mode & 0o777, content };
        }
        seen.set(pid, { pid, argv, environ, passFile });
      } catch {
        // It ended between pgrep and the read; the next one is looked at.
      }
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return [...seen.values()];
}

const doneOf = async (jobId: string) => {
  for (;;) {
    const done = progress.find((p) => p.jobId === jobId && p.done);
    if (done) return done;
    await new Promise((r) => setTimeout(r, 20));
  }
};

function expectNoSecret(s: Seen): void {
  const secrets = [PASSWORD, encodeURIComponent(PASSWORD), PASSWORD.split(':')[1]!];
  for (const secret of secrets) {
    expect(s.argv, 'argv').not.toContain(secret);
    for (const variable of s.environ) expect(variable, 'environment').not.toContain(secret);
  }
  expect(s.environ.some((e) => e.startsWith('PGPASSWORD='))).toBe(false);
  expect(s.environ.some((e) => e.startsWith('DATABASE_URL='))).toBe(false);
  // Reading an archive's table of contents connects nowhere: no password at all.
  if (!/--host/.test(s.argv)) {
    expect(s.passFile).toBeNull();
    return;
  }
  // The password is passed, in the file only: this user may read it, nobody else.
  expect(s.passFile, `${s.argv} (${s.environ.length} variables)`).not.toBeNull();
  expect(s.passFile!.mode).toBe(0o600);
  expect(s.passFile!.dirMode).toBe(0o700);
  const escaped = PASSWORD.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
  expect(s.passFile!.content).toBe(`127.0.0.1:5432:*:${ROLE}:${escaped}\n`);
}

describe('the password of the database', () => {
  it('reaches pg_dump only through a 0600 PGPASSFILE that is gone afterwards, even with DATABASE_URL set', async () => {
    // As when the app is started with DATABASE_URL (config.ts reads it).
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = core.databaseUrl;
    try {
      const { jobId, backupId } = await users.SUPER_ADMIN.ok('backups.run', { kind: 'FULL' });
      const done = doneOf(jobId);
      const seen = await watchProcesses(`pg_dump.*${db.name}`, done);
      expect((await done).error).toBeNull();
      expect(seen.length).toBeGreaterThanOrEqual(1);
      for (const s of seen) expectNoSecret(s);
      for (const s of seen) expect(existsSync(path.dirname(s.passFile!.path))).toBe(false);

      const backup = (await users.SUPER_ADMIN.ok('backups.list', {})).find((b) => b.id === backupId)!;
      expect(backup.status).toBe('DONE');
      expect((await stat(path.join(backup.directory, backup.fileName))).mode & 0o777).toBe(0o600);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it('reaches pg_restore the same way during a restore, and the plain SQL export is 0600 too', async () => {
    const plain = await users.SUPER_ADMIN.ok('backups.run', { kind: 'PLAIN_SQL' });
    await doneOf(plain.jobId);
    const plainRow = (await users.SUPER_ADMIN.ok('backups.list', {})).find((b) => b.id === plain.backupId)!;
    expect((await stat(path.join(plainRow.directory, plainRow.fileName))).mode & 0o777).toBe(0o600);

    const backup = (await users.SUPER_ADMIN.ok('backups.list', {})).find((b) => b.kind === 'FULL' && b.status === 'DONE')!;
    const { jobId } = await users.SUPER_ADMIN.ok('backups.restore', { id: backup.id, confirmDatabase: db.name });
    const done = doneOf(jobId);
    const seen = await watchProcesses(`pg_(restore|dump) .*${ROLE}`, done);
    expect((await done).error).toBeNull();
    // The scratch check, the safety backup and the live step.
    expect(seen.filter((s) => /pg_restore/.test(s.argv)).length).toBeGreaterThanOrEqual(1);
    for (const s of seen) expectNoSecret(s);
    for (const s of seen) if (s.passFile) expect(existsSync(s.passFile.path)).toBe(false);
  });
});
