// LISTEN for new leads on a connection of its own: the website's inserts and other PCs'
// work reach every open app at once. Reconnects by itself; catches up on start.
import pg from 'pg';
import type { EventBus } from '../../api/events';
import type { Cache } from '../../cache/cache';
import { patterns } from '../../cache/keys';
import type { Logger } from '../../logger';
import type { LeadIntake } from './lead-intake';

export const LEADS_CHANNEL = 'kroi_leads';
/** App-wide notices between PCs (a restore asks every app to reload). */
export const APP_CHANNEL = 'kroi_app';

interface Notice {
  op: 'insert' | 'processed' | 'changed';
  id?: string;
  ids?: string[];
}

export function startLeadListener(deps: { url: string; pool: pg.Pool; intake: LeadIntake; cache: Cache; events: EventBus; logger: Logger }): { stop(): Promise<void> } {
  const { intake, cache, events, logger, pool } = deps;
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let processing: Promise<unknown> | null = null;
  let again = false;

  // Several inserts in a burst become one processing run (and one more if more came meanwhile).
  const process = () => {
    if (processing) {
      again = true;
      return;
    }
    processing = intake
      .processPending()
      .catch(() => undefined)
      .finally(() => {
        processing = null;
        if (again && !stopped) {
          again = false;
          process();
        }
      });
  };

  async function announce(ids: string[]): Promise<void> {
    await cache.delPattern(patterns.contacts);
    const { rows } = await pool.query<{ id: string; name: string; created_at: Date }>('SELECT id, name, created_at FROM contact_submissions WHERE id = ANY($1)', [ids]);
    for (const r of rows) events.emit('leads.new', { id: r.id, name: r.name, createdAt: r.created_at.toISOString() });
  }

  async function connect(attempt: number): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString: deps.url, application_name: 'kroi-desktop-listener', connectionTimeoutMillis: 5000, keepAlive: true });
    c.on('error', (error) => {
      logger.warn('lead listener lost its connection', { message: error.message });
      schedule(1);
    });
    c.on('notification', (message) => {
      if (message.channel === APP_CHANNEL && message.payload) {
        try {
          const notice = JSON.parse(message.payload) as { op?: string; reason?: string };
          if (notice.op === 'reload') events.emit('app.reload', { reason: notice.reason ?? 'changed' });
        } catch {
          // not ours
        }
        return;
      }
      if (message.channel !== LEADS_CHANNEL || !message.payload) return;
      let notice: Notice;
      try {
        notice = JSON.parse(message.payload) as Notice;
      } catch {
        return;
      }
      if (notice.op === 'insert') process();
      else if (notice.op === 'processed' && notice.ids?.length) void announce(notice.ids).catch(() => undefined);
      else if (notice.op === 'changed') void cache.delPattern(patterns.contacts);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LEADS_CHANNEL}; LISTEN ${APP_CHANNEL}`);
      client = c;
      process(); // leads that arrived while this app was not listening
    } catch (error) {
      await c.end().catch(() => undefined);
      logger.warn('lead listener could not connect', { message: (error as Error).message });
      schedule(attempt + 1);
    }
  }

  function schedule(attempt: number): void {
    if (stopped || retry) return;
    const old = client;
    client = null;
    void old?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = null;
      void connect(attempt);
    }, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
  }

  void connect(0);
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await processing;
      await client?.end().catch(() => undefined);
    },
  };
}
