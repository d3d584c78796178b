// Sort by a key (relevance only while searching) and the direction.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { carSortKeys, type CarSortKey } from '../../../api/contract';
import type { SortDir } from './list-store';

interface SortControlProps {
  sort: CarSortKey;
  dir: SortDir;
  searching: boolean;
  onSort: (sort: CarSortKey) => void;
  onDir: (dir: SortDir) => void;
}

export function SortControl({ sort, dir, searching, onSort, onDir }: SortControlProps) {
  const { t } = useTranslation();
  const id = useId();
  const keys = carSortKeys.filter((key) => key !== 'relevance' || searching);
  const relevance = sort === 'relevance';
  return (
    <div className="inv-sort">
      <label htmlFor={id} className="inv-sort__label">
        {t('inventory.sort.label')}
      </label>
      <select id={id} className="field__input inv-sort__select" value={sort} onChange={(event) => onSort(event.target.value as CarSortKey)}>
        {keys.map((key) => (
          <option key={key} value={key}>
            {t(`inventory.sort.${key}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--ghost button--small inv-sort__dir"
        onClick={() => onDir(dir === 'asc' ? 'desc' : 'asc')}
        disabled={relevance}
        aria-label={dir === 'asc' ? t('inventory.sort.ascending') : t('inventory.sort.descending')}
        title={t('inventory.sort.toggleDir')}
      >
        <span aria-hidden="true">{dir === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>
  );
}
