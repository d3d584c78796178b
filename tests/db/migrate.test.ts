// The app's own migration runner on real PostgreSQL: a fresh database gets the whole seed
// schema, two PCs starting at once do not race, and a database whose history this app
// cannot vouch for (edited, failed half-way, newer) is refused without touching it.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, migrate, MIGRATION_LOCK_KEY, MigrationError, readMigrations, type MigrationProblem } from '../../electron/core/db/migrator';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { expectSeedSchema, readSchemaFacts } from './fixtures/schema';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/migrate-child.ts', import.meta.url));

const local = await readMigrations(DEFAULT_MIGRATIONS_DIR);
const ALL = local.map((m) => m.name);
const FIRST = ALL[0]!;
const LAST = ALL.at(-1)!;

const databases: TestDatabase[] = [];
const tempDirs: string[] = [];

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ template: null });
  databases.push(db);
  return db;
}

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the real migrations folder to break on purpose. */
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kroi-migrations-'));
  tempDirs.push(dir);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

/** A pending migration in a refused run: if anything were applied, this table would exist. */
const PROBE = '20991231000001_refusal_probe';
const PROBE_SQL = 'CREATE TABLE "refusal_probe" ("id" INTEGER);\n';

/** Everything a refused migrate() must leave as it was. */
async function snapshot(url: string) {
  const history = await query(url, 'SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs, applied_steps_count FROM "_prisma_migrations" ORDER BY id');
  const relations = await query(url, "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1, 2");
  const columns = await query(url, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2");
  return { history, relations, columns };
}

async function expectRefusal(run: Promise<unknown>, problem: MigrationProblem, migration: string): Promise<MigrationError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  const me = error as MigrationError;
  expect(me.problem).toBe(problem);
  expect(me.migration).toBe(migration);
  expect(me.message).toContain(migration);
  return me;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('an empty database', () => {
  it('gets every table, named index and search structure of the seed', async () => {
    const db = await emptyDatabase();
    const result = await migrate(db.url);
    expect(result).toEqual({ applied: ALL, current: LAST });
    expectSeedSchema(await readSchemaFacts(db.url));
  });

  it('two processes migrating at the same moment apply each migration exactly once', async () => {
    const db = await emptyDatabase();
    const children = [0, 1].map(() => {
      const child = spawn('npx', ['tsx', CHILD, db.url], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      const ready = new Promise<void>((resolve, reject) => {
        const check = () => (out.includes('ready\n') ? resolve() : undefined);
        child.stdout.on('data', check);
        child.once('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${err}`)));
      });
      const exit = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.once('close', (code) => resolve({ code, out, err })));
      return { child, ready, exit };
    });
    await Promise.all(children.map((c) => c.ready));
    // Both released together: both now race for the advisory lock.
    for (const c of children) c.child.stdin.end('go\n');
    const results = await Promise.all(children.map((c) => c.exit));

    const answers = results.map((r) => {
      expect(r.code, `child output:\n${r.out}\n${r.err}`).toBe(0);
      const line = r.out.split('\n').find((l) => l.startsWith('{'));
      return JSON.parse(line ?? 'null') as { ok: boolean; applied: string[]; current: string };
    });
    for (const a of answers) expect(a).toMatchObject({ ok: true, current: LAST });
    const union = [...answers[0]!.applied, ...answers[1]!.applied].sort();
    expect(union).toEqual(ALL); // all of them, none twice

    const history = await query<{ migration_name: string; n: number; finished: number }>(
      db.url,
      'SELECT migration_name, count(*)::int AS n, count(finished_at)::int AS finished FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1',
    );
    expect(history).toEqual(ALL.map((name) => ({ migration_name: name, n: 1, finished: 1 })));
    expectSeedSchema(await readSchemaFacts(db.url));
  });

  it('waits for the lock that Prisma Migrate also takes, and gives up with LOCK_TIMEOUT', async () => {
    const db = await emptyDatabase();
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      // Advisory locks are per database: this is what `prisma migrate deploy` holds while it runs.
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const error = await migrate(db.url, { lockWaitMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).problem).toBe('LOCK_TIMEOUT');
      expect(await query(db.url, "SELECT to_regclass('public._prisma_migrations') AS t")).toEqual([{ t: null }]);
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    } finally {
      await holder.end();
    }
    expect((await migrate(db.url, { lockWaitMs: 300 })).applied).toEqual(ALL);
  });
});

describe('a migrated database', () => {
  it('re-running applies nothing and changes nothing', async () => {
    const db = await emptyDatabase();
    await migrate(db.url);
    const before = await snapshot(db.url);
    expect(await migrate(db.url)).toEqual({ applied: [], current: LAST });
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('an applied migration edited afterwards is refused with EDITED, nothing changed', async () => {
    const db = await emptyDatabase();
    await migrate(db.url);
    const dir = await migrationsCopy();
    // Even a harmless-looking edit changes what a fresh install would get.
    await appendFile(path.join(dir, LAST, 'migration.sql'), '\n-- tweaked after release\n');
    await addMigration(dir, PROBE, PROBE_SQL);
    const before = await snapshot(db.url);
    await expectRefusal(migrate(db.url, { migrationsDir: dir }), 'EDITED', LAST);
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('a migration that failed half-way under prisma migrate deploy is refused with FAILED, nothing changed', async () => {
    const db = await emptyDatabase();
    // Only the first migration applied; the second started and failed, as Prisma records it.
    const firstOnly = await mkdtemp(path.join(tmpdir(), 'kroi-migrations-'));
    tempDirs.push(firstOnly);
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, FIRST), path.join(firstOnly, FIRST), { recursive: true });
    await migrate(db.url, { migrationsDir: firstOnly });
    const failed = local.find((m) => m.name === LAST)!;
    await query(
      db.url,
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)',
      [randomUUID(), failed.checksum, failed.name, 'Database error code: 42P07 relation already exists'],
    );
    const before = await snapshot(db.url);
    await expectRefusal(migrate(db.url), 'FAILED', LAST);
    expect(await snapshot(db.url)).toEqual(before);
    // In particular the pending migration was not run over the half-applied one.
    expect(await readSchemaFacts(db.url).then((f) => f.searchVector)).toBeNull();
  });

  it('a migration from a newer app version is refused with UNKNOWN, nothing changed', async () => {
    const db = await emptyDatabase();
    await migrate(db.url);
    const newer = '29991231000000_from_newer_app';
    await query(db.url, 'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)', [
      randomUUID(),
      sha256('-- newer\n'),
      newer,
    ]);
    const dir = await migrationsCopy();
    await addMigration(dir, PROBE, PROBE_SQL);
    const before = await snapshot(db.url);
    await expectRefusal(migrate(db.url, { migrationsDir: dir }), 'UNKNOWN', newer);
    expect(await snapshot(db.url)).toEqual(before);
  });
});

describe('a migration whose SQL fails', () => {
  it('is rolled back as a whole, recorded as rolled back, and does not block a fixed version', async () => {
    const db = await emptyDatabase();
    const dir = await migrationsCopy();
    const broken = '20991231000000_broken';
    await addMigration(dir, broken, 'CREATE TABLE "half_done" ("id" INTEGER);\nTHIS IS NOT SQL;\n');

    const error = await expectRefusal(migrate(db.url, { migrationsDir: dir }), 'APPLY_FAILED', broken);
    expect(error.message).toMatch(/syntax error/);
    // Its valid first statement went with the transaction.
    expect(await query(db.url, "SELECT to_regclass('public.half_done') AS t")).toEqual([{ t: null }]);
    const rows = await query<{ migration_name: string; finished: boolean; rolled_back: boolean; logs: string | null }>(
      db.url,
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.finished, r.rolled_back])).toEqual([...ALL.map((n) => [n, true, false]), [broken, false, true]]);
    expect(rows.at(-1)!.logs).toMatch(/syntax error/);

    // The app version without it starts: a rolled-back row is history, not a problem.
    expect(await migrate(db.url)).toEqual({ applied: [], current: LAST });

    // A fixed version of the same migration applies on the next start.
    await writeFile(path.join(dir, broken, 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    expect(await migrate(db.url, { migrationsDir: dir })).toEqual({ applied: [broken], current: broken });
    expect(await query(db.url, "SELECT to_regclass('public.half_done')::text AS t")).toEqual([{ t: 'half_done' }]);
  });
});

describe('compatibility with prisma migrate deploy', () => {
  // The table as Prisma's schema engine creates it (sql-schema-connector, postgres flavour).
  const PRISMA_DDL = `CREATE TABLE prisma_reference._prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
  )`;

  const describeTable = (dbUrl: string, schema: string) =>
    query(
      dbUrl,
      `SELECT c.column_name, c.ordinal_position, c.data_type, c.character_maximum_length, c.is_nullable, c.column_default,
              (SELECT count(*)::int FROM information_schema.key_column_usage k
                 JOIN information_schema.table_constraints tc ON tc.constraint_name = k.constraint_name AND tc.table_schema = k.table_schema
                WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name) AS in_pk
         FROM information_schema.columns c
        WHERE c.table_schema = $1 AND c.table_name = '_prisma_migrations'
        ORDER BY c.ordinal_position`,
      [schema],
    );

  it('_prisma_migrations has exactly Prisma\'s columns and each checksum is the sha256 of the file', async () => {
    const db = await emptyDatabase();
    await migrate(db.url);
    await query(db.url, 'CREATE SCHEMA prisma_reference');
    await query(db.url, PRISMA_DDL);
    const ours = await describeTable(db.url, 'public');
    expect(ours.length).toBe(8);
    expect(ours).toEqual(await describeTable(db.url, 'prisma_reference'));

    const rows = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; started_at: Date; logs: string | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      db.url,
      'SELECT * FROM public."_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(ALL);
    for (const row of rows) {
      const file = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it('continues a database that Prisma migrated: only the missing migrations are applied', async () => {
    const db = await emptyDatabase();
    // What `prisma migrate deploy` leaves after applying the first migration.
    await query(db.url, PRISMA_DDL.replace('prisma_reference.', ''));
    const first = local[0]!;
    await query(db.url, first.sql);
    await query(db.url, 'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)', [
      randomUUID(),
      first.checksum,
      first.name,
    ]);
    expect(await migrate(db.url)).toEqual({ applied: ALL.slice(1), current: LAST });
    expectSeedSchema(await readSchemaFacts(db.url));
  });
});
