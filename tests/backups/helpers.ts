// Shared by the backup tests: a core with a backup folder of its own and signed-in users,
// the progress events it sends, and a content fingerprint of every table (md5 of all rows
// in primary-key order) to tell "the data is exactly as it was" from "the counts match".
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { BackupDto } from '../../electron/core/api/dto-backups';
import type { EventMap } from '../../electron/core/api/events';
import type { CoreConfig } from '../../electron/core/config';
import { seed, type SeedOptionsInput } from '../../scripts/seed/index';
import type { Role } from '../../electron/core/api/dto';
import { createTestCore, TestClient, type TestCore } from '../support/core';
import { createRoleUsers, TEST_PASSWORD, type RoleClients } from '../support/users';

export type Progress = EventMap['backup.progress'];

export interface BackupEnv {
  t: TestCore;
  users: RoleClients;
  /** The SUPER_ADMIN's window. */
  admin: TestClient;
  /** The backup folder of this core (a fresh temporary folder). */
  dir: string;
  /** Every 'backup.progress' event the core sent, in order. */
  progress: Progress[];
  close(): Promise<void>;
}

/** Small but varied data: every seeded table has rows. */
export const SMALL_SEED: SeedOptionsInput = { cars: 50, leads: 80, views: 500, seed: 11, now: '2026-11-25T00:00:00Z', analyze: false };

export async function startBackupEnv(opts: { seed?: SeedOptionsInput | null; overrides?: Partial<CoreConfig> } = {}): Promise<BackupEnv> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kroi-backup-test-'));
  const t = await createTestCore({ userDataDir, ...opts.overrides });
  const progress = progressOf(t);
  // The core's own database (an override may point it elsewhere than the clone).
  if (opts.seed !== null) await seed(t.core.databaseUrl, opts.seed ?? SMALL_SEED);
  return envOf(t, await createRoleUsers(t.core), progress, userDataDir, () => t.close());
}

/** Every backup.progress event of this core, from now on. */
function progressOf(t: TestCore): Progress[] {
  const progress: Progress[] = [];
  t.core.events.on('backup.progress', (p) => progress.push(p));
  return progress;
}

