// Restoring: first into a scratch database that is checked (every table of the archive
// there, row counts equal to the manifest), then into the live database with
// pg_restore --clean --single-transaction, so a failure at any point leaves the live data
// as it was. A plain SQL file is loaded into the scratch database by psql under \restrict
// (its backslash commands refused) and turned into a custom archive first. The kept tables
// (kept-tables.ts) are set aside just before the live step and put back after it.
// The caller holds the restore lock (restore-lock.ts): no other restore runs meanwhile.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { AppError } from '../../api/errors';
import { listWithoutSchema } from './archive-list';
import { DumpCancelled, dumpDatabase, listArchive, waitFor } from './dump';
import { keptTablesReplaced, saveKept, settleKept, SIDE_SCHEMA, type KeptTable } from './kept-tables';
import { connectionArgs, parseTarget, passFileEnv, withDatabase, type PgTarget } from './pg-connection';
import { restrictedSql } from './plain-sql';

export interface RestoreTools {
  pgRestore: string;
  pgDump: string;
  psql: string;
}

export type RestorePhase = 'checking' | 'scratch' | 'comparing' | 'restoring' | 'verifying' | 'done';

async function adminClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'kroi-desktop-restore' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Row counts of every user table of a database. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = await adminClient(url);
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) counts[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

/** How long a tool may wait for another session's lock before it gives up (ms). */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/**
 * Stops a tool's session that waits longer than `lockTimeoutMs` for a lock another session
 * holds. pg_restore and pg_dump's scripts begin with "SET lock_timeout = 0", which overrides
 * any lock_timeout given at connection time, so the wait is watched from outside.
 * Resolves with what blocked it, or null, once `until` settles.
 */
async function watchLocks(opts: { url: string; applicationName: string; lockTimeoutMs: number; until: Promise<unknown> }): Promise<string | null> {
  const client = new pg.Client({ connectionString: opts.url, application_name: 'kroi-desktop-restore-watch', connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  let finished = false;
  void opts.until.finally(() => {
    finished = true;
  });
  try {
    await client.connect();
    const every = Math.min(250, Math.max(20, Math.round(opts.lockTimeoutMs / 4)));
    while (!finished) {
      const { rows } = await client.query<{ pid: number; ms: number; blockers: string | null }>(
        `SELECT a.pid, extract(epoch FROM now() - min(coalesce(l.waitstart, now()))) * 1000 AS ms,
                (SELECT string_agg(format('%s (%s, process %s)', coalesce(nullif(b.application_name, ''), 'a session'), coalesce(host(b.client_addr), 'this server'), b.pid), ', ')
                   FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid))) AS blockers
           FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
          WHERE a.application_name = $1
          GROUP BY a.pid`,
        [opts.applicationName],
      );
      const stuck = rows.find((r) => Number(r.ms) > opts.lockTimeoutMs);
      if (stuck) {
        await client.query('SELECT pg_cancel_backend($1)', [stuck.pid]);
        return `it waited more than ${(opts.lockTimeoutMs / 1000).toFixed(1)} s for a table that another session is using${stuck.blockers ? `: ${stuck.blockers}` : ''}. Try again when the other computers are idle`;
      }
      await new Promise((r) => setTimeout(r, every));
    }
    return null;
  } catch {
    // Without the watch the tool still runs; it may only wait longer.
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function runTool(
  file: string,
  args: string[],
  target: PgTarget,
  signal: AbortSignal,
  opts: { lockTimeoutMs: number; feed?: (stdin: Writable) => Promise<void>; watchUrl?: string },
): Promise<void> {
  const pass = await passFileEnv(target);
  try {
    // A name of this run's own, so the lock watch finds exactly its session.
    const applicationName = `kroi-desktop-restore-${randomBytes(4).toString('hex')}`;
    pass.env.PGAPPNAME = applicationName;
    const child = spawn(file, args, { env: pass.env, stdio: [opts.feed ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    // A tool that stops early (an error in the file) closes its stdin: the exit code says why, not EPIPE.
    const fed = opts.feed && child.stdin ? opts.feed(child.stdin).then(() => null, (e: Error) => e) : Promise.resolve(null);
    const exited = waitFor(child, signal, () => undefined);
    const watched = opts.watchUrl ? watchLocks({ url: opts.watchUrl, applicationName, lockTimeoutMs: opts.lockTimeoutMs, until: exited.catch(() => undefined) }) : Promise.resolve(null);
    const { code, stderr } = await exited;
    const [feedError, blocked] = await Promise.all([fed, watched]);
    if (code !== 0 && blocked) throw new AppError('UNAVAILABLE', `The restore was stopped because ${blocked}.`);
    if (code !== 0) throw new Error(stderr.trim().split('\n').filter((l) => !/^\s*$/.test(l)).slice(-3).join(' ') || `${file} exited ${code}`);
    if (feedError) throw new AppError('VALIDATION', `The backup file could not be read to the end: ${feedError.message}`);
  } finally {
    await pass.dispose();
  }
}

function restoreArgs(target: PgTarget, database: string, file: string, clean: boolean, listFile: string | null = null): string[] {
  return [
    ...connectionArgs(target),
    '--dbname',
    database,
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    ...(clean ? ['--clean', '--if-exists'] : []),
    ...(listFile ? ['--use-list', listFile] : []),
    file,
  ];
}

/** Where scratch databases are created: the superuser of the embedded server, or the app's role (needs CREATEDB). */
export interface ScratchPlace {
  url: string;
}

/**
 * Runs `fn` on a new, empty scratch database. Dropping it forces a checkpoint (seconds on a
 * busy server), so unless `drops` is omitted the drop goes on in the background and its
 * promise is put there for the caller to await when it has nothing else to do.
 */
async function withScratch<T>(place: ScratchPlace, fn: (scratchUrl: string, target: PgTarget) => Promise<T>, drops?: Promise<void>[]): Promise<T> {
  const name = `kroi_restore_check_${randomBytes(4).toString('hex')}`;
  const admin = await adminClient(place.url);
  let dropping: Promise<void> | null = null;
  try {
    try {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    } catch (error) {
      throw new AppError('UNAVAILABLE', `A scratch database for checking the backup could not be created (${(error as Error).message}). Give the app's database role the CREATEDB right, or ask the administrator.`);
    }
    const target = withDatabase(parseTarget(place.url), name);
    const url = new URL(place.url);
    url.pathname = `/${name}`;
    return await fn(url.toString(), target);
  } finally {
    dropping = admin
      .query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => admin.end().catch(() => undefined));
    if (drops) drops.push(dropping);
    else await dropping;
  }
}

/** True for a gzip file (by its magic bytes, not its name). */
async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Loads a plain SQL (.sql or .sql.gz) into a scratch database under \restrict, then dumps it
 * as a custom archive; returns that archive's row counts.
 */
export async function plainToArchive(opts: { file: string; tools: RestoreTools; scratch: ScratchPlace; target: string; signal: AbortSignal; lockTimeoutMs: number }): Promise<Record<string, number>> {
  const gzip = await isGzip(opts.file);
  return withScratch(opts.scratch, async (scratchUrl, target) => {
    const key = randomBytes(24).toString('hex');
    const feed = (stdin: Writable) =>
      gzip ? pipeline(createReadStream(opts.file), createGunzip(), restrictedSql(key), stdin) : pipeline(createReadStream(opts.file), restrictedSql(key), stdin);
    await runTool(opts.tools.psql, [...connectionArgs(target), '--dbname', target.database, '-X', '--quiet', '--single-transaction', '-v', 'ON_ERROR_STOP=1', '--file', '-'], target, opts.signal, {
      lockTimeoutMs: opts.lockTimeoutMs,
      feed,
    });
    const dumped = await dumpDatabase({ url: scratchUrl, pgDump: opts.tools.pgDump, target: opts.target, format: 'custom', signal: opts.signal, onProgress: () => undefined });
    return dumped.manifest;
  });
}

export async function restoreArchive(opts: {
  liveUrl: string;
  scratch: ScratchPlace;
  tools: RestoreTools;
  file: string;
  manifest: Record<string, number> | null;
  /** Tables whose rows come from the live database, not the backup (see kept-tables.ts). */
  keepTables: readonly KeptTable[];
  signal: AbortSignal;
  lockTimeoutMs: number;
  onPhase: (phase: RestorePhase) => void;
  /** Runs after the check, before the live data is touched (the safety backup). */
  beforeLive: () => Promise<void>;
  /** Runs as soon as the live data has been replaced: from then on, a failure does not leave it unchanged. */
  onLiveReplaced: () => void;
}): Promise<void> {
  // A side schema left by a restore that crashed: its rows are put where they belong first
  // (the audit entries it holds may exist nowhere else), then it is dropped.
  await settleKept(opts.liveUrl, opts.keepTables, opts.lockTimeoutMs, 'leftover');
  const drops: Promise<void>[] = [];
  try {
    await restoreChecked(opts, drops);
  } finally {
    await Promise.all(drops);
  }
}

async function restoreChecked(opts: Parameters<typeof restoreArchive>[0], drops: Promise<void>[]): Promise<void> {
  opts.onPhase('checking');
  // The table of contents only: the scratch restore below reads every data block anyway.
  const listing = await listArchive({ pgRestore: opts.tools.pgRestore, file: opts.file, signal: opts.signal, readData: false });
  if (!listing.ok) throw new AppError('VALIDATION', `The backup file is damaged and cannot be restored: ${listing.error}`);

  opts.onPhase('scratch');
  await withScratch(
    opts.scratch,
    async (scratchUrl, target) => {
      try {
        await runTool(opts.tools.pgRestore, restoreArgs(target, target.database, opts.file, false), target, opts.signal, { lockTimeoutMs: opts.lockTimeoutMs });
      } catch (error) {
        if (error instanceof DumpCancelled || error instanceof AppError) throw error;
        throw new AppError('VALIDATION', `The backup is damaged or incomplete: restoring it into a scratch database for checking failed (${(error as Error).message}).`);
      }
      opts.onPhase('comparing');
      const counts = await tableCounts(scratchUrl);
      const missing = listing.tables.filter((t) => !(t in counts) && !(t.replace(/"/g, '') in counts));
      if (missing.length) throw new AppError('VALIDATION', `The restored copy lacks tables the backup lists: ${missing.join(', ')}.`);
      if (opts.manifest) {
        const wrong = Object.entries(opts.manifest).filter(([table, n]) => counts[table] !== n);
        if (wrong.length) {
          throw new AppError('VALIDATION', `The restored copy does not match the backup's manifest: ${wrong.map(([t, n]) => `${t} has ${counts[t] ?? 'no table'} rows, expected ${n}`).slice(0, 5).join('; ')}.`);
        }
      }
    },
    drops,
  );

  const list = await listWithoutSchema(listing.toc, SIDE_SCHEMA);
  try {
    await opts.beforeLive();
    opts.onPhase('restoring');
    await restoreLive(opts, list?.path ?? null);
  } finally {
    await list?.dispose();
  }
  opts.onPhase('done');
}

async function restoreLive(opts: Parameters<typeof restoreArchive>[0], listFile: string | null): Promise<void> {
  const live = parseTarget(opts.liveUrl);
  // As late as possible: a row written to a kept table after this copy and before pg_restore
  // drops the table is not kept.
  await saveKept(opts.liveUrl, opts.keepTables, opts.lockTimeoutMs);
  try {
    await runTool(opts.tools.pgRestore, restoreArgs(live, live.database, opts.file, true, listFile), live, opts.signal, { lockTimeoutMs: opts.lockTimeoutMs, watchUrl: opts.liveUrl });
  } catch (error) {
    // A cancel that lands just after pg_restore's commit still leaves the data replaced:
    // the kept tables' OIDs tell. Otherwise the live data is as it was: drop the copy.
    if (!(await keptTablesReplaced(opts.liveUrl).catch(() => false))) {
      await settleKept(opts.liveUrl, opts.keepTables, opts.lockTimeoutMs, 'after-live-step').catch(() => undefined); // a copy left here is settled by the next restore
      throw error;
    }
  }
  opts.onLiveReplaced();
  opts.onPhase('verifying');
  await settleKept(opts.liveUrl, opts.keepTables, opts.lockTimeoutMs, 'after-live-step');
}
