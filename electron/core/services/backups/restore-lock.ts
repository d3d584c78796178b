// One restore at a time across every PC on the database: a PostgreSQL session-level
// advisory lock, held by a connection of the restore's own for its whole duration. If that
// PC crashes or loses its connection, the server releases the lock by itself.
import pg from 'pg';
import { AppError } from '../../api/errors';

/** Beside the app's other advisory keys (42420xx: setup, users, leads; 4242100: scheduler; 4242200: rollups). */
export const RESTORE_LOCK_KEY = 4_242_300;
/** The holder's connection is named after its PC, so a refused PC can say which one restores. */
const APP_NAME_PREFIX = 'kroi-desktop-restore@';

export interface RestoreLock {
  release(): Promise<void>;
}

/** Takes the lock or answers CONFLICT naming the PC that holds it. `onLost` runs if the connection drops. */
export async function acquireRestoreLock(opts: { url: string; host: string; onLost: () => void }): Promise<RestoreLock> {
  // application_name is cut at 63 bytes by the server; a long host name only loses its end.
  const client = new pg.Client({ connectionString: opts.url, application_name: `${APP_NAME_PREFIX}${opts.host}`, connectionTimeoutMillis: 5000, keepAlive: true });
  let released = false;
  client.on('error', () => {
    if (!released) opts.onLost();
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RESTORE_LOCK_KEY]);
    if (rows[0]?.ok !== true) throw new AppError('CONFLICT', `A restore is already running (on PC ${await holder(client)}). Try again when it has finished.`);
  } catch (error) {
    released = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    async release() {
      if (released) return;
      released = true;
      // Unlocked before the connection closes, so the next restore does not race the server's cleanup.
      await client.query('SELECT pg_advisory_unlock($1)', [RESTORE_LOCK_KEY]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** The PC holding the lock, from its connection's name (or its address). */
async function holder(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string | null; addr: string | null }>(
    `SELECT a.application_name AS name, host(a.client_addr) AS addr
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
      LIMIT 1`,
    [RESTORE_LOCK_KEY],
  );
  const row = rows[0];
  if (row?.name?.startsWith(APP_NAME_PREFIX)) return row.name.slice(APP_NAME_PREFIX.length);
  return row?.addr ?? 'another PC';
}
