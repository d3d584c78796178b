// The pg pool shared by Prisma's driver adapter and the core's raw SQL (COPY, LISTEN,
// advisory locks). Nothing waits forever: connect, statement and idle timeouts are set.
import pg from 'pg';
import type { Logger } from '../logger';

export interface PoolSettings {
  max: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  idleTimeoutMs: number;
}

export const DEFAULT_POOL: PoolSettings = { max: 8, connectionTimeoutMs: 5000, statementTimeoutMs: 30_000, idleTimeoutMs: 30_000 };

// Prisma stores DateTime as `timestamp(3)` holding UTC. Raw SQL must read and write them as
// UTC too, whatever the PC's own time zone is (node-postgres would assume local time).
pg.types.setTypeParser(1114, (v: string) => new Date(`${v.replace(' ', 'T')}Z`));
pg.defaults.parseInputDatesAsUTC = true;

// int8 (counts, bigserial ids) as strings would leak into DTOs; parse the safe ones to number.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export function createPool(connectionString: string, settings: PoolSettings, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    application_name: 'kroi-desktop',
    // Prisma stores DateTime as UTC timestamps without zone; date arithmetic in SQL must agree.
    // The trigram threshold lets one or two typos per word still match ("toyta" ~ "toyota").
    options: '-c TimeZone=UTC -c pg_trgm.word_similarity_threshold=0.45',
  });
  // An idle client losing its server must not crash the main process.
  pool.on('error', (error) => logger.warn('database pool error', { message: error.message }));
  return pool;
}

/** host:port/name of a connection string, without credentials, for the status bar. */
export function describeConnection(connectionString: string): { host: string; name: string } {
  try {
    const url = new URL(connectionString);
    return { host: url.port ? `${url.hostname}:${url.port}` : url.hostname, name: url.pathname.replace(/^\//, '') };
  } catch {
    return { host: 'unknown', name: 'unknown' };
  }
}
