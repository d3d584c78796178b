// Settings → Connection: where the app is connected, testing a server, and saving the
// choice for the next start (settings.json without secrets; passwords in the keychain).
import type pg from 'pg';
import type { ConnectionDto, DatabaseTargetDto, RedisTargetDto, SaveConnectionResultDto, TestConnectionResultDto } from '../../api/dto-settings';
import type { ChannelParsed } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { Principal } from '../../api/router';
import type { Cache } from '../../cache/cache';
import type { Db } from '../../db/prisma';
import type { Logger } from '../../logger';
import { SECRET, type SecretStore } from '../../secrets';
import { record } from '../audit';
import { probeDatabase, probeRedis } from './probe';
import { readRawSettings, readSettings, writeSettingsAtomically } from './settings-file';

export interface ConnectionDeps {
  db: Db;
  pool: pg.Pool;
  cache: Cache;
  logger: Logger;
  secrets: SecretStore;
  userDataDir: string;
  /** The connection in use (with credentials: never sent or logged). */
  url: string;
  databaseKind: 'embedded' | 'server';
  redisUrl: string | null;
}

const KEYCHAIN_MISSING =
  'No keychain works on this PC, so a password cannot be kept safely and nothing was saved. Start the system keyring (on Linux e.g. gnome-keyring), or save without a password.';

export function describeDatabase(url: string): ConnectionDto['database'] & { mode: 'server' } {
  const u = new URL(url);
  return {
    mode: 'server',
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    user: decodeURIComponent(u.username),
    // No sslmode in the URL means libpq's default, prefer.
    sslMode: u.searchParams.get('sslmode') ?? 'prefer',
  };
}

