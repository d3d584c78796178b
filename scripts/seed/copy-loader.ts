// Streams generated rows into a table with COPY FROM STDIN. Rows are encoded into
// chunks of a few hundred kilobytes and written with backpressure, so memory stays flat
// whatever the row count. Long loads are split over several COPY statements: PostgreSQL
// queues one foreign-key check per row until the end of a statement, so a single
// 5-million-row COPY would hold all of those in server memory at once.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { encodeCopyRow, type CopyValue } from './copy-format';

export type Row<C extends string> = Readonly<Record<C, CopyValue>>;

export interface TableSpec<C extends string> {
  readonly table: string;
  readonly columns: readonly C[];
}

export interface CopyOptions {
  /** Characters per chunk handed to the socket. */
  chunkChars?: number;
  /** Rows per COPY statement before starting the next one. */
  rowsPerStatement?: number;
  /**
   * Write rows already frozen (COPY ... FREEZE), sparing the hint-bit rewrite and freeze
   * vacuum of every page later. Only allowed into a table truncated in this transaction.
   */
  freeze?: boolean;
  /** Called after each chunk with the rows loaded so far into this table. */
  onProgress?: (table: string, rows: number) => void;
}

/** The row type of a table spec: every column, nothing else. */
export type RowOf<T> = T extends TableSpec<infer C> ? Row<C> : never;

export function defineTable<const C extends string>(table: string, columns: readonly C[]): TableSpec<C> {
  return { table, columns };
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function copyRows<C extends string>(
  client: pg.ClientBase,
  spec: TableSpec<C>,
  rows: Iterable<Row<C>>,
  opts: CopyOptions = {},
): Promise<number> {
  const chunkChars = opts.chunkChars ?? 256 * 1024;
  const perStatement = opts.rowsPerStatement ?? 500_000;
  const sql = `COPY ${quoteIdent(spec.table)} (${spec.columns.map(quoteIdent).join(', ')}) FROM STDIN${opts.freeze ? ' WITH (FREEZE)' : ''}`;
  const iterator = rows[Symbol.iterator]();
  let next = iterator.next();
  let total = 0;

  while (!next.done) {
    let inStatement = 0;
    const chunks = function* (): Generator<string> {
      let buf = '';
      while (!next.done && inStatement < perStatement) {
        buf += encodeCopyRow(spec.columns, next.value);
        inStatement++;
        next = iterator.next();
        if (buf.length >= chunkChars) {
          yield buf;
          buf = '';
          opts.onProgress?.(spec.table, total + inStatement);
        }
      }
      if (buf.length > 0) yield buf;
    };
    await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(sql)));
    total += inStatement;
    opts.onProgress?.(spec.table, total);
  }
  return total;
}
