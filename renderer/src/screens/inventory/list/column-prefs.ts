// Which table columns a user wants, remembered per PC in localStorage. Pure: the storage is passed in.
export const COLUMN_IDS = ['image', 'brandModel', 'year', 'price', 'mileage', 'fuel', 'transmission', 'category', 'status', 'featured', 'daysInStock', 'views', 'createdAt'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

// Make and model are usually in the name already; the column is one click away in the picker.
export const DEFAULT_COLUMNS: readonly ColumnId[] = ['image', 'year', 'price', 'mileage', 'fuel', 'status', 'featured', 'daysInStock', 'views'];
export const COLUMNS_STORAGE_KEY = 'kroi.inventory.columns';

const isColumnId = (value: unknown): value is ColumnId => typeof value === 'string' && (COLUMN_IDS as readonly string[]).includes(value);

export function readColumns(storage: Pick<Storage, 'getItem'> | null): ColumnId[] {
  try {
    const raw = storage?.getItem(COLUMNS_STORAGE_KEY);
    if (!raw) return [...DEFAULT_COLUMNS];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [...DEFAULT_COLUMNS];
    // Unknown ids (from an older version) are dropped; the order is always the table's own.
    const wanted = new Set(parsed.filter(isColumnId));
    return COLUMN_IDS.filter((id) => wanted.has(id));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

export function storeColumns(storage: Pick<Storage, 'setItem'> | null, columns: readonly ColumnId[]): void {
  try {
    storage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Not remembering is better than failing the change.
  }
}
