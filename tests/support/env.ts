// Where the tests find the real services (the CI machine runs both on localhost).
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The migrated template of this test run (named by the global setup, inherited by the workers). */
export const TEMPLATE_DB = process.env.KROI_TEST_TEMPLATE ?? 'kroi_test_template';

/** The same server, another database. */
export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
