// `npm run bench -- backups`: a database of a few GB (quick: about a hundred MB) backed up
// through the app (router 'backups.run' until its 'done' event) and with bare
// `pg_dump -Fc -Z 6`, then restored through the app ('backups.restore': check, scratch
// restore, safety backup, live restore) and with bare `pg_restore --clean
// --single-transaction` into a copy. Wall times, ratios, and where the app's extra time goes.
import { spawn } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { EventMap } from '../../electron/core/api/events';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { BenchClient, signedIn } from './bench-core';
import { BENCH_ADMIN_URL, ensureDataset } from './dataset';
import { summarize, withBaseline, type BenchResult } from './stats';

type Progress = EventMap['backup.progress'] & { at: number };

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${file} exited ${code}: ${stderr}`))));
  });
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Waits for the final event of a job; the phases in between with their times. */
function waitDone(progress: Progress[], jobId: string): Promise<Progress[]> {
  return new Promise((resolve) => {
    const check = () => {
      const events = progress.filter((p) => p.jobId === jobId);
      if (events.some((p) => p.done)) resolve(events);
      else setTimeout(check, 20);
    };
    check();
  });
}

/** Milliseconds spent in each phase (from one phase's first event to the next phase's). */
function phaseTimes(events: Progress[], startedAt: number): Record<string, number> {
  const firsts: { phase: string; at: number }[] = [];
  for (const e of events) if (firsts.at(-1)?.phase !== e.phase) firsts.push({ phase: e.phase, at: e.at });
  const out: Record<string, number> = {};
  let previous = { phase: 'call', at: startedAt };
  for (const f of firsts) {
    out[previous.phase] = (out[previous.phase] ?? 0) + (f.at - previous.at);
    previous = f;
  }
  // Up to the final event: the work after the last phase change (e.g. migrate, audit, notify).
  out[previous.phase] = (out[previous.phase] ?? 0) + (events.at(-1)!.at - previous.at);
  return out;
}

/** count(*) of every table in one read-only snapshot, serially, as the backup's manifest does. */
async function countEveryTable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const { rows } = await client.query<{ name: string }>(
      "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    for (const { name } of rows) await client.query(`SELECT count(*) FROM ${name}`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export async function benchBackups(quick: boolean): Promise<BenchResult[]> {
  const size = quick ? { cars: 1_000, leads: 5_000, views: 80_000 } : { cars: 20_000, leads: 100_000, views: 2_000_000 };
  const name = quick ? 'kroi_bench_backups_quick' : 'kroi_bench_backups';
  const copy = `${name}_copy`;
  const url = await ensureDataset(name, size);
  const n = quick ? 2 : 3;
  const dir = path.join(tmpdir(), `kroi-bench-backups-${quick ? 'quick' : 'full'}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  // The bare restore's target: a copy of the same database, made while nobody is connected.
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(copy)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(copy)} TEMPLATE ${c.escapeIdentifier(name)}`);
  });
  const dbBytes = await admin(async (c) => Number((await c.query<{ b: string }>('SELECT pg_database_size($1) AS b', [name])).rows[0]!.b));

  const core: Core = await createCore(
    {
      appVersion: 'bench',
      userDataDir: dir,
      backupDir: dir,
      database: { mode: 'server', url },
      redis: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', password: null, keyPrefix: 'bench:' },
      pool: DEFAULT_POOL,
      background: false,
    },
    { logger: quietLogger() },
  );
  const progress: Progress[] = [];
  core.events.on('backup.progress', (p) => progress.push({ ...p, at: performance.now() }));
  const results: BenchResult[] = [];
  try {
    const superAdmin: BenchClient = await signedIn(core, 'SUPER_ADMIN');
    const totalRows = Number((await core.pool.query<{ n: string }>('SELECT sum(n_live_tup) AS n FROM pg_stat_user_tables')).rows[0]!.n);
    console.log(`database ${name}: ${(dbBytes / 2 ** 20).toFixed(0)} MB, about ${totalRows.toLocaleString('en-US')} rows; ${n} runs of each`);

    // Backups, alternating app and bare so neither always gets the warmer cache.
    const app: number[] = [];
    const bare: number[] = [];
    const appPhases: Record<string, number>[] = [];
    let archiveBytes = 0;
    let bareBytes = 0;
    let lastBackupId = '';
    const bareFile = path.join(dir, 'bare.dump');
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const { jobId, backupId } = await superAdmin.call('backups.run', { kind: 'FULL' });
      const events = await waitDone(progress, jobId);
      app.push(performance.now() - t0);
      appPhases.push(phaseTimes(events, t0));
      const done = events.at(-1)!;
      if (done.error) throw new Error(`backup failed: ${done.error}`);
      archiveBytes = done.bytes;
      // Only the newest archive is kept (disk space); the restore uses it.
      if (lastBackupId) await superAdmin.call('backups.delete', { id: lastBackupId });
      lastBackupId = backupId;

      const t1 = performance.now();
      await run('pg_dump', ['--host', '127.0.0.1', '--username', 'postgres', '--format=custom', '--compress=6', '--file', bareFile, name]);
      bare.push(performance.now() - t1);
      bareBytes = (await stat(bareFile)).size;
      console.log(`  backup ${i + 1}/${n}: app ${(app.at(-1)! / 1000).toFixed(1)} s, bare ${(bare.at(-1)! / 1000).toFixed(1)} s`);
    }
    results.push(
      withBaseline({ bench: 'backups.backup', ...summarize(app), rows: totalRows, db_mb: dbBytes / 2 ** 20, archive_mb: archiveBytes / 2 ** 20, bare_archive_mb: bareBytes / 2 ** 20 }, 'bare pg_dump -Fc -Z6', bare),
    );
    // The manifest's exact counts on their own (in the app they run beside pg_dump, in the same snapshot).
    const counting: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await countEveryTable(url);
      counting.push(performance.now() - t0);
    }
    results.push({ bench: 'backups.backup.manifest_counts', ...summarize(counting), rows: totalRows });
    for (const phase of ['call', 'starting', 'dumping', 'verifying', 'done']) {
      const samples = appPhases.map((p) => p[phase] ?? 0);
      if (samples.some((s) => s > 0)) results.push({ bench: `backups.backup.phase.${phase}`, ...summarize(samples) });
    }

    // Restores: the app into the live database, bare into the copy.
    const appRestore: number[] = [];
    const bareRestore: number[] = [];
    const restorePhases: Record<string, number>[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const { jobId } = await superAdmin.call('backups.restore', { id: lastBackupId, confirmDatabase: name });
      const events = await waitDone(progress, jobId);
      appRestore.push(performance.now() - t0);
      restorePhases.push(phaseTimes(events, t0));
      const done = events.at(-1)!;
      if (done.error) throw new Error(`restore failed: ${done.error}`);
      // The safety backup each restore makes is not kept (disk space).
      for (const b of await superAdmin.call('backups.list', {})) if (b.kind === 'SAFETY') await superAdmin.call('backups.delete', { id: b.id });

      const t1 = performance.now();
      await run('pg_restore', ['--host', '127.0.0.1', '--username', 'postgres', '--dbname', copy, '--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', bareFile]);
      bareRestore.push(performance.now() - t1);
      console.log(`  restore ${i + 1}/${n}: app ${(appRestore.at(-1)! / 1000).toFixed(1)} s, bare ${(bareRestore.at(-1)! / 1000).toFixed(1)} s`);
    }
    results.push(withBaseline({ bench: 'backups.restore', ...summarize(appRestore), rows: totalRows, db_mb: dbBytes / 2 ** 20 }, 'bare pg_restore --clean --single-transaction', bareRestore));
    const phaseNames = [...new Set(restorePhases.flatMap((p) => Object.keys(p)))];
    for (const phase of phaseNames) {
      results.push({ bench: `backups.restore.phase.${phase}`, ...summarize(restorePhases.map((p) => p[phase] ?? 0)) });
    }
    await superAdmin.call('backups.delete', { id: lastBackupId });
  } finally {
    await core.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(copy)} WITH (FORCE)`)).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
