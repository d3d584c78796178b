// `npm run db:seed`: brings the schema up to date, then fills the database with a
// deterministic development data set (see scripts/seed/). Exit codes: 0 done, 1 failed
// (nothing written), 2 bad options (nothing touched).
import { parseArgs } from 'node:util';
import { migrate } from '../electron/core/db/migrator';
import { redact } from '../electron/core/logger';
import { SeedConflictError, SeedOptionsError, parseSeedOptions, seed, type SeedOptionsInput, type SeedSummary } from './seed/index';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/kroi_dev';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

const USAGE = `Usage: npm run db:seed -- [options]

  --cars N            cars (default 200; images, features and specifications follow)
  --leads N           contact submissions (default 500; notes and activities follow)
  --views N           car views (default 20000)
  --page-views N      page views (default 2 × views)
  --vitals N          web vitals (default views / 5)
  --subscribers N     newsletter subscribers (default leads / 5, at least 20)
  --seed N            random seed (default 1): same seed and options, same data
  --now ISO           instant the history ends at (default: start of this hour)
  --reset             empty the seeded tables first (users are updated, the audit log kept)
  --no-analyze        skip ANALYZE afterwards
  --skip-migrate      do not apply pending migrations first
  --database-url URL  default: $DATABASE_URL, else ${DEFAULT_URL}
  --redis-url URL     Redis whose cached cars/leads/analytics to clear afterwards
                      (default: $REDIS_URL, else ${DEFAULT_REDIS}; unreachable is fine)
  --no-cache-flush    leave Redis alone
  --quiet             no progress lines
  -h, --help          this text`;

class UsageError extends Error {}

const COUNT_FLAGS = { cars: 'cars', leads: 'leads', views: 'views', 'page-views': 'pageViews', vitals: 'vitals', subscribers: 'subscribers', seed: 'seed' } as const;

function wholeNumber(flag: string, text: string): number {
  // Digits only: "1e5", "-3" and "12abc" are mistakes, not numbers to guess at.
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

interface Cli {
  options: SeedOptionsInput;
  databaseUrl: string;
  migrate: boolean;
  quiet: boolean;
  help: boolean;
}

function parseCli(argv: string[]): Cli {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        cars: { type: 'string' },
        leads: { type: 'string' },
        views: { type: 'string' },
        'page-views': { type: 'string' },
        vitals: { type: 'string' },
        subscribers: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        reset: { type: 'boolean' },
        'no-analyze': { type: 'boolean' },
        'skip-migrate': { type: 'boolean' },
        'database-url': { type: 'string' },
        'redis-url': { type: 'string' },
        'no-cache-flush': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  const options: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(COUNT_FLAGS)) {
    const text = v[flag as keyof typeof COUNT_FLAGS];
    if (text !== undefined) options[key] = wholeNumber(flag, text);
  }
  if (v.now !== undefined) options.now = v.now;
  if (v.reset) options.reset = true;
  if (v['no-analyze']) options.analyze = false;
  options.redisUrl = v['no-cache-flush'] ? null : (v['redis-url'] ?? process.env.REDIS_URL ?? DEFAULT_REDIS);

  const databaseUrl = v['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_URL;
  if (!/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new UsageError(`--database-url must be a postgresql:// URL, got "${redact(databaseUrl)}"`);
  }
  return { options: options as SeedOptionsInput, databaseUrl, migrate: !v['skip-migrate'], quiet: v.quiet === true, help: v.help === true };
}

function report(summary: SeedSummary, seconds: string): string {
  const width = Math.max(...Object.keys(summary.rows).map((t) => t.length));
  const lines = Object.entries(summary.rows).map(
    ([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(12)}  ${String(summary.tableMs[table] ?? 0).padStart(7)} ms`,
  );
  const users = summary.users.map(
    (u) => `  ${u.role.padEnd(11)}  ${u.email.padEnd(36)}  ${u.password}${u.isActive ? '' : '  (deactivated)'}`,
  );
  return [
    `Seeded in ${seconds} s (seed ${summary.seed}, history up to ${summary.now}${summary.reset ? ', after --reset' : ''}):`,
    ...lines,
    `  system_config: ${summary.configInserted} new setting(s)`,
    '',
    'DEVELOPMENT ONLY: sign-in accounts and their passwords. Never use these on a real database.',
    ...users,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  let cli: Cli;
  try {
    cli = parseCli(argv);
    if (cli.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    // Validate every option before connecting, so a bad one touches nothing.
    parseSeedOptions(cli.options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SeedOptionsError) {
      const problems = error instanceof SeedOptionsError ? error.problems : [error.message];
      process.stderr.write(`db:seed: ${problems.join('\n         ')}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }

  const log = cli.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  try {
    if (cli.migrate) {
      const result = await migrate(cli.databaseUrl, { onApply: (name) => log(`migrating: ${name}`) });
      if (result.applied.length === 0) log(`schema up to date (${result.current ?? 'no migrations'})`);
    }
    const summary = await seed(cli.databaseUrl, { ...cli.options, log });
    process.stdout.write(`${report(summary, ((performance.now() - started) / 1000).toFixed(1))}\n`);
    return 0;
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SeedConflictError) {
      process.stderr.write(`db:seed: ${message}\n`);
    } else if (code === '3D000') {
      const name = new URL(cli.databaseUrl).pathname.slice(1);
      process.stderr.write(`db:seed: database "${name}" does not exist. Create it first, e.g. createdb -h 127.0.0.1 -U postgres ${name}\n`);
    } else if (code === '55P03') {
      process.stderr.write('db:seed: the tables are in use by another connection (a running app?). Close it and try again; nothing was seeded.\n');
    } else if (code === 'ECONNREFUSED') {
      process.stderr.write(`db:seed: cannot reach PostgreSQL at ${redact(cli.databaseUrl)} (is it running?)\n`);
    } else {
      process.stderr.write(`db:seed: failed, nothing was seeded: ${redact(message)}\n`);
      if (error instanceof Error && error.stack && process.env.DEBUG) process.stderr.write(`${redact(error.stack)}\n`);
    }
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`db:seed: ${redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = 1;
  },
);
