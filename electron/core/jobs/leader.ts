// Electing the one PC that runs scheduled jobs: whoever holds a PostgreSQL session-level
// advisory lock on a connection of its own. If that PC quits or loses its connection, the
// server releases the lock and another PC takes over at its next try.
import pg from 'pg';
import type { Logger } from '../logger';

export const LEADER_LOCK_KEY = 4_242_100;

export interface Leadership {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export function electLeader(opts: { url: string; logger: Logger; retryMs?: number; onChange?: (leader: boolean) => void }): Leadership {
  const retryMs = opts.retryMs ?? 15_000;
  let client: pg.Client | null = null;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const setLeader = (next: boolean) => {
    if (next === leader) return;
    leader = next;
    opts.logger.info(next ? 'this PC now runs the scheduled jobs' : 'this PC no longer runs the scheduled jobs');
    opts.onChange?.(next);
  };

  async function attempt(): Promise<void> {
    if (stopped) return;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: opts.url, application_name: 'kroi-desktop-scheduler', connectionTimeoutMillis: 5000, keepAlive: true });
        c.on('error', () => {
          // The lock went with the connection.
          client = null;
          setLeader(false);
        });
        await c.connect();
        client = c;
      }
      if (!leader) {
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK_KEY]);
        setLeader(rows[0]?.ok === true);
      } else {
        await client.query('SELECT 1'); // still connected, so still holding the lock
      }
    } catch (error) {
      opts.logger.debug('leader election attempt failed', { message: (error as Error).message });
      const c = client;
      client = null;
      setLeader(false);
      await c?.end().catch(() => undefined);
    } finally {
      if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
    }
  }

  void attempt();
  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      setLeader(false);
      await client?.end().catch(() => undefined);
    },
  };
}
