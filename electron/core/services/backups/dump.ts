// One pg_dump run: custom format (or plain SQL through gzip), from an exported snapshot so
// the manifest's row counts describe exactly what the archive holds; written under a
// temporary name, verified, and only then renamed. A cancelled or failed run leaves no file.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { devNull } from 'node:os';
import pg from 'pg';
import { connectionArgs, parseTarget, passFileEnv, toolEnv } from './pg-connection';

export interface DumpProgress {
  phase: 'dumping' | 'verifying' | 'done';
  tables: number;
  totalTables: number;
  bytes: number;
}

export interface DumpResult {
  sizeBytes: number;
  sha256: string;
  manifest: Record<string, number>;
  serverVersion: string;
}

export class DumpCancelled extends Error {
  constructor() {
    super('The backup was cancelled.');
    this.name = 'DumpCancelled';
  }
}

export { waitFor };

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Exit code and the tail of stderr of a child process, rejecting on cancel. */
function waitFor(child: ReturnType<typeof spawn>, signal: AbortSignal, onLine: (line: string) => void): Promise<{ code: number | null; stderr: string; killedBy: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    let buffer = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        onLine(line);
        if (!/^pg_dump: (dumping|reading|identifying|saving|finding|flagging|last built-in|processing)/.test(line)) stderr = (stderr + line + '\n').slice(-4000);
      }
    });
    const abort = () => child.kill('SIGTERM');
    // A signal aborted before the spawn fires no event: stop the tool at once.
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    child.once('error', reject);
    child.once('close', (code, killedBy) => {
      signal.removeEventListener('abort', abort);
      if (signal.aborted) reject(new DumpCancelled());
      else resolve({ code, stderr, killedBy });
    });
  });
}

