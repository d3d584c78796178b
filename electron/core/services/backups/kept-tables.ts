// Tables whose rows a restore takes from the live database rather than from the backup
// (the audit log, the sessions, the backup list, the scheduled-job claims). Just before the
// live pg_restore their rows are copied, on the server, into a side schema of the live
// database: pg_restore --clean drops only the archive's own objects, so the side schema
// survives it. Afterwards one transaction puts the rows back by each table's policy and
// drops the side schema. Nothing is read into the app's memory (the audit log can be large).
import pg from 'pg';

/** The side schema. A fixed name, so a copy left by a crashed restore is found again. */
export const SIDE_SCHEMA = 'kroi_restore_keep';
/** Which tables the side schema holds, the OID each live table had when it was copied, and when. */
const INDEX_TABLE = '_kept';

/** A column that refers to a row of another table (a user). */
export interface KeptReference {
  column: string;
  table: string;
  key: string;
  /** A boolean column of the referred table: rows referring to an inactive one count as missing. */
  activeColumn?: string;
  /** 'null': the kept row stays, naming nobody. 'drop': the kept row is left out. */
  ifMissing: 'null' | 'drop';
}

export type KeptTable =
  /**
   * The table ends up holding the live rows as they were copied (minus those whose reference
   * is missing), plus rows it gained after the copy by the timestamp column `since` (made on
   * another PC after the live restore, or after a crashed restore that is settled later).
   */
  | {
      table: string;
      policy: 'replace';
      since?: string;
      ref?: KeptReference;
      emptyIfLost?: boolean;
      /**
       * For a copy settled late (left by a crashed restore): only the live rows the copy also
       * holds (matched by this key) stay, and the copy adds none. A row deleted after the crash
       * (a sign-out) must not come back; a row the copy alone has may be one of those.
       */
      leftoverKey?: string;
    }
  /**
   * The restored rows plus every live row they lack. A live row whose `key` is in the restored
   * table with other `sameRow` values (a backup of another database) gets a new key from the
   * column's default instead of being lost.
   */
  | { table: string; policy: 'union'; key: string; sameRow: readonly string[]; ref?: KeptReference };

interface Column {
  name: string;
  type: string;
  /** A type outside pg_catalog (an enum, a domain): the live restore drops and remakes it. */
  custom: boolean;
  generated: boolean;
  hasDefault: boolean;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const live = (table: string) => `public.${q(table)}`;
const side = (table: string) => `${q(SIDE_SCHEMA)}.${q(table)}`;

async function columns(client: pg.ClientBase, relation: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typnamespace <> 'pg_catalog'::regnamespace AS custom,
            a.attgenerated <> '' AS generated, a.atthasdef AS "hasDefault"
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [relation],
  );
  return rows;
}

async function oidOf(client: pg.ClientBase, relation: string): Promise<number | null> {
  const { rows } = await client.query<{ oid: number | null }>('SELECT to_regclass($1)::oid::int8 AS oid', [relation]);
  return rows[0]?.oid === null || rows[0]?.oid === undefined ? null : Number(rows[0].oid);
}

/** Whether a side schema is there (a restore running, or one that crashed, left it). */
export async function sideSchemaExists(client: Pick<pg.ClientBase, 'query'>): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [SIDE_SCHEMA]);
  return rows.length > 0;
}

async function connect(url: string, lockTimeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'kroi-desktop-restore-keep', connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  // Another session's lock makes this fail after a while rather than hang the restore.
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
  return client;
}

/**
 * Copies the kept tables into the side schema, in one transaction. Columns of a type the
 * live restore remakes (enums) are stored as text: the copy must not depend on them, or
 * pg_restore --clean could not drop the type.
 */
