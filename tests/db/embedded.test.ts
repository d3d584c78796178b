// The built-in PostgreSQL 16 of a new install: created in the data folder, keeps its data
// across restarts, refuses a second server on the same folder, and the core runs on it
// as a non-superuser with every migration applied.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_APP_ROLE, EmbeddedDatabaseError, startEmbedded, type EmbeddedServer } from '../../electron/core/db/embedded';
import { DEFAULT_MIGRATIONS_DIR, migrate, readMigrations } from '../../electron/core/db/migrator';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { expectSeedSchema, readSchemaFacts } from './fixtures/schema';

// initdb and the first start take several seconds.
const SLOW = 90_000;

const ALL = (await readMigrations(DEFAULT_MIGRATIONS_DIR)).map((m) => m.name);

const dataDirs: string[] = [];
const running: ({ stop(): Promise<void> } | { close(): Promise<void> })[] = [];

/** A folder that does not exist yet, as on a first start: startEmbedded creates it. */
function freshDataDir(): string {
  const dir = path.join(tmpdir(), `kroi-embedded-test-${randomBytes(6).toString('hex')}`);
  dataDirs.push(dir);
  return dir;
}

afterAll(async () => {
  // Whatever a failed test left running; stop() twice is harmless.
  for (const r of running) await ('stop' in r ? r.stop() : r.close()).catch(() => undefined);
  // Owned by the postgres user when run as root; root removes them anyway.
  await Promise.all(dataDirs.map((d) => rm(d, { recursive: true, force: true })));
}, SLOW);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** True if something accepts TCP connections on the loopback port. */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** The refusal of a start, or null if it started (then it is stopped at the end). */
async function refusal(start: Promise<EmbeddedServer>): Promise<EmbeddedDatabaseError | null> {
  return start.then(
    (server) => {
      running.push(server);
      return null;
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(EmbeddedDatabaseError);
      return e as EmbeddedDatabaseError;
    },
  );
}

// One data folder through its life; each step starts where the previous one stopped.
describe('startEmbedded on one data folder', () => {
  const dataDir = freshDataDir();
  const secret = randomBytes(32).toString('hex');
  const start = () => startEmbedded({ dataDir, secret, logger: quietLogger() });

  it(
    'creates the cluster on first start; the app migrates and writes to it',
    async () => {
      const server = await start();
      running.push(server);
      expect(await migrate(server.url)).toEqual({ applied: ALL, current: ALL.at(-1) });
      await query(server.url, 'INSERT INTO system_config (key, value, updated_at) VALUES ($1, $2, now())', ['embedded.probe', JSON.stringify({ written: 'before restart' })]);
      await server.stop();
      expect(await portOpen(server.port)).toBe(false);
    },
    SLOW,
  );

  it(
    'a port already taken fails with START_FAILED at once instead of hanging',
    async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        const error = await refusal(startEmbedded({ dataDir, secret, logger: quietLogger(), port }));
        expect(error?.problem).toBe('START_FAILED');
        expect(error?.message).toMatch(/could not (bind|create)/i);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    // Generous but far below a hang: the failed start must not wait for a dead process.
    20_000,
  );

  it(
    'keeps the data across a restart, and the app role is not a superuser',
    async () => {
      const server = await start();
      running.push(server);
      expect(await query(server.url, 'SELECT value FROM system_config WHERE key = $1', ['embedded.probe'])).toEqual([{ value: { written: 'before restart' } }]);
      // The server's permissions are the last line, not the app's checks.
      expect(await query(server.url, 'SELECT current_user AS role, rolsuper FROM pg_roles WHERE rolname = current_user')).toEqual([{ role: EMBEDDED_APP_ROLE, rolsuper: false }]);
      expect((await migrate(server.url)).applied).toEqual([]);

      // A second copy of the app on the same folder would corrupt it.
      const error = await refusal(start());
      expect(error?.problem).toBe('ALREADY_RUNNING');
      expect(error?.message).toMatch(/already in use by another running copy of the app/);
      expect(error?.message).toContain(dataDir);
      // The refusal did not disturb the running server.
      expect(await query(server.url, 'SELECT count(*)::int AS n FROM system_config')).toEqual([{ n: 1 }]);

      await server.stop();
      expect(await portOpen(server.port)).toBe(false);
    },
    SLOW,
  );

  it(
    'two copies starting at the same moment: exactly one runs, the other gets ALREADY_RUNNING',
    async () => {
      // Both pass the postmaster.pid check before either server has written it, so the
      // loser is stopped by PostgreSQL's own lock file.
      const results = await Promise.all([refusal(start()), refusal(start())]);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      const error = results.find((r) => r !== null);
      expect(error?.problem).toBe('ALREADY_RUNNING');
      expect(error?.message).toContain(dataDir);
      const winner = running.at(-1) as EmbeddedServer;
      expect(await query(winner.url, 'SELECT count(*)::int AS n FROM system_config')).toEqual([{ n: 1 }]);
      await winner.stop();
    },
    20_000,
  );
});

describe('createCore in embedded mode', () => {
  it(
    'starts PostgreSQL 16, applies every migration, runs as a non-superuser and stops it on close',
    async () => {
      const dataDir = freshDataDir();
      const core: Core = await createCore(
        {
          appVersion: 'test',
          userDataDir: dataDir,
          database: { mode: 'embedded', dataDir, secret: randomBytes(32).toString('hex') },
          redis: null,
          pool: { ...DEFAULT_POOL, max: 2 },
          background: false,
        },
        { logger: quietLogger() },
      );
      running.push(core); // close() is idempotent

      const { rows } = await core.pool.query<{ version: string }>('select version()');
      expect(rows[0]!.version).toContain('PostgreSQL 16');
      expect(core.migrations).toEqual({ applied: ALL, current: ALL.at(-1) });
      expectSeedSchema(await readSchemaFacts(core.databaseUrl));
      const who = await core.pool.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
      expect(who.rows).toEqual([{ rolsuper: false }]);
      // Prisma works over the same pool.
      expect(await core.db.car.count()).toBe(0);

      const port = Number(new URL(core.databaseUrl).port);
      expect(await portOpen(port)).toBe(true);
      await core.close();
      expect(await portOpen(port)).toBe(false);
    },
    SLOW,
  );
});
