// A chart's numbers as a table: the text alternative of the picture, and what the CSV holds.
import { useTranslation } from 'react-i18next';
import type { Cell, Column } from './chart-export';
import { formatters } from './format';

export interface TableColumn extends Column {
  /** How a number is written: whole (default for numbers) or with decimals. */
  kind?: 'text' | 'count' | 'decimal';
}

export function DataTable({ caption, columns, rows }: { caption: string; columns: readonly TableColumn[]; rows: readonly Record<string, Cell>[] }) {
  const { i18n } = useTranslation();
  const fmt = formatters(i18n.language);
  const show = (column: TableColumn, value: Cell) => {
    if (typeof value !== 'number') return value ?? '—';
    return column.kind === 'decimal' ? fmt.decimal(value, 3) : fmt.count(value);
  };
  return (
    // Focusable: a scrolling region must be reachable by keyboard.
    <div className="chart-table" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption className="data-table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'data-table__num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {show(c, row[c.key] ?? null)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'data-table__num' : undefined}>
                    {show(c, row[c.key] ?? null)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
