// Once per run: a freshly migrated template database that every test file clones.
import pg from 'pg';
import { migrate } from '../../electron/core/db/migrator';
import { databaseUrl, PG_ADMIN_URL } from './env';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  // A template of this run's own: runs side by side (several terminals) never touch each other's.
  // Databases carry the run's process id, so leftovers of dead runs can be told apart.
  const TEMPLATE_DB = `kroi_test_template_${process.pid}`;
  process.env.KROI_TEST_TEMPLATE = TEMPLATE_DB;
  process.env.KROI_TEST_RUN = String(process.pid);
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^kroi_(t|test_template)_[0-9]+'");
    for (const { datname } of rows) {
      const pid = Number(/_(\d+)/.exec(datname)?.[1]);
      if (pid && !alive(pid)) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`).catch(() => undefined);
    }
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(TEMPLATE_DB)}`);
  });
  await migrate(databaseUrl(TEMPLATE_DB));
  return async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(TEMPLATE_DB)} WITH (FORCE)`));
  };
}
