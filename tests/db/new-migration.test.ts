// scripts/new-migration.ts run for real (Prisma CLI with the WebAssembly schema engine)
// against temporary copies of the schema and the migrations folder.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { migrate, readMigrations } from '../../electron/core/db/migrator';
import { createTestDatabase } from '../support/db';
import { PG_ADMIN_URL } from '../support/env';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'new-migration.ts');
const REAL_SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
const REAL_MIGRATIONS = path.join(ROOT, 'prisma', 'migrations');

// A no-change diff takes ~11 s: the CLI waits for its idle pg pool (see the report).
const CLI_TIMEOUT = 60_000;

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

interface Workspace {
  schema: string;
  migrations: string;
}

async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kroi-new-migration-'));
  tempDirs.push(dir);
  const ws = { schema: path.join(dir, 'schema.prisma'), migrations: path.join(dir, 'migrations') };
  await cp(REAL_SCHEMA, ws.schema);
  await cp(REAL_MIGRATIONS, ws.migrations, { recursive: true });
  return ws;
}

/** Every file under a folder with its content, to prove nothing was written. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = await readFile(file, 'utf8');
  }
  return out;
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The Prisma CLI's pg adapter needs a reachable server; it writes nothing to it.
    // What `npm run db:migration` runs (tsx), loaded into this Node without npx's lookup.
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: PG_ADMIN_URL }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const wsArgs = (ws: Workspace) => ['--schema', ws.schema, '--migrations-dir', ws.migrations];

// Every case has its own temporary copies, so they run at the same time (the CLI mostly waits).
describe.concurrent('npm run db:migration', () => {
  it(
    'writes the ALTER TABLE for an added optional column and moves the snapshot on',
    async ({ expect }) => {
      const ws = await workspace();
      const before = await tree(ws.migrations);
      const original = await readFile(ws.schema, 'utf8');
      const changed = original.replace(/^(\s*vin\s+String\?.*)$/m, '$1\n  trimLevel          String?      @map("trim_level")');
      expect(changed).not.toBe(original);
      await writeFile(ws.schema, changed);

      const result = await run(['add_trim_level', ...wsArgs(ws)]);
      expect(result.code, result.stderr).toBe(0);

      const after = await tree(ws.migrations);
      const added = Object.keys(after).filter((f) => !(f in before));
      expect(added).toHaveLength(1);
      const [folder, file] = added[0]!.split(path.sep);
      expect(file).toBe('migration.sql');
      expect(folder).toMatch(/^\d{14}_add_trim_level$/);
      // It sorts after every existing migration, so it is applied last.
      const existing = (await readMigrations(ws.migrations)).map((m) => m.name);
      expect(existing.at(-1)).toBe(folder);
      expect(result.stdout.trim().split('\n')[0]).toBe(path.relative(ROOT, path.join(ws.migrations, folder!, 'migration.sql')));

      expect(after[added[0]!]).toMatch(/ALTER TABLE "cars" ADD COLUMN\s+"trim_level" TEXT;/);
      expect(after['schema.snapshot.prisma']).toBe(changed);
      // Existing migrations are never rewritten.
      for (const [name, content] of Object.entries(before)) if (name !== 'schema.snapshot.prisma') expect(after[name]).toBe(content);
      // Pointed elsewhere, it never writes to the real folder.
      expect((await readdir(REAL_MIGRATIONS)).filter((f) => f.endsWith('_add_trim_level'))).toEqual([]);

      // The migrator picks it up and applies it after the others.
      const db = await createTestDatabase({ template: null });
      try {
        const migrated = await migrate(db.url, { migrationsDir: ws.migrations });
        expect(migrated.current).toBe(folder);
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        const { rows } = await client.query("SELECT data_type, is_nullable FROM information_schema.columns WHERE table_name = 'cars' AND column_name = 'trim_level'");
        await client.end();
        expect(rows).toEqual([{ data_type: 'text', is_nullable: 'YES' }]);
      } finally {
        await db.drop();
      }
    },
    CLI_TIMEOUT,
  );

  it(
    'says "No schema changes." and writes nothing when the schema matches the snapshot',
    async ({ expect }) => {
      const ws = await workspace();
      const before = await tree(ws.migrations);
      const result = await run(['nothing_changed', ...wsArgs(ws)]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe('No schema changes.');
      expect(await tree(ws.migrations)).toEqual(before);
    },
    CLI_TIMEOUT,
  );

  it.for(['Add-Column', '../escape', 'lisää_sarake', ''])('refuses the name %j with exit code 2 and writes nothing', async (name, { expect }) => {
    const ws = await workspace();
    const before = await tree(ws.migrations);
    const schema = await readFile(ws.schema, 'utf8');
    // A real schema change, so only the name stops it.
    await writeFile(ws.schema, schema.replace(/^(\s*vin\s+String\?.*)$/m, '$1\n  trimLevel String? @map("trim_level")'));
    const result = await run([name, ...wsArgs(ws)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Invalid migration name|Give the migration a name/);
    expect(result.stderr).toContain('Usage:');
    expect(await tree(ws.migrations)).toEqual(before);
  });

  it('refuses a missing name and an unknown option with exit code 2', async ({ expect }) => {
    const ws = await workspace();
    const before = await tree(ws.migrations);
    const [missing, unknown] = await Promise.all([run(wsArgs(ws)), run(['ok_name', '--force', ...wsArgs(ws)])]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give the migration a name');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --force');
    expect(await tree(ws.migrations)).toEqual(before);
  });
});
