// PostgreSQL COPY text format: one line per row, columns separated by tabs, \N for NULL,
// and backslash, tab, newline and carriage return escaped inside values.

/** A value a row may carry. Timestamps go in as Date, JSON as already-stringified text. */
export type CopyValue = string | number | boolean | Date | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function escapeCopyText(text: string): string {
  // NUL cannot be stored in a PostgreSQL text value at all; fail loudly, not mid-COPY.
  if (text.includes('\u0000')) throw new Error('COPY value contains a NUL character');
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  switch (typeof value) {
    case 'string':
      return escapeCopyText(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`COPY value is not a finite number: ${value}`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      // A timestamp(3) column ignores the trailing "Z": the value is stored as UTC.
      return value.toISOString();
  }
}

/** One row as a COPY line (with its newline), columns in the given order. */
export function encodeCopyRow<C extends string>(columns: readonly C[], row: Readonly<Record<C, CopyValue>>): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += '\t';
    line += encodeCopyValue(row[columns[i] as C]);
  }
  return line + '\n';
}
