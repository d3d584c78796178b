// The roll-ups' state row and dirty days, read in one round trip.
import type pg from 'pg';
import type { RollupState } from './range-plan';

export async function readRollupState(pool: pg.Pool | pg.PoolClient): Promise<RollupState> {
  const { rows } = await pool.query<{ watermark: string | null; partial_until: string | null; version: string; dirty: string[] | null }>(
    `SELECT to_char(s.watermark, 'YYYY-MM-DD') AS watermark,
            to_char(s.partial_until, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS partial_until,
            s.version::text AS version,
            (SELECT array_agg(to_char(d.day, 'YYYY-MM-DD') ORDER BY d.day) FROM analytics_dirty_days d) AS dirty
       FROM analytics_rollup_state s WHERE s.id = 1`,
  );
  const row = rows[0];
  return { watermark: row?.watermark ?? null, partialUntil: row?.partial_until ?? null, version: row?.version ?? '0', dirty: row?.dirty ?? [] };
}
