// Restoring: first into a scratch database that is checked (every table of the archive
// there, row counts equal to the manifest), then into the live database with
// pg_restore --clean --single-transaction, so a failure at any point leaves the live data
// as it was. A plain SQL file is loaded into the scratch database by psql under \restrict
// (its backslash commands refused) and turned into a custom archive first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { AppError } from '../../api/errors';
import { dumpDatabase, listArchive, waitFor } from './dump';
import { connectionArgs, parseTarget, passFileEnv, withDatabase, type PgTarget } from './pg-connection';

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

async function runTool(file: string, args: string[], target: PgTarget, signal: AbortSignal, stdin?: NodeJS.ReadableStream): Promise<void> {
  const pass = await passFileEnv(target);
  try {
    // Waiting for other PCs' locks is bounded: a restore that cannot get them fails cleanly.
    pass.env.PGOPTIONS = '-c lock_timeout=30000';
    const child = spawn(file, args, { env: pass.env, stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    if (stdin && child.stdin) stdin.pipe(child.stdin);
    const { code, stderr } = await waitFor(child, signal, () => undefined);
    if (code !== 0) throw new Error(stderr.trim().split('\n').filter((l) => !/^\s*$/.test(l)).slice(-3).join(' ') || `${file} exited ${code}`);
  } finally {
    await pass.dispose();
  }
}

function restoreArgs(target: PgTarget, database: string, file: string, clean: boolean): string[] {
  return [...connectionArgs(target), '--dbname', database, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(clean ? ['--clean', '--if-exists'] : []), file];
}

/** Where scratch databases are created: the superuser of the embedded server, or the app's role (needs CREATEDB). */
export interface ScratchPlace {
  url: string;
}

async function withScratch<T>(place: ScratchPlace, fn: (scratchUrl: string, target: PgTarget) => Promise<T>): Promise<T> {
  const name = `kroi_restore_check_${randomBytes(4).toString('hex')}`;
  const admin = await adminClient(place.url);
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
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Loads a plain SQL (.sql or .sql.gz) into the scratch database under \restrict, then dumps it as a custom archive. */
export async function plainToArchive(opts: { file: string; tools: RestoreTools; scratch: ScratchPlace; target: string; signal: AbortSignal }): Promise<Record<string, number>> {
  return withScratch(opts.scratch, async (scratchUrl, target) => {
    const key = randomBytes(16).toString('hex');
    const { PassThrough } = await import('node:stream');
    const input = new PassThrough();
    // \restrict first: any backslash command the file carries (\! and friends) is refused.
    input.write(`\\restrict ${key}\n`);
    const source = createReadStream(opts.file);
    const body = opts.file.endsWith('.gz') ? source.pipe(createGunzip()) : source;
    body.on('error', (e: Error) => input.destroy(e));
    body.pipe(input);
    await runTool(opts.tools.psql, [...connectionArgs(target), '--dbname', target.database, '-X', '--quiet', '--single-transaction', '-v', 'ON_ERROR_STOP=1', '--file', '-'], target, opts.signal, input);
    await dumpDatabase({ url: scratchUrl, pgDump: opts.tools.pgDump, target: opts.target, format: 'custom', signal: opts.signal, onProgress: () => undefined });
    return tableCounts(scratchUrl);
  });
}

export async function restoreArchive(opts: {
  liveUrl: string;
  scratch: ScratchPlace;
  tools: RestoreTools;
  file: string;
  manifest: Record<string, number> | null;
  /** Tables whose rows the live database keeps (the backup list itself). */
  keepTables: string[];
  signal: AbortSignal;
  onPhase: (phase: RestorePhase) => void;
  /** Runs after the check, before the live data is touched (the safety backup). */
  beforeLive: () => Promise<void>;
  /** Re-inserts the kept tables' rows in the restored database. */
  afterLive: (client: pg.Client) => Promise<void>;
}): Promise<{ counts: Record<string, number> }> {
  opts.onPhase('checking');
  const listing = await listArchive({ pgRestore: opts.tools.pgRestore, file: opts.file, signal: opts.signal });
  if (!listing.ok) throw new AppError('VALIDATION', `The backup file is damaged and cannot be restored: ${listing.error}`);

  opts.onPhase('scratch');
  await withScratch(opts.scratch, async (scratchUrl, target) => {
    await runTool(opts.tools.pgRestore, restoreArgs(target, target.database, opts.file, false), target, opts.signal);
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
  });

  await opts.beforeLive();
  opts.onPhase('restoring');
  const live = parseTarget(opts.liveUrl);
  await runTool(opts.tools.pgRestore, restoreArgs(live, live.database, opts.file, true), live, opts.signal);

  opts.onPhase('verifying');
  const client = await adminClient(opts.liveUrl);
  try {
    await opts.afterLive(client);
  } finally {
    await client.end();
  }
  const counts = await tableCounts(opts.liveUrl);
  opts.onPhase('done');
  return { counts };
}

export async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true });
}