function envOf(t: TestCore, users: RoleClients, progress: Progress[], userDataDir: string, closeCore: () => Promise<void>): BackupEnv {
  return {
    t,
    users,
    admin: users.SUPER_ADMIN,
    dir: t.core.config.backupDir ?? path.join(userDataDir, 'backups'),
    progress,
    async close() {
      await closeCore();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Another PC on the same database: a core of its own (own Redis prefix, own backup folder),
 * with the users `env` made signed in there. Closing it leaves the shared database alone.
 */
export async function startSecondPc(env: BackupEnv): Promise<BackupEnv> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kroi-backup-test-pc2-'));
  // createTestCore also makes a database of its own, unused here: its close() drops that one.
  const own = await createTestCore({ userDataDir, database: { mode: 'server', url: env.t.core.databaseUrl } });
  const t: TestCore = { ...own, database: env.t.database };
  const progress = progressOf(t);
  const roles: Role[] = ['SUPER_ADMIN', 'ADMIN', 'VIEWER'];
  const clients = {} as Record<Role, TestClient>;
  for (const role of roles) {
    clients[role] = new TestClient(t.core);
    await clients[role].ok('auth.signIn', { email: `${role.toLowerCase()}@kroi.test`, password: TEST_PASSWORD, remember: false });
  }
  const users: RoleClients = { ...clients, anonymous: new TestClient(t.core), ids: env.users.ids };
  return envOf(t, users, progress, userDataDir, () => own.close());
}

/**
 * The final event of a job. Bounded so a hang fails the test with a message instead of
 * the runner's timeout; the bound is not what is tested.
 */
export async function jobDone(env: BackupEnv, jobId: string, limitMs = 60_000): Promise<Progress> {
  const until = Date.now() + limitMs;
  for (;;) {
    const done = env.progress.find((p) => p.jobId === jobId && p.done);
    if (done) return done;
    if (Date.now() > until) throw new Error(`job ${jobId} did not finish; last events: ${JSON.stringify(env.progress.filter((p) => p.jobId === jobId).slice(-3))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function findBackup(env: BackupEnv, id: string): Promise<BackupDto> {
  const found = (await env.admin.ok('backups.list', {})).find((b) => b.id === id);
  if (!found) throw new Error(`backup ${id} is not in the list`);
  return found;
}

/** Backs up through the router and waits for the end; the list entry as it then is. */
export async function runBackup(env: BackupEnv, kind: 'FULL' | 'PLAIN_SQL' = 'FULL'): Promise<BackupDto> {
  const { jobId, backupId } = await env.admin.ok('backups.run', { kind });
  await jobDone(env, jobId);
  return findBackup(env, backupId);
}

/** Restores through the router: the call's own refusal, or the job's final event. */
export async function runRestore(env: BackupEnv, id: string, confirmDatabase = env.t.database.name): Promise<{ refused: { code: string; message: string } | null; done: Progress | null }> {
  const answer = await env.admin.call('backups.restore', { id, confirmDatabase });
  if (!answer.ok) return { refused: answer.error, done: null };
  return { refused: null, done: await jobDone(env, answer.data.jobId, 120_000) };
}

export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Tables a restore does not take from the backup: the list of backups, and the audit log
 * (the union of the backup's entries and the live ones, with the restore's own; it is listed
 * with no rows, so the table still counts). The sessions come from the live database too,
 * but are compared: the live ones are what a comparison expects. restore-keeps.test.ts
 * checks what the restore does with all of them.
 */
export const RESTORE_EXEMPT: { skip: string[]; where: Record<string, string> } = {
  skip: ['public.backups', 'sequence public.activity_logs_id_seq'],
  where: { 'public.activity_logs': 'false' },
};

/**
 * Per table: row count and md5 of every row's text in primary-key order; per sequence its
 * position. Two databases with equal fingerprints hold the same data.
 */
export async function fingerprint(url: string, opts: { skip?: string[]; where?: Record<string, string> } = {}): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string; pk: string | null }>(`
      SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
             (SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
                FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
               WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
       ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { name, pk } of tables) {
      if (opts.skip?.includes(name)) continue;
      const where = opts.where?.[name] ? `WHERE ${opts.where[name]}` : '';
      const { rows } = await client.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${pk ?? 't::text'}), '')) AS h FROM ${name} t ${where}`,
      );
      out[name] = `${rows[0]!.n}:${rows[0]!.h}`;
    }
    const { rows: sequences } = await client.query<{ name: string }>(`
      SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'S' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
    for (const { name } of sequences) {
      if (opts.skip?.includes(`sequence ${name}`)) continue;
      const { rows } = await client.query<{ v: string; c: boolean }>(`SELECT last_value::text AS v, is_called AS c FROM ${name}`);
      out[`sequence ${name}`] = `${rows[0]!.v}:${rows[0]!.c}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Names whose fingerprints differ between two snapshots. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

/** One SQL statement (or several) on a short-lived connection of its own. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Fills page_views with `rows` synthetic rows (md5 text, so the archive does not shrink to
 * nothing): enough data for pg_dump to run a few seconds, made far faster than the seeder.
 */
export async function bulkPageViews(url: string, rows: number): Promise<void> {
  await sql(
    url,
    `INSERT INTO page_views (path, title, referrer, session_id, user_agent, load_time_ms, created_at)
     SELECT '/autot/' || md5(i::text), 'Käytetyt autot ' || i, 'https://www.google.fi/search?q=' || md5((i * 7)::text),
            md5((i * 3)::text), 'Mozilla/5.0 ' || md5((i * 5)::text), i % 4000, timestamp '2026-01-01' + i * interval '1 second'
       FROM generate_series(1, $1::int) i`,
    [rows],
  );
}
