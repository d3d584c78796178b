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
 * An environment for one tool run: a 0600 PGPASSFILE in a 0700 temporary folder, and the
 * parent's PG* variables removed so nothing else leaks into the tool.
 */
export async function passFileEnv(target: PgTarget): Promise<PassFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroi-pg-'));
  const file = path.join(dir, 'pgpass');
  const line = [target.host, target.port, '*', target.user, target.password ?? ''].map(escapeField).join(':');
  await writeFile(file, `${line}\n`, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  env.PGPASSFILE = file;
  if (target.sslmode) env.PGSSLMODE = target.sslmode;
  env.PGAPPNAME = 'kroi-desktop-backup';
  return {
    env,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
