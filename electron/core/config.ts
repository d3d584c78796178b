// The core's configuration: the settings file in the user data folder, overridden by the
// environment (DATABASE_URL, REDIS_URL), with passwords from the keychain only.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_POOL, type PoolSettings } from './db/pool';
import { SECRET, type SecretStore } from './secrets';

export type DatabaseConfig =
  | { mode: 'server'; url: string }
  | { mode: 'embedded'; dataDir: string; secret: string; port?: number };

export interface CoreConfig {
  appVersion: string;
  /** The app's own folder: embedded database, media, backups by default. */
  userDataDir: string;
  migrationsDir?: string;
  database: DatabaseConfig;
  redis: { url: string; password: string | null; keyPrefix?: string } | null;
  pool: PoolSettings;
  cacheCommandTimeoutMs?: number;
  /** Where backups are written (a local or network folder). */
  backupDir?: string;
  /** The installed app's resources folder (bundled pg tools may be there). */
  resourcesDir?: string;
  /** Where pictures added from local files are copied (a local or network folder). */
  mediaDir?: string;
  /** The public address under which the website serves that folder. */
  mediaBaseUrl?: string;
  /** LISTEN/NOTIFY and scheduled jobs; off in short-lived tools. */
  background?: boolean;
  /** Scheduled jobs (backups, roll-ups) when background is on; tests turn them off. */
  scheduledJobs?: boolean;
}

/** What the admin saves in Settings (no secrets: those go to the keychain). */
export const settingsFileSchema = z.object({
  database: z
    .object({
      host: z.string().min(1).max(255),
      port: z.number().int().min(1).max(65535).default(5432),
      database: z.string().min(1).max(63),
      user: z.string().min(1).max(63),
      sslMode: z.enum(['disable', 'prefer', 'require', 'verify-full']).default('prefer'),
    })
    .nullish(),
  redis: z
    .object({ host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535).default(6379), db: z.number().int().min(0).max(15).default(0), tls: z.boolean().default(false) })
    .nullish(),
  mediaDir: z.string().max(1000).nullish(),
  mediaBaseUrl: z.url().max(500).nullish(),
  backupDir: z.string().max(1000).nullish(),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

export const SETTINGS_FILE = 'settings.json';

export class ConfigError extends Error {
  constructor(
    readonly problem: 'INVALID_SETTINGS' | 'SECRET_MISSING' | 'KEYCHAIN_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export async function readSettingsFile(userDataDir: string): Promise<SettingsFile> {
  const file = path.join(userDataDir, SETTINGS_FILE);
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new ConfigError('INVALID_SETTINGS', `The settings file ${file} is not valid JSON. Fix or delete it.`);
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError('INVALID_SETTINGS', `The settings file ${file} has invalid values: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
  return parsed.data;
}

export function serverUrl(db: NonNullable<SettingsFile['database']>, password: string | null): string {
  const url = new URL('postgresql://localhost');
  url.hostname = db.host;
  url.port = String(db.port);
  url.pathname = `/${db.database}`;
  // The setters leave '%' as it is, and every reader (pg, pg-connection.ts) decodes: encode
  // fully, or a password with e.g. "%20" in it would arrive as a space.
  url.username = encodeURIComponent(db.user);
  if (password) url.password = encodeURIComponent(password);
  // node-postgres reads sslmode its own way: without libpq compatibility it verifies the
  // certificate even for "require", and it cannot fall back like "prefer". So: "prefer" is
  // left to the defaults (no SSL for node-postgres; pg_dump still tries SSL first), the
  // others are passed with libpq's meaning.
  if (db.sslMode !== 'prefer') {
    url.searchParams.set('sslmode', db.sslMode);
    if (db.sslMode !== 'disable') url.searchParams.set('uselibpqcompat', 'true');
  }
  return url.toString();
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value ? Number.parseInt(value, 10) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export async function loadConfig(opts: {
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  appVersion?: string;
  migrationsDir?: string;
}): Promise<CoreConfig> {
  const { env, secrets } = opts;
  const settings = await readSettingsFile(opts.userDataDir);

  let database: DatabaseConfig;
  if (env.DATABASE_URL) {
    database = { mode: 'server', url: env.DATABASE_URL };
  } else if (settings.database) {
    const password = await secrets.get(SECRET.serverPassword);
    database = { mode: 'server', url: serverUrl(settings.database, password) };
  } else {
    database = { mode: 'embedded', dataDir: path.join(opts.userDataDir, 'database'), secret: await embeddedSecret(secrets, env) };
  }

  let redis: CoreConfig['redis'] = null;
  if (env.REDIS_URL) {
    redis = { url: env.REDIS_URL, password: null };
  } else if (settings.redis) {
    const scheme = settings.redis.tls ? 'rediss' : 'redis';
    redis = { url: `${scheme}://${settings.redis.host}:${settings.redis.port}/${settings.redis.db}`, password: await secrets.get(SECRET.redisPassword) };
  }

  return {
    appVersion: opts.appVersion ?? '0.0.0',
    userDataDir: opts.userDataDir,
    ...(opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {}),
    database,
    redis,
    pool: {
      ...DEFAULT_POOL,
      // PCs × max must stay under the server's max_connections: keep it small, adjustable.
      max: positiveInt(env.KROI_DB_POOL_MAX, DEFAULT_POOL.max),
      statementTimeoutMs: positiveInt(env.KROI_DB_STATEMENT_TIMEOUT_MS, DEFAULT_POOL.statementTimeoutMs),
    },
    ...(settings.mediaDir ? { mediaDir: settings.mediaDir } : {}),
    ...(settings.backupDir ? { backupDir: settings.backupDir } : {}),
    ...(settings.mediaBaseUrl ? { mediaBaseUrl: settings.mediaBaseUrl } : {}),
    background: true,
  };
}

/** The embedded server's secret: made once and kept in the keychain. */
async function embeddedSecret(secrets: SecretStore, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.KROI_EMBEDDED_SECRET) return env.KROI_EMBEDDED_SECRET;
  if (!(await secrets.available())) {
    throw new ConfigError(
      'KEYCHAIN_UNAVAILABLE',
      'No keychain (Secret Service) works on this computer, so the built-in database cannot keep its password safely. Start a keyring (e.g. gnome-keyring), or set DATABASE_URL to use a database server.',
    );
  }
  const existing = await secrets.get(SECRET.embeddedPassword);
  if (existing) return existing;
  const created = randomBytes(32).toString('base64url');
  await secrets.set(SECRET.embeddedPassword, created);
  return created;
}