export function describeRedis(url: string): Omit<NonNullable<ConnectionDto['redis']>, 'up'> {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 6379), db: Number(u.pathname.replace(/^\//, '') || 0), tls: u.protocol === 'rediss:' };
}

/** The saved password is sent only to the very server it was saved for. */
type DatabaseKey = Pick<DatabaseTargetDto, 'host' | 'port' | 'database' | 'user'>;
export const sameDatabase = (a: DatabaseKey, b: DatabaseKey | null | undefined): boolean =>
  !!b && a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.database === b.database && a.user === b.user;
const sameRedis = (a: RedisTargetDto, b: RedisTargetDto | null | undefined): boolean => !!b && a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.tls === b.tls;

export function createConnectionService(deps: ConnectionDeps) {
  const { secrets } = deps;

  async function keychainAvailable(): Promise<boolean> {
    return secrets.available().catch(() => false);
  }
  async function savedSecret(account: string): Promise<string | null> {
    if (!(await keychainAvailable())) return null;
    return secrets.get(account).catch(() => null);
  }

  /** The public tables of the database in use: what "app tables" means on a target. */
  async function appTables(): Promise<string[]> {
    const { rows } = await deps.pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    return rows.map((r) => r.name);
  }

  async function get(): Promise<ConnectionDto> {
    const saved = await readSettings(deps.userDataDir);
    const current = { ...describeDatabase(deps.url), mode: deps.databaseKind };
    const redis = deps.redisUrl ? { ...describeRedis(deps.redisUrl), up: deps.cache.stats().up } : null;
    const savedDb = saved.database ? { host: saved.database.host, port: saved.database.port, database: saved.database.database, user: saved.database.user, sslMode: saved.database.sslMode } : null;
    const savedRedis = saved.redis ? { host: saved.redis.host, port: saved.redis.port, db: saved.redis.db, tls: saved.redis.tls } : null;
    const dbPending = savedDb ? current.mode !== 'server' || !sameDatabase(savedDb, current) : current.mode !== 'embedded';
    const redisPending = savedRedis ? !redis || !sameRedis(savedRedis, redis) || savedRedis.db !== redis.db : redis !== null;
    return {
      keychainAvailable: await keychainAvailable(),
      database: current,
      redis,
      saved: { database: savedDb, redis: savedRedis },
      databasePasswordSaved: (await savedSecret(SECRET.serverPassword)) !== null,
      redisPasswordSaved: (await savedSecret(SECRET.redisPassword)) !== null,
      restartPending: dbPending || redisPending,
    };
  }

  /** The typed password, else the saved one when the target is the saved server. */
  async function databasePassword(target: DatabaseTargetDto, typed: string | undefined): Promise<string | null> {
    if (typed !== undefined) return typed;
    const saved = await readSettings(deps.userDataDir);
    return sameDatabase(target, saved.database) ? savedSecret(SECRET.serverPassword) : null;
  }

  async function test(input: ChannelParsed<'settings.testConnection'>): Promise<TestConnectionResultDto> {
    if (input.kind === 'database') {
      const { kind: _kind, password, ...target } = input;
      const result = await probeDatabase(target, await databasePassword(target, password), await appTables());
      deps.logger.info('connection test', { kind: 'database', host: target.host, port: target.port, ok: result.ok });
      return result;
    }
    const { kind: _kind, password, ...target } = input;
    const saved = await readSettings(deps.userDataDir);
    const pass = password ?? (sameRedis(target, saved.redis) ? await savedSecret(SECRET.redisPassword) : null);
    const result = await probeRedis(target, pass);
    deps.logger.info('connection test', { kind: 'redis', host: target.host, port: target.port, ok: result.ok });
    return result;
  }

  async function save(input: ChannelParsed<'settings.saveConnection'>, actor: Principal): Promise<SaveConnectionResultDto> {
    const changes: [account: string, value: string | null][] = [];
    if (input.database && input.database.password !== undefined) changes.push([SECRET.serverPassword, input.database.password]);
    if (input.redis && input.redis.password !== undefined) changes.push([SECRET.redisPassword, input.redis.password]);
    const storing = changes.some(([, value]) => value !== null);
    if (storing && !(await keychainAvailable())) {
      const fields: Record<string, string> = {};
      if (typeof input.database?.password === 'string') fields['database.password'] = 'No keychain on this PC: the password cannot be saved.';
      if (typeof input.redis?.password === 'string') fields['redis.password'] = 'No keychain on this PC: the password cannot be saved.';
      throw new AppError('UNAVAILABLE', KEYCHAIN_MISSING, { fields });
    }

    const raw = await readRawSettings(deps.userDataDir);
    const before = await readSettings(deps.userDataDir);
    const next: Record<string, unknown> = { ...raw };
    delete next.database;
    delete next.redis;
    if (input.database) {
      const { host, port, database, user, sslMode } = input.database;
      next.database = { host, port, database, user, sslMode };
    }
    if (input.redis) {
      const { host, port, db, tls } = input.redis;
      next.redis = { host, port, db, tls };
    }

    // Passwords first, then the file; if the file cannot be written the old passwords go back.
    const previous = new Map<string, string | null>();
    try {
      for (const [account, value] of changes) {
        previous.set(account, await savedSecret(account));
        if (value === null) await secrets.delete(account);
        else await secrets.set(account, value);
      }
      await writeSettingsAtomically(deps.userDataDir, next);
    } catch (error) {
      for (const [account, value] of previous) {
        await (value === null ? secrets.delete(account) : secrets.set(account, value)).catch(() => undefined);
      }
      if (error instanceof AppError) throw error;
      deps.logger.error('saving the connection settings failed', error);
      throw new AppError('UNAVAILABLE', `The settings could not be saved: ${(error as Error).message}`);
    }

    const passwordChange = (account: string) => {
      const change = changes.find(([a]) => a === account);
      return change ? (change[1] === null ? 'removed' : 'changed') : 'kept';
    };
    await record(deps.db, {
      userId: actor.userId,
      action: 'settings.connection',
      entityType: 'Settings',
      entityId: 'connection',
      changes: {
        database: { before: before.database ?? null, after: next.database ?? null },
        redis: { before: before.redis ?? null, after: next.redis ?? null },
      },
      metadata: { databasePasswordChange: passwordChange(SECRET.serverPassword), redisPasswordChange: passwordChange(SECRET.redisPassword) },
    });
    return { restartRequired: true, connection: await get() };
  }

  return { get, test, save, databasePassword, appTables };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
