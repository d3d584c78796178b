// "Copy the built-in data to the server": pg_dump of the database in use (custom format,
// from one snapshot) → pg_restore --single-transaction into the target, then the target's
// row counts are checked against the dump's manifest. A failure leaves the target as it was.
// Tables in the target that already hold rows are replaced only when the admin confirmed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ChannelParsed } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { EventBus } from '../../api/events';
import type { Principal } from '../../api/router';
import { serverUrl } from '../../config';
import type { Db } from '../../db/prisma';
import type { Logger } from '../../logger';
import { record } from '../audit';
import { DumpCancelled, dumpDatabase, waitFor } from '../backups/dump';
import { connectionArgs, parseTarget, passFileEnv } from '../backups/pg-connection';
import { candidateDirs, chooseTool, type PgTool } from '../backups/pg-tools';
import { tableCounts } from '../backups/restore';
import type { ConnectionService } from './connection';
import { sameDatabase, describeDatabase } from './connection';
import { DB_CONNECT_TIMEOUT_MS, databaseProblem, scrub, tablesHoldingRows } from './probe';

export interface CopyDeps {
  db: Db;
  pool: pg.Pool;
  events: EventBus;
  logger: Logger;
  url: string;
  resourcesDir: string | null;
  connection: ConnectionService;
}

const TOOLS_DIR_KEY = 'backup.toolsDir';

export function createCopyToServer(deps: CopyDeps) {
  let running: AbortController | null = null;

  const progress = (jobId: string, phase: string, tables = 0, bytes = 0, done = false, error: string | null = null) =>
    deps.events.emit('backup.progress', { jobId, phase, tables, bytes, done, error });

  async function tool(name: PgTool, serverMajor: number): Promise<string> {
    const row = await deps.db.systemConfig.findUnique({ where: { key: TOOLS_DIR_KEY } });
    const configuredDir = typeof row?.value === 'string' ? row.value : null;
    return (await chooseTool(name, candidateDirs({ configuredDir, resourcesDir: deps.resourcesDir }), serverMajor)).path;
  }

  /** Connects to the target; what is there already and its major version. */
  async function inspect(url: string, target: ChannelParsed<'settings.copyToServer'>['target'], password: string | null) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS, query_timeout: 10_000, application_name: 'kroi-desktop-copy' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const major = Math.floor(Number((await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10000);
      return { major, withRows: await tablesHoldingRows(client, await deps.connection.appTables()) };
    } catch (error) {
      throw new AppError('UNAVAILABLE', databaseProblem(error, target, password));
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Checks the target and the tools before anything is written. */
  async function prepare(input: ChannelParsed<'settings.copyToServer'>) {
    const { password: typed, ...target } = input.target;
    const password = await deps.connection.databasePassword(target, typed);
    const targetUrl = serverUrl(target, password);
    const { major, withRows } = await inspect(targetUrl, target, password);
    if (withRows.length && !input.confirm) {
      throw new AppError('CONFLICT', `The target already holds app data (${withRows.slice(0, 6).join(', ')}${withRows.length > 6 ? ' …' : ''}). Confirm to replace it.`, { details: { tablesWithRows: withRows } });
    }
    const sourceMajor = Math.floor(Number((await deps.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10000);
    const pgDump = await tool('pg_dump', sourceMajor);
    const pgRestore = await tool('pg_restore', Math.max(sourceMajor, major));
    return { target, password, targetUrl, withRows, pgDump, pgRestore };
  }

  async function start(input: ChannelParsed<'settings.copyToServer'>, actor: Principal): Promise<{ jobId: string }> {
    if (sameDatabase(input.target, describeDatabase(deps.url))) {
      throw new AppError('VALIDATION', 'That is the database the app uses now: choose another one to copy to.', { fields: { 'target.host': 'The same database as now.' } });
    }
    if (running) throw new AppError('CONFLICT', 'A copy is already running.');
    // Taken before the first await, so two clicks cannot start two copies.
    const controller = new AbortController();
    running = controller;
    let prepared;
    try {
      prepared = await prepare(input);
    } catch (error) {
      running = null;
      throw error;
    }
    const { target, password, targetUrl, withRows, pgDump, pgRestore } = prepared;
    const jobId = `copy-${randomBytes(6).toString('hex')}`;
    progress(jobId, 'starting');
    void (async () => {
      let dir: string | null = null;
      let restored = false;
      try {
        dir = await mkdtemp(path.join(os.tmpdir(), 'kroi-copy-'));
        const file = path.join(dir, 'copy.dump');
        const dumped = await dumpDatabase({
          url: deps.url,
          pgDump,
          target: file,
          format: 'custom',
          signal: controller.signal,
          onProgress: (p) => progress(jobId, p.phase === 'done' ? 'dumped' : p.phase, p.tables, p.bytes),
        });
        progress(jobId, 'restoring', Object.keys(dumped.manifest).length, dumped.sizeBytes);
        const conn = parseTarget(targetUrl);
        const pass = await passFileEnv(conn);
        try {
          const args = [...connectionArgs(conn), '--dbname', conn.database, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(withRows.length ? ['--clean', '--if-exists'] : []), file];
          const child = spawn(pgRestore, args, { env: pass.env, stdio: ['ignore', 'ignore', 'pipe'] });
          const { code, stderr } = await waitFor(child, controller.signal, () => undefined);
          if (code !== 0) throw new Error(`pg_restore failed: ${stderr.trim().split('\n').slice(-3).join(' ') || `exit ${code}`}`);
        } finally {
          await pass.dispose();
        }
        restored = true;
        progress(jobId, 'comparing', Object.keys(dumped.manifest).length, dumped.sizeBytes);
        const counts = await tableCounts(targetUrl);
        const wrong = Object.entries(dumped.manifest).filter(([t, n]) => counts[t] !== n);
        if (wrong.length) throw new Error(`The copy does not match: ${wrong.slice(0, 5).map(([t, n]) => `${t} has ${counts[t] ?? 'no table'} rows, expected ${n}`).join('; ')}.`);
        await record(deps.db, { userId: actor.userId, action: 'settings.copyToServer', entityType: 'Settings', entityId: 'connection', metadata: { host: target.host, port: target.port, database: target.database, replaced: withRows } });
        progress(jobId, 'done', Object.keys(dumped.manifest).length, dumped.sizeBytes, true);
      } catch (error) {
        const outcome = restored ? 'The copy on the server is not complete: do not switch to it.' : 'The server is unchanged.';
        const message = error instanceof DumpCancelled ? `Cancelled. ${outcome}` : `${scrub((error as Error).message, password)} ${outcome}`;
        if (!(error instanceof DumpCancelled) && !(error instanceof AppError)) deps.logger.warn('copy to server failed', { message });
        progress(jobId, 'failed', 0, 0, true, message);
      } finally {
        running = null;
        if (dir) await rm(dir, { recursive: true, force: true });
      }
    })();
    return { jobId };
  }

  return {
    start,
    stop(): void {
      running?.abort();
    },
  };
}