export async function saveKept(url: string, tables: readonly KeptTable[], lockTimeoutMs: number): Promise<void> {
  const client = await connect(url, lockTimeoutMs);
  try {
    await client.query('BEGIN');
    // A leftover was settled when this restore began (under the restore lock): what remains is stale.
    await client.query(`DROP SCHEMA IF EXISTS ${q(SIDE_SCHEMA)} CASCADE`);
    await client.query(`CREATE SCHEMA ${q(SIDE_SCHEMA)}`);
    await client.query(`CREATE TABLE ${side(INDEX_TABLE)} (name text NOT NULL, relid int8 NOT NULL, copied_at timestamptz NOT NULL DEFAULT now())`);
    for (const { table } of tables) {
      const relid = await oidOf(client, live(table));
      if (relid === null) continue; // not in this database's schema (yet)
      const select = (await columns(client, live(table)))
        .filter((c) => !c.generated)
        .map((c) => (c.custom ? `${q(c.name)}::text AS ${q(c.name)}` : q(c.name)))
        .join(', ');
      await client.query(`CREATE TABLE ${side(table)} AS SELECT ${select} FROM ${live(table)}`);
      await client.query(`INSERT INTO ${side(INDEX_TABLE)} (name, relid) VALUES ($1, $2)`, [table, relid]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`The live rows to keep (audit log, sessions, backup list) could not be set aside, so nothing was restored: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Moves serial/identity sequences of a live table past its highest value, so new rows do not collide. */
async function bumpSequences(client: pg.ClientBase, table: string, cols: Column[]): Promise<void> {
  for (const c of cols) {
    const { rows } = await client.query<{ seq: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [live(table), c.name]);
    const seq = rows[0]?.seq;
    if (!seq) continue;
    await client.query(`SELECT setval($1, m) FROM (SELECT max(${q(c.name)}) AS m FROM ${live(table)}) x WHERE m IS NOT NULL AND m >= (SELECT last_value FROM ${seq})`, [seq]);
  }
}

/** Puts one kept table's rows back, by its policy, with the columns both sides have. */
async function putBack(client: pg.ClientBase, kept: KeptTable, leftover: boolean): Promise<void> {
  const liveCols = (await columns(client, live(kept.table))).filter((c) => !c.generated);
  const sideNames = new Set((await columns(client, side(kept.table))).map((c) => c.name));
  const common = liveCols.filter((c) => sideNames.has(c.name));
  const typeOf = new Map(common.map((c) => [c.name, c.type]));
  const value = (name: string) => `k.${q(name)}::${typeOf.get(name)}`;

  // Whether the referred row exists (and is active) in the restored data.
  const ref = kept.ref && typeOf.has(kept.ref.column) ? kept.ref : null;
  let refExists = 'true';
  if (ref) {
    const refCols = await columns(client, live(ref.table));
    const refKey = refCols.find((c) => c.name === ref.key);
    const active = ref.activeColumn && refCols.some((c) => c.name === ref.activeColumn) ? ` AND u.${q(ref.activeColumn)}` : '';
    refExists = refKey ? `EXISTS (SELECT 1 FROM ${live(ref.table)} u WHERE u.${q(ref.key)} = k.${q(ref.column)}::${refKey.type}${active})` : 'false';
  }
  const expr = (name: string) => (ref && ref.ifMissing === 'null' && name === ref.column ? `CASE WHEN ${refExists} THEN ${value(name)} END` : value(name));
  const where = (conditions: string[]) => {
    const all = ref?.ifMissing === 'drop' ? [...conditions, refExists] : conditions;
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const insert = (cols: Column[], conditions: string[], onConflict = '') =>
    client.query(
      `INSERT INTO ${live(kept.table)} (${cols.map((c) => q(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE
       SELECT ${cols.map((c) => expr(c.name)).join(', ')} FROM ${side(kept.table)} k ${where(conditions)} ${onConflict}`,
    );

  if (kept.policy === 'replace') {
    const since = liveCols.find((c) => c.name === kept.since);
    // Prisma writes timestamps without time zone in UTC.
    const copiedAt = `(SELECT max(copied_at) FROM ${side(INDEX_TABLE)})${since && !since.type.includes('with time zone') ? " AT TIME ZONE 'UTC'" : ''}`;
    const older = since ? `(r.${q(since.name)} IS NULL OR r.${q(since.name)} <= ${copiedAt})` : 'true';
    if (leftover && kept.leftoverKey && typeOf.has(kept.leftoverKey)) {
      await client.query(`DELETE FROM ${live(kept.table)} r WHERE ${older} AND NOT EXISTS (SELECT 1 FROM ${side(kept.table)} k WHERE ${value(kept.leftoverKey)} = r.${q(kept.leftoverKey)})`);
    } else {
      await client.query(`DELETE FROM ${live(kept.table)} r WHERE ${older}`);
      // A row gained since the copy wins over the copy's row with the same key.
      await insert(common, [], 'ON CONFLICT DO NOTHING');
    }
  } else if (typeOf.has(kept.key)) {
    const match = (cols: readonly string[]) => `NOT EXISTS (SELECT 1 FROM ${live(kept.table)} r WHERE ${cols.map((n) => `r.${q(n)} IS NOT DISTINCT FROM ${value(n)}`).join(' AND ')})`;
    // Live rows the restored table lacks, with their own keys.
    await insert(common, [match([kept.key])]);
    await bumpSequences(client, kept.table, liveCols);
    // Live rows whose key the restored table uses for another row: kept under a new key.
    const keyColumn = common.find((c) => c.name === kept.key)!;
    const same = [kept.key, ...kept.sameRow.filter((n) => typeOf.has(n))];
    if (keyColumn.hasDefault && same.length > 1) await insert(common.filter((c) => c !== keyColumn), [match(same)]);
  }
  await bumpSequences(client, kept.table, liveCols);
}

/** The kept tables the live restore has replaced since they were copied (their OID changed). */
async function replacedSinceCopy(client: pg.ClientBase): Promise<string[]> {
  // A schema of that name without the index is no copy of ours: nothing to put back.
  if ((await oidOf(client, side(INDEX_TABLE))) === null) return [];
  const { rows } = await client.query<{ name: string; relid: string }>(`SELECT name, relid FROM ${side(INDEX_TABLE)}`);
  const names: string[] = [];
  for (const row of rows) {
    const now = await oidOf(client, live(row.name));
    if (now !== null && now !== Number(row.relid) && (await oidOf(client, side(row.name))) !== null) names.push(row.name);
  }
  return names;
}

/** Whether the live restore replaced any kept table since the copy, i.e. whether it committed. */
export async function keptTablesReplaced(url: string): Promise<boolean> {
  const client = await connect(url, 5000);
  try {
    return (await replacedSinceCopy(client)).length > 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Puts back the rows of every kept table that the live restore replaced and drops the side
 * schema; a table the restore did not replace still holds its live rows. The same call tidies
 * a side schema a crashed restore left (`when` 'leftover'): whether that restore committed or
 * not, each table ends up right. On failure the side schema stays for the next restore to settle, and
 * tables marked `emptyIfLost` are emptied rather than left at the backup's state.
 */
export async function settleKept(url: string, tables: readonly KeptTable[], lockTimeoutMs: number, when: 'after-live-step' | 'leftover'): Promise<void> {
  const client = await connect(url, lockTimeoutMs);
  let replaced: KeptTable[] = [];
  try {
    if (!(await sideSchemaExists(client))) return;
    await client.query('BEGIN');
    const names = await replacedSinceCopy(client);
    replaced = tables.filter((t) => names.includes(t.table));
    for (const kept of replaced) await putBack(client, kept, when === 'leftover');
    await client.query(`DROP SCHEMA ${q(SIDE_SCHEMA)} CASCADE`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    for (const kept of replaced) {
      if (kept.policy === 'replace' && kept.emptyIfLost) await client.query(`DELETE FROM ${live(kept.table)}`).catch(() => undefined);
    }
    throw new Error(`The kept rows (audit log, sessions, backup list) could not be put back; they stay in the schema ${SIDE_SCHEMA} and the next restore puts them back: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
