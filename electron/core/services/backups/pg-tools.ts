// Finding pg_dump, pg_restore and psql: the configured folder, then the app's own
// resources, then PATH, then the usual install folders of Windows, macOS and Linux. The
// newest one is used, and it must not be older than the server it works on.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../api/errors';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

export interface FoundTool {
  path: string;
  major: number;
  version: string;
}

const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);

/** Subfolders of `parent` matching `pattern`, newest-looking first. */
function globDirs(parent: string, pattern: RegExp, suffix: string): string[] {
  try {
    return readdirSync(parent)
      .filter((d) => pattern.test(d))
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
      .map((d) => path.join(parent, d, suffix));
  } catch {
    return [];
  }
}

export function candidateDirs(opts: { configuredDir?: string | null; resourcesDir?: string | null; env?: NodeJS.ProcessEnv }): string[] {
  const env = opts.env ?? process.env;
  const dirs: string[] = [];
  if (opts.configuredDir) dirs.push(opts.configuredDir);
  if (opts.resourcesDir) dirs.push(path.join(opts.resourcesDir, 'pg', 'bin'));
  dirs.push(...(env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean));
  if (process.platform === 'win32') {
    for (const root of [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files']) {
      if (root) dirs.push(...globDirs(path.join(root, 'PostgreSQL'), /^\d+$/, 'bin'));
    }
  } else if (process.platform === 'darwin') {
    dirs.push(...globDirs('/Applications/Postgres.app/Contents/Versions', /^\d+/, 'bin'));
    dirs.push(...globDirs('/opt/homebrew/opt', /^(postgresql|libpq)/, 'bin'), ...globDirs('/usr/local/opt', /^(postgresql|libpq)/, 'bin'));
    dirs.push(...globDirs('/Library/PostgreSQL', /^\d+$/, 'bin'));
  } else {
    dirs.push(...globDirs('/usr/lib/postgresql', /^\d+$/, 'bin'), ...globDirs('/usr', /^pgsql-\d+$/, 'bin'));
  }
  return [...new Set(dirs)];
}

export async function toolVersion(file: string): Promise<FoundTool | null> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 5000 });
    const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    return match ? { path: file, major: Number(match[1]), version: `${match[1]}.${match[2] ?? 0}` } : null;
  } catch {
    return null;
  }
}

/** Every working copy of the tool, newest major first. */
export async function findTools(tool: PgTool, dirs: string[]): Promise<FoundTool[]> {
  const files = dirs.map((d) => path.join(d, exe(tool))).filter((f) => existsSync(f));
  const found = (await Promise.all([...new Set(files)].map(toolVersion))).filter((t): t is FoundTool => t !== null);
  return found.sort((a, b) => b.major - a.major);
}

/** Where to get the client tools of one PostgreSQL major version, per system. */
export const installHint = (major: number): string =>
  `Install the PostgreSQL ${major} client tools (on Windows the PostgreSQL ${major} installer, on macOS Postgres.app or Homebrew postgresql@${major}, on Linux the postgresql-client-${major} package), or set their folder in Settings → Backups.`;

/** The newest tool, refused with a message that says what to install when it is older than the server. */
export async function chooseTool(tool: PgTool, dirs: string[], serverMajor: number): Promise<FoundTool> {
  const found = await findTools(tool, dirs);
  const best = found[0];
  if (!best) {
    throw new AppError(
      'UNAVAILABLE',
      `${tool} was not found. ${installHint(serverMajor)}`,
      { details: { tool, serverMajor } },
    );
  }
  if (best.major < serverMajor) {
    throw new AppError(
      'UNAVAILABLE',
      `${tool} ${best.version} (${best.path}) is older than the database server (PostgreSQL ${serverMajor}) and cannot work with it. ${installHint(serverMajor)}`,
      { details: { tool, found: best.version, serverMajor } },
    );
  }
  return best;
}
