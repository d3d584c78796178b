// One multi-select filter: a checkbox per value with how many cars have it. Long lists
// (brands, models) show the most common first and a "show all" button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetCount } from '../../../api/contract';
import { formatCount } from '../format';

const SHORT_LIST = 8;

interface FacetGroupProps {
  legend: string;
  counts: readonly FacetCount[];
  selected: readonly string[];
  /** A value's label (enum values are translated; brands and models are shown as they are). */
  labelOf: (value: string) => string;
  onToggle: (value: string) => void;
}

export function FacetGroup({ legend, counts, selected, labelOf, onToggle }: FacetGroupProps) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  // A chosen value stays listed even when nothing matches it any more, so it can be unticked.
  const missing = selected.filter((value) => !counts.some((c) => c.value === value)).map((value) => ({ value, count: 0 }));
  const options = [...counts, ...missing];
  const shown = all ? options : options.filter((option, index) => index < SHORT_LIST || selected.includes(option.value));
  if (options.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      <ul className="facet__list">
        {shown.map((option) => (
          <li key={option.value}>
            <label className="facet__option">
              <input type="checkbox" checked={selected.includes(option.value)} onChange={() => onToggle(option.value)} />
              <span className="facet__label">{labelOf(option.value)}</span>
              <span className="facet__count">{formatCount(option.count)}</span>
            </label>
          </li>
        ))}
      </ul>
      {options.length > SHORT_LIST ? (
        <button type="button" className="link-button" onClick={() => setAll((value) => !value)} aria-expanded={all}>
          {all ? t('inventory.filters.showFewer') : t('inventory.filters.showAll', { count: options.length })}
        </button>
      ) : null}
    </fieldset>
  );
}
