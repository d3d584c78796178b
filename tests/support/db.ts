// A database of the test file's own, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, PG_ADMIN_URL, TEMPLATE_DB } from './env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `template: null` gives an empty database (for migrator tests). */
export async function createTestDatabase(opts: { template?: string | null } = {}): Promise<TestDatabase> {
  const name = `kroi_t_${process.env.KROI_TEST_RUN ?? process.pid}_${randomBytes(5).toString('hex')}`;
  const template = opts.template === undefined ? TEMPLATE_DB : opts.template;
  const quoted = `"${name}"`;
  // Cloning fails if anyone is connected to the template at that instant; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(template ? `CREATE DATABASE ${quoted} TEMPLATE "${template}"` : `CREATE DATABASE ${quoted}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name,
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`),
  };
}
