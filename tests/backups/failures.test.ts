// What goes wrong: damaged archives, a restore that fails half-way, a wrong confirmation,
// a cancelled or killed pg_dump, a server newer than the tools, tools that are missing.
// In every case the live data stays as it was and no partial file is left behind.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdtemp, open, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/api/errors';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { candidateDirs, chooseTool, findTools } from '../../electron/core/services/backups/pg-tools';
import { createRoleUsers } from '../support/users';
import {
  bulkPageViews,
  filesIn,
  findBackup,
  fingerprint,
  changedTables,
  jobDone,
  RESTORE_EXEMPT,
  runBackup,
  runRestore,
  sha256Of,
  sql,
  startBackupEnv,
  type BackupEnv,
  type Progress,
} from './helpers';

let env: BackupEnv;
beforeAll(async () => {
  env = await startBackupEnv();
});
afterAll(async () => env?.close());

/** A copy of a good archive registered as a backup of its own (its checksum matches what is on disk). */
async function registerCopy(of: string, file: string): Promise<string> {
  const original = await env.t.core.db.backup.findUniqueOrThrow({ where: { id: of } });
  const row = await env.t.core.db.backup.create({
    data: {
      fileName: path.basename(file),
      directory: env.dir,
      kind: 'FULL',
      status: 'DONE',
      startedBy: original.startedBy,
      finishedAt: new Date(),
      sizeBytes: (await stat(file)).size,
      sha256: await sha256Of(file),
      manifest: original.manifest ?? undefined,
    },
  });
  return row.id;
}

/** Overwrites `length` bytes in the middle of a file with their complement. */
async function flipMiddle(file: string, length = 64): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const at = Math.floor(size / 2);
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, at);
    for (let i = 0; i < length; i++) buffer[i] = buffer[i]! ^ 0xff;
    await handle.write(buffer, 0, length, at);
  } finally {
    await handle.close();
  }
}

describe('a damaged archive', () => {
  it('fails verification with a reason, and its restore is refused with the live data unchanged', async () => {
    const good = await runBackup(env);
    expect(good.status).toBe('DONE');
    const goodFile = path.join(env.dir, good.fileName);

    // Damaged in the middle, and cut short: each with a matching checksum, so only reading the archive tells.
    const flipped = path.join(env.dir, 'flipped-copy.dump');
    await copyFile(goodFile, flipped);
    await flipMiddle(flipped);
    const cut = path.join(env.dir, 'truncated-copy.dump');
    await copyFile(goodFile, cut);
    await truncate(cut, Math.floor((await stat(cut)).size * 0.6));

    const before = await fingerprint(env.t.database.url, RESTORE_EXEMPT);
    const listBefore = await env.admin.ok('backups.list', {});
    for (const file of [flipped, cut]) {
      const id = await registerCopy(good.id, file);
      const verified = await env.admin.ok('backups.verify', { id });
      expect(verified.verifyOk, file).toBe(false);
      expect(verified.error, file).toMatch(/pg_restore/);

      const { refused, done } = await runRestore(env, id);
      expect(refused).toBeNull();
      expect(done?.phase).toBe('failed');
      expect(done?.error).toMatch(/(damaged and cannot be restored|damaged or incomplete).*The live data is unchanged\./s);
      await env.t.core.db.backup.delete({ where: { id } });
    }

    // The real file damaged on disk: its checksum no longer matches.
    await flipMiddle(goodFile);
    const verified = await env.admin.ok('backups.verify', { id: good.id });
    expect(verified).toMatchObject({ verifyOk: false, error: expect.stringMatching(/SHA-256 differs/) });
    const { done } = await runRestore(env, good.id);
    expect(done).toMatchObject({ phase: 'failed', error: expect.stringMatching(/SHA-256 differs.*The live data is unchanged\./s) });

    // Nothing was touched: no safety backup was even needed.
    expect(changedTables(before, await fingerprint(env.t.database.url, RESTORE_EXEMPT))).toEqual([]);
    const listAfter = await env.admin.ok('backups.list', {});
    expect(listAfter.map((b) => b.id)).toEqual(listBefore.map((b) => b.id));
  });
});

