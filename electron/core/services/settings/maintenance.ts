// VACUUM (ANALYZE) of one table or of every table of the public schema, one after another,
// as the seed's monthly maintenance. VACUUM cannot run inside a transaction, so it gets a
// pg.Client of its own (never a pooled connection). The table name is only ever one that
// pg_tables lists for the public schema, and it is quoted as an identifier.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { VacuumStartDto } from '../../api/dto-settings';
import { AppError } from '../../api/errors';
import type { EventBus } from '../../api/events';
import type { Principal } from '../../api/router';
import type { Db } from '../../db/prisma';
import type { Logger } from '../../logger';
import { redact } from '../../logger';
import { record } from '../audit';

/** A big table may take long; a lock held by a migration or another VACUUM must not hang it forever. */
const STATEMENT_TIMEOUT = '30min';
const LOCK_TIMEOUT = '15s';

export function createMaintenanceService(deps: { db: Db; pool: pg.Pool; events: EventBus; logger: Logger; url: string }) {
  let running: pg.Client | null = null;
  let busy = false;
  let stopped = false;

  async function publicTables(): Promise<string[]> {
    const { rows } = await deps.pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    return rows.map((r) => r.name);
  }

  async function run(jobId: string, tables: string[], actor: Principal): Promise<void> {
    const emit = (table: string | null, done: number, finished = false, error: string | null = null) =>
      deps.events.emit('maintenance.progress', { jobId, table, done, total: tables.length, finished, error });
    const failed: string[] = [];
    const client = new pg.Client({ connectionString: deps.url, application_name: 'kroi-desktop-maintenance', connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    // Without ownership VACUUM only warns ("skipping …"); that is a failure for this table.
    let warning: string | null = null;
    client.on('notice', (notice) => {
      if (notice.severity === 'WARNING' || /skipping/i.test(notice.message ?? '')) warning = notice.message ?? 'skipped';
    });
    running = client;
    // The finished event goes out last: whoever hears it can start the next run at once and
    // finds the audit entry written.
    let outcome: { done: number; error: string | null } = { done: 0, error: null };
    try {
      await client.connect();
      await client.query(`SET statement_timeout = '${STATEMENT_TIMEOUT}'`);
      await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
      for (const [i, table] of tables.entries()) {
        if (stopped) throw new Error('The app is closing.');
        emit(table, i);
        warning = null;
        try {
          // New cars' search rows are appended at the end; title order keeps a search's
          // matches on few pages (see the car_search_rows migration). A dealership's cars take milliseconds.
          if (table === 'car_search_rows') await client.query('CLUSTER public.car_search_rows USING idx_car_search_rows_title');
          await client.query(`VACUUM (ANALYZE) public.${client.escapeIdentifier(table)}`);
          if (warning) failed.push(`${table}: ${warning}`);
        } catch (error) {
          if (stopped) throw error;
          failed.push(`${table}: ${redact((error as Error).message)}`);
        }
      }
      outcome = { done: tables.length, error: failed.length ? `Not every table was vacuumed. ${failed.slice(0, 5).join('; ')}` : null };
      await record(deps.db, { userId: actor.userId, action: 'health.vacuum', entityType: 'Database', entityId: null, metadata: { tables: tables.length === 1 ? tables[0] : 'all', count: tables.length, failed: failed.length } }).catch(() => undefined);
    } catch (error) {
      deps.logger.warn('vacuum failed', error);
      outcome = { done: tables.length - failed.length, error: `VACUUM failed: ${redact((error as Error).message)}` };
    } finally {
      running = null;
      await client.end().catch(() => undefined);
      busy = false;
      emit(null, outcome.done, true, outcome.error);
    }
  }

  return {
    publicTables,

    async vacuum(table: string | null, actor: Principal): Promise<VacuumStartDto> {
      if (busy) throw new AppError('CONFLICT', 'A VACUUM is already running; wait for it to finish.');
      // Taken before the first await, so two clicks cannot start two runs.
      busy = true;
      let tables: string[];
      try {
        const all = await publicTables();
        if (table !== null && !all.includes(table)) {
          throw new AppError('VALIDATION', `There is no table "${table}" in the public schema.`, { fields: { table: 'Choose a table from the list.' } });
        }
        tables = table === null ? all : [table];
      } catch (error) {
        busy = false;
        throw error;
      }
      const jobId = `vacuum-${randomBytes(6).toString('hex')}`;
      void run(jobId, tables, actor);
      return { jobId, tables };
    },

    async stop(): Promise<void> {
      stopped = true;
      // Ends the session: the server cancels the running VACUUM with it.
      await running?.end().catch(() => undefined);
    },
  };
}

export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
