// The inventory table's columns: header, width, sort key and how a cell shows a row.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { CarRowDto, CarSortKey } from '../../../api/contract';
import { formatCount, formatDate, formatEur, formatKm } from '../format';
import { StatusBadge } from '../StatusBadge';
import { CarThumb } from './CarThumb';
import type { ColumnId } from './column-prefs';

export interface ColumnDef {
  id: ColumnId | 'name';
  /** CSS grid track. */
  width: string;
  /** The track's least width in rem: rows are at least the sum wide (then the table scrolls sideways). */
  minRem: number;
  sort?: CarSortKey;
  align?: 'end' | 'center';
  /** The header is only for screen readers (the image and star columns). */
  hiddenHeader?: boolean;
  render: (row: CarRowDto, t: TFunction, language: string) => ReactNode;
}

export const NAME_COLUMN: ColumnDef = {
  id: 'name',
  width: 'minmax(8rem, 2fr)',
  minRem: 8,
  render: (row) => (
    <span className="car-table__name">
      <span className="car-table__name-text">{row.name}</span>
      {/* The variant under the name, unless the name already says it. */}
      {row.variant && !row.name.includes(row.variant) ? <span className="car-table__sub">{row.variant}</span> : null}
    </span>
  ),
};

export const COLUMNS: Record<ColumnId, ColumnDef> = {
  image: { id: 'image', width: '3.25rem', minRem: 3.25, hiddenHeader: true, render: (row) => <CarThumb url={row.primaryImageUrl} /> },
  brandModel: { id: 'brandModel', width: 'minmax(6rem, 1fr)', minRem: 6, render: (row) => `${row.brand} ${row.model}` },
  year: { id: 'year', width: '4rem', minRem: 4, sort: 'year', align: 'end', render: (row) => row.year },
  price: { id: 'price', width: '5.5rem', minRem: 5.5, sort: 'price', align: 'end', render: (row) => formatEur(row.priceEur) },
  mileage: { id: 'mileage', width: '6.75rem', minRem: 6.75, sort: 'mileage', align: 'end', render: (row) => formatKm(row.mileageKm) },
  fuel: { id: 'fuel', width: '6rem', minRem: 6, render: (row, t) => t(`inventory.fuel.${row.fuelType}`) },
  transmission: { id: 'transmission', width: '6rem', minRem: 6, render: (row, t) => t(`inventory.transmission.${row.transmission}`) },
  category: { id: 'category', width: '6.5rem', minRem: 6.5, render: (row, t) => t(`inventory.category.${row.category}`) },
  status: { id: 'status', width: '6.75rem', minRem: 6.75, render: (row) => <StatusBadge status={row.status} /> },
  featured: {
    id: 'featured',
    width: '2rem',
    minRem: 2,
    align: 'center',
    hiddenHeader: true,
    render: (row, t) =>
      row.featured ? (
        <span className="car-table__star" role="img" aria-label={t('inventory.columns.featured')} title={t('inventory.columns.featured')}>
          ★
        </span>
      ) : null,
  },
  daysInStock: { id: 'daysInStock', width: '4rem', minRem: 4, sort: 'daysInStock', align: 'end', render: (row) => formatCount(row.daysInStock) },
  views: { id: 'views', width: '4rem', minRem: 4, sort: 'views', align: 'end', render: (row) => formatCount(row.views) },
  createdAt: { id: 'createdAt', width: '6rem', minRem: 6, sort: 'createdAt', align: 'end', render: (row, _t, language) => formatDate(row.createdAt, language) },
};

/** The grid tracks for a set of columns (plus the selection column when there is one). */
const SELECT_REM = 2.25;

export function gridTemplate(columns: readonly ColumnDef[], selectable: boolean): string {
  return [selectable ? `${SELECT_REM}rem` : null, ...columns.map((c) => c.width)].filter(Boolean).join(' ');
}

export function rowMinWidth(columns: readonly ColumnDef[], selectable: boolean): string {
  return `${columns.reduce((sum, c) => sum + c.minRem, selectable ? SELECT_REM : 0)}rem`;
}

/** The visible columns in table order; the name always shows, after the picture. */
export function visibleColumns(ids: readonly ColumnId[]): ColumnDef[] {
  const out: ColumnDef[] = [];
  if (ids.includes('image')) out.push(COLUMNS.image);
  out.push(NAME_COLUMN);
  for (const id of ids) if (id !== 'image') out.push(COLUMNS[id]);
  return out;
}
