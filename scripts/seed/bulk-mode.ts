// Loads the way pg_restore does: secondary indexes and foreign keys of the seeded tables
// are dropped inside the seeding transaction, the data is copied in, and then they are
// recreated from their own definitions (pg_get_indexdef / pg_get_constraintdef). Building
// an index once is far cheaper than updating it row by row (the GIN indexes above all),
// and re-adding a foreign key checks it with one join instead of one lookup per row.
// DDL is transactional, so a failed run rolls back to the original schema as well; and a
// row that breaks a key makes the ADD CONSTRAINT fail, so integrity is still enforced.
//
// Triggers that only announce changes (pg_notify) are switched off for the load: half a
// million "new lead" notices would reach every open app. One summary notice goes instead.
import type pg from 'pg';

interface IndexDef {
  name: string;
  def: string;
}
interface ForeignKeyDef {
  table: string;
  name: string;
  def: string;
}

interface TriggerDef {
  table: string;
  name: string;
  /** pg_trigger.tgenabled: O (origin), A (always) or R (replica), to restore it exactly. */
  mode: string;
}

export interface DeferredSchema {
  indexes: IndexDef[];
  foreignKeys: ForeignKeyDef[];
  notifyTriggers: TriggerDef[];
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function prepareBulkLoad(client: pg.ClientBase, tables: readonly string[]): Promise<DeferredSchema> {
  const { rows: notifyTriggers } = await client.query<TriggerDef>(
    `SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS mode
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.prosrc ~ 'pg_notify'
        AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1)`,
    [tables],
  );
  for (const t of notifyTriggers) await client.query(`ALTER TABLE ${ident(t.table)} DISABLE TRIGGER ${ident(t.name)}`);

  const { rows: foreignKeys } = await client.query<ForeignKeyDef>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1)
      ORDER BY c.relname, k.conname`,
    [tables],
  );
  // Primary keys stay: the foreign keys of tables outside this set (car_stats) point at them.
  const { rows: indexes } = await client.query<IndexDef>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY c.relname, ic.relname`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
  if (indexes.length > 0) await client.query(`DROP INDEX ${indexes.map((i) => ident(i.name)).join(', ')}`);
  return { indexes, foreignKeys, notifyTriggers };
}

const ENABLE: Readonly<Record<string, string>> = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' };

export async function finishBulkLoad(client: pg.ClientBase, deferred: DeferredSchema, log: (line: string) => void): Promise<void> {
  let t0 = performance.now();
  for (const index of deferred.indexes) await client.query(index.def);
  log(`indexes: ${deferred.indexes.length} rebuilt in ${Math.round(performance.now() - t0)} ms`);
  t0 = performance.now();
  for (const fk of deferred.foreignKeys) await client.query(`ALTER TABLE ${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
  log(`foreign keys: ${deferred.foreignKeys.length} checked in ${Math.round(performance.now() - t0)} ms`);
  for (const t of deferred.notifyTriggers) await client.query(`ALTER TABLE ${ident(t.table)} ${ENABLE[t.mode] ?? 'ENABLE'} TRIGGER ${ident(t.name)}`);
}
