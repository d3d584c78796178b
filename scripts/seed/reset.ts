// The tables the seeder fills, and how --reset empties them. users stay (the insert-only
// activity_logs refers to them, so they cannot be truncated; they are upserted instead),
// and activity_logs, system_config, sessions and auth_attempts are left alone.
import type pg from 'pg';

/** Children first; TRUNCATE takes them in one statement anyway, without CASCADE. */
export const SEEDED_TABLES = [
  'web_vitals',
  'page_views',
  'car_views',
  'contact_activities',
  'contact_notes',
  'contact_submissions',
  'car_specifications',
  'car_features',
  'car_images',
  'cars',
  'newsletter_subscribers',
] as const;

/**
 * Tables the database keeps up to date from the seeded ones by trigger (car_stats counts
 * car_views, car_search_words holds the cars' title words, car_search_rows their search
 * rows). TRUNCATE fires no delete triggers, so --reset empties them too, if present.
 */
export const DERIVED_TABLES = ['car_stats', 'car_search_words', 'car_search_rows'] as const;

export class SeedConflictError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `The database already has data in ${tables.join(', ')}. Seeding adds a complete data set, so it needs empty tables: ` +
        'run again with --reset to replace that data (users are updated, the audit log and settings are kept).',
    );
    this.name = 'SeedConflictError';
  }
}

export async function truncateSeededTables(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(quote_ident(name)) IS NOT NULL', [
    [...DERIVED_TABLES],
  ]);
  const tables = [...SEEDED_TABLES, ...rows.map((r) => r.name)];
  // No CASCADE: if some future table points at these, fail rather than empty it unasked.
  await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY`);
}

export async function assertSeededTablesEmpty(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    SEEDED_TABLES.map((t) => `SELECT '${t}' AS name WHERE EXISTS (SELECT 1 FROM "${t}")`).join(' UNION ALL '),
  );
  if (rows.length > 0) throw new SeedConflictError(rows.map((r) => r.name));
}
