// `npm run db:migrate`: applies pending migrations to DATABASE_URL with the app's own
// migrator (the same one the app runs at start-up).
import { migrate, MigrationError } from '../electron/core/db/migrator';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate, e.g. postgresql://kroi@db.example:5432/kroi');
  process.exit(2);
}
try {
  const result = await migrate(url, { onApply: (name) => console.log(`applying ${name}`) });
  console.log(result.applied.length ? `Applied ${result.applied.length} migration(s); now at ${result.current}.` : `Up to date at ${result.current}.`);
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
