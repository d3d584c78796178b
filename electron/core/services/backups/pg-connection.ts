// How pg_dump, pg_restore and psql reach the database: host, port, user and database as
// arguments, the password only through a temporary PGPASSFILE readable by this user
// alone (never argv, never the environment), deleted when the tool has finished.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PgTarget {
  host: string;
  port: string;
  user: string;
  database: string;
  password: string | null;
  sslmode: string | null;
}

export function parseTarget(url: string): PgTarget {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port || '5432',
    user: decodeURIComponent(u.username) || 'postgres',
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : null,
    sslmode: u.searchParams.get('sslmode'),
  };
}

export const withDatabase = (target: PgTarget, database: string): PgTarget => ({ ...target, database });

/** Arguments naming the connection; no secret among them. */
export function connectionArgs(target: PgTarget): string[] {
  return ['--host', target.host, '--port', target.port, '--username', target.user, '--no-password'];
}

// .pgpass fields escape ':' and '\'.
const escapeField = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');

export interface PassFile {
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

/**
 * What a tool may inherit from the app's environment: finding programs, the user's folders
 * (libpq reads certificates there), temp folders, language and time zone, and what Windows
 * needs to start a process. Nothing else: the app may have been started with DATABASE_URL
 * or other secrets in its environment, and PG* variables would override the arguments.
 */
const PASSED_ENV = /^(PATH|PATHEXT|HOME|USER|USERNAME|LOGNAME|USERPROFILE|APPDATA|LOCALAPPDATA|SYSTEMROOT|SYSTEMDRIVE|WINDIR|COMSPEC|TEMP|TMP|TMPDIR|LANG|LANGUAGE|LC_[A-Z]+|TZ)$/i;

/** The harmless variables of the app's environment (none holding `password`), for any tool run. */
export function toolEnv(password?: string | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || !PASSED_ENV.test(k)) continue;
    if (password && (v.includes(password) || v.includes(encodeURIComponent(password)))) continue;
    env[k] = v;
  }
  return env;
}

/**
 * An environment for one tool run: a 0600 PGPASSFILE in a 0700 temporary folder, and only
 * the harmless variables of the app's own environment.
 */
export async function passFileEnv(target: PgTarget): Promise<PassFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroi-pg-'));
  const file = path.join(dir, 'pgpass');
  const line = [target.host, target.port, '*', target.user, target.password ?? ''].map(escapeField).join(':');
  await writeFile(file, `${line}\n`, { mode: 0o600 });
  const env = toolEnv(target.password);
  env.PGPASSFILE = file;
  if (target.sslmode) env.PGSSLMODE = target.sslmode;
  env.PGAPPNAME = 'kroi-desktop-backup';
  return {
    env,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
