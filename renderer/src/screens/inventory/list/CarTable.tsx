// The inventory table: a virtualized ARIA grid, so 100,000 cars scroll as smoothly as 50.
// Only the rows in view are in the DOM; the next page loads as the end comes near.
// Keyboard: arrows/Page/Home/End move between rows, Enter opens, Space selects (Shift: range).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CarRowDto, CarSortKey } from '../../../api/contract';
import { gridTemplate, rowMinWidth, type ColumnDef } from './columns';
import type { SortDir } from './list-store';

export const ROW_HEIGHT = 44;
/** The sticky header's height (styles.css keeps .car-table__row--head at this). */
export const HEADER_HEIGHT = 38;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 40;
const PAGE_JUMP = 10;

interface CarTableProps {
  label: string;
  rows: readonly CarRowDto[];
  total: number;
  columns: readonly ColumnDef[];
  hasMore: boolean;
  loadingMore: boolean;
  moreFailed: boolean;
  onLoadMore: () => void;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (index: number, range: boolean) => void;
  onToggleAll: () => void;
  onOpen: (row: CarRowDto) => void;
  sort: CarSortKey;
  dir: SortDir;
  onSort: (sort: CarSortKey) => void;
}

export function CarTable(props: CarTableProps) {
  const { label, rows, total, columns, hasMore, loadingMore, moreFailed, onLoadMore, selectable, selected, onToggle, onToggleAll, onOpen, sort, dir, onSort } = props;
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  // Set when the keyboard moved: focus follows once the row is rendered.
  const wantFocus = useRef(false);
  const template = gridTemplate(columns, selectable);
  const minWidth = rowMinWidth(columns, selectable);
  const count = rows.length + (hasMore ? 1 : 0);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The rows start under the sticky header: offsets count from there, and a row scrolled
    // to by the keyboard stops below the header rather than behind it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && !moreFailed && lastVisible >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, moreFailed, lastVisible, rows.length, onLoadMore]);

  const safeFocus = Math.min(focusIndex, Math.max(0, rows.length - 1));
  // The roving tab stop: the focused row, or the first one in view when it has scrolled away.
  const tabStop = items.some((item) => item.index === safeFocus) ? safeFocus : (items[0]?.index ?? 0);

  useEffect(() => {
    if (!wantFocus.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${safeFocus}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      wantFocus.current = false;
    }
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    wantFocus.current = true;
    setFocusIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number) {
    const row = rows[index];
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + PAGE_JUMP);
        break;
      case 'PageUp':
        moveTo(index - PAGE_JUMP);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        onOpen(row);
        break;
      case ' ':
        if (!selectable) return;
        onToggle(index, event.shiftKey);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function onRowClick(event: MouseEvent<HTMLDivElement>, index: number) {
    const row = rows[index];
    if (!row) return;
    setFocusIndex(index);
    // The checkbox cell selects; anywhere else opens the car, unless Shift/Ctrl asks to select.
    if ((event.target as HTMLElement).closest('[data-select-cell]')) return;
    if (selectable && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onToggle(index, event.shiftKey);
      return;
    }
    onOpen(row);
  }

  // Computed once per change, not on every scroll frame (100,000 loaded rows are possible).
  const { allSelected, someSelected } = useMemo(() => {
    const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
    return { allSelected: all, someSelected: !all && selected.size > 0 };
  }, [rows, selected]);

  return (
    <div
      ref={scroller}
      className="car-table"
      role="grid"
      aria-label={label}
      aria-rowcount={total >= 0 ? total + 1 : -1}
      aria-multiselectable={selectable || undefined}
      data-testid="car-table"
    >
      <div role="rowgroup" className="car-table__head">
        <div role="row" aria-rowindex={1} className="car-table__row car-table__row--head" style={{ gridTemplateColumns: template, minWidth }}>
          {selectable ? (
            <div role="columnheader" className="car-table__cell car-table__cell--select">
              <SelectAllBox
                checked={allSelected}
                indeterminate={someSelected}
                label={t('inventory.table.selectAll')}
                onChange={onToggleAll}
              />
            </div>
          ) : null}
          {columns.map((column) => {
            const sorted = column.sort !== undefined && column.sort === sort;
            const name = t(`inventory.columns.${column.id}`);
            const short = t(`inventory.columnHeads.${column.id}`);
            // The short header is seen; its full name is heard too ("Km, Mileage"), the seen word first.
            const heard = short === name ? undefined : `${short}, ${name}`;
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-label={column.sort || column.hiddenHeader ? undefined : heard}
                aria-sort={sorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                className={`car-table__cell car-table__cell--head${column.align ? ` car-table__cell--${column.align}` : ''}`}
              >
                {column.hiddenHeader ? (
                  <span className="visually-hidden">{name}</span>
                ) : column.sort ? (
                  <button type="button" className="car-table__sort" onClick={() => onSort(column.sort!)} title={t('inventory.table.sortBy', { column: name })} aria-label={heard}>
                    {short}
                    {sorted ? (
                      <span className="car-table__sort-mark" aria-hidden="true">
                        {dir === 'asc' ? '▲' : '▼'}
                      </span>
                    ) : null}
                  </button>
                ) : (
                  <span title={name}>{short}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="car-table__body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {items.map((item) => {
          const row = rows[item.index];
          const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: item.size, gridTemplateColumns: template };
          if (!row) {
            return (
              <div key="more" role="row" aria-rowindex={item.index + 2} className="car-table__row car-table__row--more" style={{ ...style, gridTemplateColumns: '1fr' }}>
                <div role="gridcell" className="car-table__cell">
                  {moreFailed ? (
                    <>
                      {t('inventory.table.moreFailed')}{' '}
                      <button type="button" className="button button--small button--ghost" onClick={onLoadMore}>
                        {t('common.retry')}
                      </button>
                    </>
                  ) : (
                    t('inventory.table.loadingMore')
                  )}
                </div>
              </div>
            );
          }
          const isSelected = selected.has(row.id);
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selectable ? isSelected : undefined}
              tabIndex={item.index === tabStop ? 0 : -1}
              data-row-index={item.index}
              data-testid="car-row"
              className={`car-table__row${isSelected ? ' car-table__row--selected' : ''}${row.deletedAt ? ' car-table__row--deleted' : ''}`}
              style={style}
              onKeyDown={(event) => onRowKeyDown(event, item.index)}
              onClick={(event) => onRowClick(event, item.index)}
              onFocus={() => setFocusIndex(item.index)}
            >
              {selectable ? (
                <div role="gridcell" className="car-table__cell car-table__cell--select" data-select-cell>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={isSelected}
                    aria-label={t('inventory.table.select', { name: row.name })}
                    onChange={() => undefined}
                    onClick={(event) => {
                      event.stopPropagation();
                      onToggle(item.index, event.shiftKey);
                    }}
                  />
                </div>
              ) : null}
              {columns.map((column) => (
                <div key={column.id} role="gridcell" className={`car-table__cell${column.align ? ` car-table__cell--${column.align}` : ''}`}>
                  {column.render(row, t, i18n.language)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SelectAllBox({ checked, indeterminate, label, onChange }: { checked: boolean; indeterminate: boolean; label: string; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" checked={checked} aria-label={label} onChange={onChange} />;
}