describe('a restore that fails half-way', () => {
  it('leaves the live data as it was when the live step cannot get its locks', async () => {
    const backup = await runBackup(env);
    // Changes after the backup, which a successful restore would undo.
    await sql(env.t.database.url, "UPDATE cars SET name = name || ' (muokattu)' WHERE id IN (SELECT id FROM cars ORDER BY id LIMIT 5); DELETE FROM contact_notes WHERE id IN (SELECT id FROM contact_notes ORDER BY id LIMIT 5)");
    // Waiting 30 s for another PC's lock is right in the app, slow in a test.
    await sql(env.t.database.url, `INSERT INTO system_config (key, value, updated_at) VALUES ('backup.lockTimeoutMs', '300', now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
    const before = await fingerprint(env.t.database.url, RESTORE_EXEMPT);

    // Another PC is reading the cars in an open transaction: the backup (and the safety
    // backup) can read too, but the live restore cannot drop the table.
    const otherPc = new pg.Client({ connectionString: env.t.database.url, application_name: 'kroi-desktop on another PC' });
    otherPc.on('error', () => undefined);
    await otherPc.connect();
    try {
      await otherPc.query('BEGIN');
      await otherPc.query('SELECT count(*) FROM cars');
      const { refused, done } = await runRestore(env, backup.id);
      expect(refused).toBeNull();
      expect(done?.phase).toBe('failed');
      expect(done?.error).toMatch(/waited more than 0\.3 s for a table that another session is using: kroi-desktop on another PC \(127\.0\.0\.1, process \d+\)/);
      expect(done?.error).toMatch(/The live data is unchanged\.$/);
      // The phases show it got as far as the live step.
      const phases = env.progress.filter((p) => p.jobId === done!.jobId).map((p) => p.phase);
      expect(phases).toEqual(expect.arrayContaining(['scratch', 'comparing', 'safety backup', 'restoring']));
    } finally {
      await otherPc.query('ROLLBACK').catch(() => undefined);
      await otherPc.end();
    }
    expect(changedTables(before, await fingerprint(env.t.database.url, RESTORE_EXEMPT))).toEqual([]);
    // The safety backup was made before the live step and stays listed.
    const safety = (await env.admin.ok('backups.list', {})).filter((b) => b.kind === 'SAFETY');
    expect(safety.length).toBeGreaterThanOrEqual(1);
    expect(safety[0]).toMatchObject({ status: 'DONE' });
    await sql(env.t.database.url, "DELETE FROM system_config WHERE key = 'backup.lockTimeoutMs'");
  });
});

describe('the typed confirmation', () => {
  it('a wrong database name is VALIDATION and nothing is done; other roles may not restore', async () => {
    const backup = (await env.admin.ok('backups.list', {})).find((b) => b.kind === 'FULL' && b.verifyOk !== false)!;
    const before = await fingerprint(env.t.database.url, RESTORE_EXEMPT);
    const listBefore = await env.admin.ok('backups.list', {});
    const eventsBefore = env.progress.length;

    for (const wrong of ['kroi', env.t.database.name.toUpperCase(), `${env.t.database.name} `, 'x']) {
      const { refused } = await runRestore(env, backup.id, wrong);
      expect(refused).toMatchObject({ code: 'VALIDATION', fields: { confirmDatabase: expect.stringContaining(env.t.database.name) } });
    }
    const forbidden = await env.users.ADMIN.call('backups.restore', { id: backup.id, confirmDatabase: env.t.database.name });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unknown = await env.admin.call('backups.restore', { id: 'c0000000000000000000000000', confirmDatabase: env.t.database.name });
    expect(unknown).toMatchObject({ ok: false, error: { code: expect.stringMatching(/NOT_FOUND|VALIDATION/) } });

    expect(env.progress.length).toBe(eventsBefore);
    expect(await env.admin.ok('backups.list', {})).toEqual(listBefore);
    expect(changedTables(before, await fingerprint(env.t.database.url, RESTORE_EXEMPT))).toEqual([]);
  });
});

describe('stopping a running backup', () => {
  let big: BackupEnv;
  beforeAll(async () => {
    // Enough rows for pg_dump to run about a second: still running when the cancel or kill comes.
    big = await startBackupEnv({ seed: null });
    await bulkPageViews(big.t.database.url, 100_000);
  });
  afterAll(async () => big?.close());

  /** Starts a backup and calls `act` at its first 'dumping' event (pg_dump is running then). */
  async function backupWith(kind: 'FULL' | 'PLAIN_SQL', act: (p: Progress) => Promise<unknown>): Promise<{ backupId: string; acted: unknown; done: Progress }> {
    let acted: Promise<unknown> | null = null;
    const off = big.t.core.events.on('backup.progress', (p) => {
      if (!acted && p.phase === 'dumping') acted = act(p);
    });
    try {
      const { jobId, backupId } = await big.admin.ok('backups.run', { kind });
      const done = await jobDone(big, jobId);
      return { backupId, acted: await acted, done };
    } finally {
      off();
    }
  }

  const pgDumpPids = (database: string): number[] => {
    try {
      return execFileSync('pgrep', ['-f', `pg_dump.*${database}`], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
  };

  it.each(['FULL', 'PLAIN_SQL'] as const)('cancel (%s): CANCELLED, no file at all, no pg_dump left', async (kind) => {
    const { backupId, acted, done } = await backupWith(kind, (p) => big.admin.call('backups.cancel', { jobId: p.jobId }));
    expect(acted).toEqual({ ok: true, data: { cancelled: true } });
    expect(done).toMatchObject({ phase: 'cancelled', done: true });
    expect(await findBackup(big, backupId)).toMatchObject({ status: 'CANCELLED', sha256: null, sizeBytes: null });
    expect(await filesIn(big.dir)).toEqual([]);
    expect(pgDumpPids(big.t.database.name)).toEqual([]);
    // Nothing left to cancel.
    expect(await big.admin.ok('backups.cancel', { jobId: backupId })).toEqual({ cancelled: false });
  });

  it('pg_dump killed: FAILED with the reason, no file at all', async () => {
    const { backupId, acted, done } = await backupWith('FULL', async () => {
      // The first 'dumping' event comes right after spawn(): the child may not have exec'd pg_dump yet.
      let pids: number[] = [];
      for (let tries = 0; pids.length === 0 && tries < 200; tries++) {
        pids = pgDumpPids(big.t.database.name);
        if (pids.length === 0) await new Promise((r) => setTimeout(r, 10));
      }
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      return pids.length;
    });
    expect(acted).toBe(1);
    expect(done).toMatchObject({ phase: 'failed', done: true });
    const row = await findBackup(big, backupId);
    expect(row).toMatchObject({ status: 'FAILED', sha256: null });
    expect(row.error).toMatch(/pg_dump failed \(stopped by SIGKILL\)/);
    expect(await filesIn(big.dir)).toEqual([]);

    // The next backup works.
    const next = await runBackup(big);
    expect(next.status).toBe('DONE');
    expect(await filesIn(big.dir)).toEqual([next.fileName]);
  });
});

describe('tools older than the server', () => {
  it('the built-in PostgreSQL 16 with pg_dump 15: UNAVAILABLE naming both versions and what to install; nothing written', async () => {
    // Not created here: initdb runs as the postgres user and must be able to enter it (startEmbedded makes it).
    const dataDir = path.join(tmpdir(), `kroi-backup-embedded-${randomBytes(6).toString('hex')}`);
    let core: Core | null = null;
    try {
      core = await createCore(
        {
          appVersion: 'test',
          userDataDir: dataDir,
          database: { mode: 'embedded', dataDir: path.join(dataDir, 'database'), secret: randomBytes(32).toString('hex') },
          redis: null,
          pool: { ...DEFAULT_POOL, max: 2 },
          background: false,
        },
        { logger: quietLogger() },
      );
      const users = await createRoleUsers(core);
      const answer = await users.SUPER_ADMIN.call('backups.run', { kind: 'FULL' });
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('UNAVAILABLE');
      expect(answer.error.message).toMatch(/pg_dump 15\.\d+/);
      expect(answer.error.message).toMatch(/PostgreSQL 16/);
      expect(answer.error.message).toMatch(/postgresql-client-16/);
      expect(answer.error.message).toMatch(/Settings → Backups/);

      expect(await core.db.backup.count()).toBe(0);
      expect(await filesIn(path.join(dataDir, 'backups'))).toEqual([]);

      // The tools report says the same for each tool.
      const report = await users.SUPER_ADMIN.ok('backups.tools', {});
      expect(report.serverVersion).toMatch(/^16\./);
      for (const t of report.tools) expect(t.problem, t.name).toMatch(/older than the database server \(PostgreSQL 16\)/);
    } finally {
      await core?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('finding the tools', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const d of made) await rm(d, { recursive: true, force: true });
  });
  const folder = async (fakeVersion?: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kroi-tools-'));
    made.push(dir);
    if (fakeVersion) {
      // A stand-in that only answers --version, as an old or new install would.
      await writeFile(path.join(dir, 'pg_dump'), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${fakeVersion}"\n`);
      await chmod(path.join(dir, 'pg_dump'), 0o755);
    }
    return dir;
  };
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

  it('a missing tool: UNAVAILABLE saying what to install and where to set the folder', async () => {
    const error = await failure(chooseTool('pg_dump', [await folder(), await folder()], 15));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('UNAVAILABLE');
    expect(error?.message).toMatch(/^pg_dump was not found\./);
    expect(error?.message).toMatch(/postgresql-client-15/);
    expect(error?.message).toMatch(/Postgres\.app or Homebrew postgresql@15/);
    expect(error?.message).toMatch(/Settings → Backups/);
  });

  it('an old tool is refused with its version and path; the newest one wins', async () => {
    const old = await folder('13.4');
    const error = await failure(chooseTool('pg_dump', [old], 15));
    expect(error?.code).toBe('UNAVAILABLE');
    expect(error?.message).toContain(`pg_dump 13.4 (${path.join(old, 'pg_dump')}) is older than the database server (PostgreSQL 15)`);

    const system = path.dirname(execFileSync('sh', ['-c', 'readlink -f /usr/lib/postgresql/15/bin/pg_dump'], { encoding: 'utf8' }).trim());
    expect((await chooseTool('pg_dump', [old, system], 15)).path).toBe(path.join(system, 'pg_dump'));
    const newer = await folder('17.2');
    expect(await chooseTool('pg_dump', [old, system, newer], 15)).toMatchObject({ path: path.join(newer, 'pg_dump'), major: 17, version: '17.2' });
    expect((await findTools('pg_dump', [newer, old, system])).map((t) => t.major)).toEqual([17, 15, 13]);
  });

  it('looks in the setting, then the app resources, then PATH, then the usual install folders', async () => {
    const configured = await folder();
    const dirs = candidateDirs({ configuredDir: configured, resourcesDir: '/opt/kroi/resources', env: { PATH: '/nowhere/a:/nowhere/b' } });
    expect(dirs.slice(0, 4)).toEqual([configured, path.join('/opt/kroi/resources', 'pg', 'bin'), '/nowhere/a', '/nowhere/b']);
    expect(dirs).toContain('/usr/lib/postgresql/15/bin');
    // An empty setting and a PATH without the tools: the install folders still find it.
    const found = await chooseTool('pg_dump', candidateDirs({ configuredDir: configured, env: { PATH: configured } }), 15);
    expect(found.path).toBe('/usr/lib/postgresql/15/bin/pg_dump');
  });
});
