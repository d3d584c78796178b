// Once per run: a freshly migrated template database that every test file clones.
import pg from 'pg';
import { migrate } from '../../electron/core/db/migrator';
import { databaseUrl, PG_ADMIN_URL, TEMPLATE_DB } from './env';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  await admin(async (c) => {
    // Leftovers of an interrupted earlier run.
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'kroi_t\\_%' OR datname = $1", [TEMPLATE_DB]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(TEMPLATE_DB)}`);
  });
  await migrate(databaseUrl(TEMPLATE_DB));
  return async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(TEMPLATE_DB)} WITH (FORCE)`));
  };
}
