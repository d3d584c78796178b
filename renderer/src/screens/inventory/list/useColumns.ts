// The visible columns as React state, remembered between starts.
import { useCallback, useState } from 'react';
import { browserStorage } from '../../../i18n/language';
import { COLUMN_IDS, DEFAULT_COLUMNS, readColumns, storeColumns, type ColumnId } from './column-prefs';

export function useColumns(): { columns: ColumnId[]; toggle: (id: ColumnId) => void; reset: () => void } {
  const [columns, setColumns] = useState<ColumnId[]>(() => readColumns(browserStorage()));

  const toggle = useCallback((id: ColumnId) => {
    setColumns((current) => {
      const wanted = new Set(current);
      if (wanted.has(id)) wanted.delete(id);
      else wanted.add(id);
      const next = COLUMN_IDS.filter((c) => wanted.has(c));
      storeColumns(browserStorage(), next);
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    storeColumns(browserStorage(), DEFAULT_COLUMNS);
    setColumns([...DEFAULT_COLUMNS]);
  }, []);

  return { columns, toggle, reset };
}
