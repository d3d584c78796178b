// npm run db:migration -- NAME [--schema FILE] [--migrations-dir DIR]
//
// Writes the SQL migration that takes the database from the schema of the last migration
// (DIR/schema.snapshot.prisma) to the current schema.prisma, then moves the snapshot on.
// Diffing two schema files instead of a live database keeps the hand-written SQL (search
// columns, trigram indexes, triggers) out of the diff. The Prisma CLI runs with its
// WebAssembly schema engine (prisma.config.ts: engine 'js' + the pg adapter), so no Rust
// binaries are downloaded; that adapter needs DATABASE_URL to reach some PostgreSQL,
// though nothing is read from or written to it for a file-to-file diff.
//
// Exit codes: 0 written or nothing to do, 1 failed, 2 bad usage.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SNAPSHOT = 'schema.snapshot.prisma';
// The migrator only picks up folders named like this (electron/core/db/migrator.ts).
const NAME = /^[a-z0-9_]{1,100}$/;
const USAGE = 'Usage: npm run db:migration -- NAME [--schema prisma/schema.prisma] [--migrations-dir prisma/migrations]\nNAME: 1-100 lowercase letters, digits and _, e.g. add_car_trim_level.';

class UsageError extends Error {}

interface Options {
  name: string;
  schema: string;
  migrationsDir: string;
}

function parseArgs(argv: string[]): Options {
  const positional: string[] = [];
  let schema = path.join(ROOT, 'prisma', 'schema.prisma');
  let migrationsDir = path.join(ROOT, 'prisma', 'migrations');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string | undefined]) : [arg, undefined];
    if (flag === '--schema' || flag === '--migrations-dir') {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError(`${flag} needs a path.`);
      // npm runs scripts in the package root; relative paths mean the caller's folder.
      const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
      if (flag === '--schema') schema = resolved;
      else migrationsDir = resolved;
    } else if (flag === '--help' || flag === '-h') {
      throw new UsageError('');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option ${arg}.`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? 'Give exactly one migration name.' : 'Give the migration a name.');
  const name = positional[0]!;
  if (!NAME.test(name)) throw new UsageError(`Invalid migration name "${name}".`);
  return { name, schema, migrationsDir };
}

/** UTC yyyyMMddHHmmss, the prefix Prisma gives migration folders. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Now, or one second after the newest existing migration, so the new one always sorts last. */
async function nextTimestamp(migrationsDir: string): Promise<string> {
  const existing = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name))
    .map((e) => e.name.slice(0, 14))
    .sort();
  const now = timestamp(new Date());
  const newest = existing.at(-1);
  if (!newest || now > newest) return now;
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(newest)!.map(Number) as number[];
  return timestamp(new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s! + 1)));
}

interface DiffResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function prismaDiff(from: string, to: string): Promise<DiffResult> {
  // The CLI's own entry point run by this Node: the same as `npx prisma`, without a shell
  // (Windows paths with spaces) or npx's lookup.
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const args = [cli, 'migrate', 'diff', '--from-schema-datamodel', from, '--to-schema-datamodel', to, '--script', '--exit-code'];
  const env = {
    ...process.env,
    // Never fetch or run the Rust engines: the schema engine is the WebAssembly one. The
    // query engine path must exist but is never loaded by the js engine.
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(ROOT, 'nonexistent-schema-engine'),
    PRISMA_QUERY_ENGINE_LIBRARY: cli,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }

  const snapshot = path.join(opts.migrationsDir, SNAPSHOT);
  for (const [what, file] of [
    ['schema', opts.schema],
    ['snapshot of the last migration', snapshot],
  ] as const) {
    if (!existsSync(file)) {
      console.error(`The ${what} ${file} does not exist.`);
      return 1;
    }
  }

  const diff = await prismaDiff(snapshot, opts.schema);
  // --exit-code: 0 no difference, 2 a difference, anything else an error.
  if (diff.code === 0) {
    console.log('No schema changes.');
    return 0;
  }
  if (diff.code !== 2 || !diff.stdout.trim()) {
    console.error(`prisma migrate diff failed (exit ${diff.code}):\n${diff.stderr.trim() || diff.stdout.trim()}`);
    if (/reach database|denied access|ECONNREFUSED|authentication/i.test(diff.stderr)) {
      console.error('The CLI connects through the pg adapter of prisma.config.ts: set DATABASE_URL to any reachable PostgreSQL (nothing is written to it).');
    }
    return 1;
  }

  const folder = `${await nextTimestamp(opts.migrationsDir)}_${opts.name}`;
  const dir = path.join(opts.migrationsDir, folder);
  const file = path.join(dir, 'migration.sql');
  await mkdir(dir); // fails rather than overwrite an existing migration
  try {
    await writeFile(file, diff.stdout.endsWith('\n') ? diff.stdout : `${diff.stdout}\n`);
    await copyFile(opts.schema, snapshot);
  } catch (error) {
    // Half a result (a migration without its snapshot) would make the next diff wrong.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  console.log(path.relative(process.cwd(), file) || file);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
