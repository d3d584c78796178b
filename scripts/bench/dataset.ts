// The benchmark data set on the local PostgreSQL: made once per size (COPY through the
// seed generator) and reused while its marker in system_config matches.
import pg from 'pg';
import { migrate } from '../../electron/core/db/migrator';
import { seed } from '../seed/index';

export interface DatasetSize {
  cars: number;
  leads: number;
  views: number;
  pageViews?: number;
  vitals?: number;
}

const MARKER = 'bench.dataset';
export const BENCH_ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function benchUrl(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated database named for the size, seeded unless it already holds exactly that size. */
export async function ensureDataset(name: string, size: DatasetSize, log: (line: string) => void = console.log): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = benchUrl(name);
  const { applied } = await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // A migration that rewrote a table leaves its visibility map empty until autovacuum comes
  // by; measure the steady state a running server reaches, not that moment.
  if (applied.length) await pool.query('VACUUM ANALYZE');
  try {
    const { rows } = await pool.query<{ value: unknown }>('SELECT value FROM system_config WHERE key = $1', [MARKER]);
    // jsonb stores keys in its own order: compare with the keys sorted on both sides.
    const canonical = (v: unknown) => JSON.stringify(Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))));
    const wanted = JSON.stringify(size);
    if (rows[0]?.value && typeof rows[0].value === 'object' && canonical(rows[0].value) === canonical(size)) {
      log(`data set ${name} is ready (${wanted})`);
      return url;
    }
    log(`making data set ${name} (${wanted}); this runs once`);
    const started = Date.now();
    const summary = await seed(pool, { ...size, reset: true, seed: 7, now: '2026-11-25T00:00:00Z', log: (l) => log(`  ${l}`) });
    await pool.query(
      `INSERT INTO system_config (key, value, description, updated_at) VALUES ($1, $2, 'benchmark data set', now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [MARKER, wanted],
    );
    // The visibility map lets counts use index-only scans, as on a server where autovacuum has run.
    await pool.query('VACUUM ANALYZE');
    log(`data set ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${Object.entries(summary.rows).map(([t, n]) => `${t}=${n}`).join(', ')})`);
    return url;
  } finally {
    await pool.end();
  }
}
