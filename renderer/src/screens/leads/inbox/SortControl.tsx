// Sort by score or by date received, and the direction.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxSort, SortDir } from './inbox-store';

const SORTS: readonly InboxSort[] = ['score', 'createdAt'];

interface SortControlProps {
  sort: InboxSort;
  dir: SortDir;
  onSort: (sort: InboxSort) => void;
  onDir: (dir: SortDir) => void;
}

export function SortControl({ sort, dir, onSort, onDir }: SortControlProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="leads-sort">
      <label htmlFor={id} className="leads-sort__label">
        {t('leads.sort.label')}
      </label>
      <select id={id} className="field__input leads-sort__select" value={sort} onChange={(event) => onSort(event.target.value as InboxSort)}>
        {SORTS.map((key) => (
          <option key={key} value={key}>
            {t(`leads.sort.${key}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => onDir(dir === 'asc' ? 'desc' : 'asc')}
        aria-label={dir === 'asc' ? t('leads.sort.ascending') : t('leads.sort.descending')}
        title={t('leads.sort.toggleDir')}
      >
        <span aria-hidden="true">{dir === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>
  );
}
