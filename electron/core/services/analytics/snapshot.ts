// One consistent view of the roll-ups for a whole dashboard. The roll-up job replaces a
// day's rows and moves the watermark (or today's partial end) in one transaction; a reader
// that read the state before such a commit and the rows after it would count some rows
// twice. So the state is read in a REPEATABLE READ transaction whose snapshot is exported,
// and every query of the dashboard imports it, running side by side on its own connection.
// JIT is off in those transactions too: a few tens of thousands of raw rows read through an
// index pass the planner's JIT threshold, and compiling takes longer than running.
import type pg from 'pg';
import type { RollupState } from './range-plan';
import { readRollupState } from './rollup-state';

export type Query = <R extends pg.QueryResultRow>(sql: string, values: unknown[]) => Promise<pg.QueryResult<R>>;

export interface Snapshot {
  state: RollupState;
  query: Query;
  close(): Promise<void>;
}

export async function openSnapshot(pool: pg.Pool): Promise<Snapshot> {
  const holder = await pool.connect();
  let id: string;
  let state: RollupState;
  try {
    await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    id = (await holder.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    state = await readRollupState(holder);
  } catch (error) {
    await holder.query('ROLLBACK').catch(() => undefined);
    holder.release();
    throw error;
  }

  const query: Query = async <R extends pg.QueryResultRow>(sql: string, values: unknown[]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // The id comes from the server, not from a caller.
      await client.query(`SET TRANSACTION SNAPSHOT '${id.replace(/'/g, "''")}'`);
      await client.query('SET LOCAL jit = off');
      const result = await client.query<R>(sql, values);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  let closed = false;
  return {
    state,
    query,
    async close() {
      if (closed) return;
      closed = true;
      await holder.query('COMMIT').catch(() => undefined);
      holder.release();
    },
  };
}

/**
 * At most `max` snapshots open at once. Each holds a pool connection while its queries need
 * others: with every connection held by a snapshot, the queries would wait for ever.
 */
export function snapshotGate(max: number) {
  let open = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    // The slot passes straight to the next waiter, or is given back.
    const next = waiting.shift();
    if (next) next();
    else open--;
  };
  return async function openGated(pool: pg.Pool): Promise<Snapshot> {
    if (open >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else open++;
    let snapshot: Snapshot;
    try {
      snapshot = await openSnapshot(pool);
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    return {
      ...snapshot,
      async close() {
        if (released) return;
        released = true;
        await snapshot.close();
        release();
      },
    };
  };
}

/**
 * A snapshot opened only if some part of an answer is not in the cache, once, and shared by
 * every part that needs it; `close` is a no-op when it was never opened.
 */
export function lazySnapshot(open: () => Promise<Snapshot>) {
  let pending: Promise<Snapshot> | null = null;
  return {
    get: (): Promise<Snapshot> => (pending ??= open()),
    async close(): Promise<void> {
      if (pending) await (await pending.catch(() => null))?.close();
    },
  };
}