export async function dumpDatabase(opts: {
  url: string;
  pgDump: string;
  target: string;
  format: 'custom' | 'plain-gzip';
  signal: AbortSignal;
  onProgress: (p: DumpProgress) => void;
  /** How long to wait for another session's lock on a table before failing (ms). */
  lockTimeoutMs?: number;
}): Promise<DumpResult> {
  const temp = `${opts.target}.partial`;
  const conn = parseTarget(opts.url);
  const snapshotClient = new pg.Client({ connectionString: opts.url, application_name: 'kroi-desktop-backup' });
  snapshotClient.on('error', () => undefined);
  const pass = await passFileEnv(conn);
  let sizeTimer: NodeJS.Timeout | null = null;
  let gzipDone: Promise<void> | null = null;
  try {
    await snapshotClient.connect();
    await snapshotClient.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (opts.lockTimeoutMs) await snapshotClient.query(`SET LOCAL lock_timeout = ${Math.round(opts.lockTimeoutMs)}`);
    // The manifest is counted beside pg_dump: parallel workers would only take its cores.
    await snapshotClient.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const snapshot = (await snapshotClient.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const serverVersion = (await snapshotClient.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    const { rows: tables } = await snapshotClient.query<{ name: string }>(
      "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
    );
    const progress: DumpProgress = { phase: 'dumping', tables: 0, totalTables: tables.length, bytes: 0 };
    if (opts.signal.aborted) throw new DumpCancelled();

    // The archive holds password hashes and customers' details: only this user may read it.
    await writeFile(temp, '', { mode: 0o600 });
    const args = ['--verbose', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, ...connectionArgs(conn), '--dbname', conn.database];
    if (opts.lockTimeoutMs) args.push(`--lock-wait-timeout=${Math.round(opts.lockTimeoutMs)}`);
    if (opts.format === 'custom') args.push('--format=custom', '--compress=6', '--file', temp);
    else args.push('--format=plain');
    const child = spawn(opts.pgDump, args, { env: pass.env, stdio: ['ignore', opts.format === 'custom' ? 'ignore' : 'pipe', 'pipe'] });
    gzipDone = opts.format === 'plain-gzip' ? pipeline(child.stdout!, createGzip({ level: 6 }), createWriteStream(temp, { mode: 0o600 })) : null;
    gzipDone?.catch(() => undefined);
    opts.onProgress({ ...progress });
    sizeTimer = setInterval(() => {
      void stat(temp).then(
        (s) => {
          progress.bytes = s.size;
          opts.onProgress({ ...progress });
        },
        () => undefined,
      );
    }, 250);

    // The manifest's exact row counts are read from the same snapshot while pg_dump runs,
    // so they cost no extra wall time beyond the dump itself.
    const manifest: Record<string, number> = {};
    let dumpFailed = false;
    const counting = (async () => {
      for (const { name } of tables) {
        if (opts.signal.aborted || dumpFailed) return;
        manifest[name] = Number((await snapshotClient.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]!.n);
      }
    })();
    // A count that fails (lock timeout, lost connection) ends the dump too.
    counting.catch(() => child.kill('SIGTERM'));
    const dumping = waitFor(child, opts.signal, (line) => {
      if (/dumping contents of table/.test(line)) {
        progress.tables++;
        opts.onProgress({ ...progress });
      }
    }).then(
      (result) => {
        dumpFailed = result.code !== 0;
        return result;
      },
      (error: unknown) => {
        dumpFailed = true;
        throw error;
      },
    );
    const [dumped, counted] = await Promise.allSettled([dumping, counting]);
    await gzipDone;
    if (opts.signal.aborted) throw new DumpCancelled();
    if (counted.status === 'rejected') throw new Error(`Counting the rows for the backup's manifest failed: ${(counted.reason as Error).message}`);
    if (dumped.status === 'rejected') throw dumped.reason;
    const { code, stderr, killedBy } = dumped.value;
    if (code !== 0) {
      const said = stderr.trim().split('\n').slice(-3).join(' ');
      throw new Error(`pg_dump failed (${killedBy ? `stopped by ${killedBy}` : `exit ${code}`})${said ? `: ${said}` : '.'}`);
    }
    clearInterval(sizeTimer);
    sizeTimer = null;

    progress.phase = 'verifying';
    const size = (await stat(temp)).size;
    progress.bytes = size;
    opts.onProgress({ ...progress });
    const sha256 = await sha256File(temp);
    await rename(temp, opts.target);
    progress.phase = 'done';
    opts.onProgress({ ...progress });
    return { sizeBytes: size, sha256, manifest, serverVersion };
  } catch (error) {
    if (sizeTimer) clearInterval(sizeTimer);
    // The writer must have closed the file before it can be removed (Windows refuses otherwise).
    await gzipDone?.catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  } finally {
    if (sizeTimer) clearInterval(sizeTimer);
    await snapshotClient.query('COMMIT').catch(() => undefined);
    await snapshotClient.end().catch(() => undefined);
    await pass.dispose();
  }
}

/**
 * Reads the archive's table of contents and, unless `readData` is false, every data block
 * too (restoring into a script that is thrown away): a truncated or corrupted file fails.
 */
export async function listArchive(opts: { pgRestore: string; file: string; signal?: AbortSignal; readData?: boolean }): Promise<{ ok: boolean; entries: number; tables: string[]; toc: string; error: string | null }> {
  const signal = opts.signal ?? new AbortController().signal;
  if (opts.readData !== false) {
    const full = spawn(opts.pgRestore, ['--file', devNull, opts.file], { env: toolEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    const read = await waitFor(full, signal, () => undefined);
    if (read.code !== 0) return { ok: false, entries: 0, tables: [], toc: '', error: read.stderr.trim().split('\n').slice(-2).join(' ') || `pg_restore exited ${read.code}` };
  }
  const child = spawn(opts.pgRestore, ['--list', opts.file], { env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  const { code, stderr } = await waitFor(child, signal, () => undefined);
  if (code !== 0) return { ok: false, entries: 0, tables: [], toc: '', error: stderr.trim().split('\n').slice(-2).join(' ') || `pg_restore exited ${code}` };
  const lines = out.split('\n').filter((l) => /^\d+;/.test(l));
  const tables = lines.map((l) => /TABLE DATA (\S+) (\S+) /.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => `${m[1]}.${m[2]}`);
  return { ok: true, entries: lines.length, tables, toc: out, error: null };
}
