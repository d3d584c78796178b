// Applies prisma/migrations/*/migration.sql at start-up. A packaged app has no Prisma CLI,
// so this is the app's own runner, keeping `_prisma_migrations` exactly as
// `prisma migrate deploy` does (same table, same sha256 checksums, same advisory lock key),
// so either tool can follow the other.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Prisma Migrate's own advisory lock key: the CLI and the app exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

export type MigrationProblem = 'EDITED' | 'FAILED' | 'UNKNOWN' | 'LOCK_TIMEOUT' | 'APPLY_FAILED';

export class MigrationError extends Error {
  constructor(
    readonly problem: MigrationProblem,
    readonly migration: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  /** Name of the newest applied migration: the schema version. */
  current: string | null;
}

export interface MigrateOptions {
  migrationsDir?: string;
  /** How long to wait for another PC's migration to finish. */
  lockWaitMs?: number;
  /** Called with each migration name before it is applied. */
  onApply?: (name: string) => void;
}

export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name)).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquireLock(client: pg.Client, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new MigrationError('LOCK_TIMEOUT', null, 'Another computer has been updating the database for too long. Try again in a minute; if it persists, ask the administrator to check the database server.');
    }
    await sleep(100 + Math.random() * 150);
  }
}

/** Refuses a database whose history this app version cannot vouch for. Changes nothing. */
export function checkHistory(local: LocalMigration[], applied: AppliedRow[]): void {
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError('FAILED', row.migration_name, `Database update "${row.migration_name}" failed half-way on this database earlier. The app will not start on it until an administrator has repaired the database and marked that migration as rolled back (prisma migrate resolve --rolled-back ${row.migration_name}).`);
    }
    const mine = byName.get(row.migration_name);
    if (!mine) {
      throw new MigrationError('UNKNOWN', row.migration_name, `The database has update "${row.migration_name}", which this version of the app does not know: a newer version of the app has used this database. Install the newest version of Kroi Dealership Desktop.`);
    }
    if (mine.checksum !== row.checksum) {
      throw new MigrationError('EDITED', row.migration_name, `Database update "${row.migration_name}" was changed after it was applied to this database (its checksum differs). The app will not start on it; ask the developers to restore the original migration file.`);
    }
  }
}

export async function migrate(connectionString: string, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const local = await readMigrations(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'kroi-desktop-migrator' });
  client.on('error', () => undefined); // reported by the failing query instead
  await client.connect();
  try {
    await acquireLock(client, opts.lockWaitMs ?? 120_000);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name',
      );
      checkHistory(local, rows);
      const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
      const applied: string[] = [];
      for (const m of local) {
        if (done.has(m.name)) continue;
        opts.onApply?.(m.name);
        await applyOne(client, m);
        applied.push(m.name);
      }
      const current = local.filter((m) => done.has(m.name) || applied.includes(m.name)).at(-1)?.name ?? null;
      return { applied, current };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyOne(client: pg.Client, m: LocalMigration): Promise<void> {
  const id = randomUUID();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [id, m.checksum, m.name]);
    await client.query(m.sql);
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    // The transaction undid everything, so the attempt is recorded as rolled back: the
    // next start (of a fixed app version) may try again.
    await client
      .query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at) VALUES ($1, $2, $3, $4, now(), now())',
        [id, m.checksum, m.name, reason],
      )
      .catch(() => undefined);
    throw new MigrationError('APPLY_FAILED', m.name, `Database update "${m.name}" could not be applied and was rolled back: ${reason}`);
  }
}

/** The newest applied migration, for the status bar and backups' manifests. */
export async function schemaVersion(pool: pg.Pool): Promise<string | null> {
  const { rows } = await pool.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1',
  );
  return rows[0]?.migration_name ?? null;
}
