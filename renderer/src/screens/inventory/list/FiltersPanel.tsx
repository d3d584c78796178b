// The filters: brand, model, category, status, fuel and gearbox with counts per value,
// price/year/mileage ranges and featured. The counts come from cars.facets, each computed
// with every other filter applied.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarFacetsDto } from '../../../api/contract';
import { formatCount } from '../format';
import { FacetGroup } from './FacetGroup';
import type { ListFilters, MultiKey, RangeKey } from './list-store';
import { RangeFilter } from './RangeFilter';

interface FiltersPanelProps {
  id: string;
  filters: ListFilters;
  facets: CarFacetsDto | null;
  facetsFailed: boolean;
  activeCount: number;
  onToggle: (key: MultiKey, value: string) => void;
  onRange: (key: RangeKey, min: number | null, max: number | null) => void;
  onFeatured: (featured: boolean | null) => void;
  onClear: () => void;
}

const bound = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatCount(n));

export function FiltersPanel({ id, filters, facets, facetsFailed, activeCount, onToggle, onRange, onFeatured, onClear }: FiltersPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const featuredName = useId();
  const count = (value: string) => facets?.featured.find((f) => f.value === value)?.count;
  const whole = (key: RangeKey) => (min: number | null, max: number | null) =>
    // Years and kilometres are whole numbers in the contract.
    onRange(key, key === 'price' || min === null ? min : Math.round(min), key === 'price' || max === null ? max : Math.round(max));

  return (
    <aside id={id} className="inv-filters" aria-labelledby={headingId} data-testid="filters-panel">
      <div className="inv-filters__head">
        <h2 className="inv-filters__title" id={headingId}>
          {t('inventory.filters.title')}
        </h2>
        <button type="button" className="link-button" onClick={onClear} disabled={activeCount === 0}>
          {t('inventory.filters.clear')}
        </button>
      </div>
      {facetsFailed ? <p className="inv-filters__note">{t('inventory.filters.countsStale')}</p> : null}
      {facets === null && !facetsFailed ? <p className="inv-filters__note">{t('common.loading')}</p> : null}
      <FacetGroup legend={t('inventory.filters.status')} counts={facets?.status ?? []} selected={filters.status} labelOf={(v) => t(`inventory.status.${v as 'AVAILABLE'}`)} onToggle={(v) => onToggle('status', v)} />
      <FacetGroup legend={t('inventory.filters.brand')} counts={facets?.brand ?? []} selected={filters.brand} labelOf={(v) => v} onToggle={(v) => onToggle('brand', v)} />
      <FacetGroup legend={t('inventory.filters.model')} counts={facets?.model ?? []} selected={filters.model} labelOf={(v) => v} onToggle={(v) => onToggle('model', v)} />
      <FacetGroup legend={t('inventory.filters.category')} counts={facets?.category ?? []} selected={filters.category} labelOf={(v) => t(`inventory.category.${v as 'SEDAN'}`)} onToggle={(v) => onToggle('category', v)} />
      <FacetGroup legend={t('inventory.filters.fuel')} counts={facets?.fuelType ?? []} selected={filters.fuelType} labelOf={(v) => t(`inventory.fuel.${v as 'PETROL'}`)} onToggle={(v) => onToggle('fuelType', v)} />
      <FacetGroup legend={t('inventory.filters.transmission')} counts={facets?.transmission ?? []} selected={filters.transmission} labelOf={(v) => t(`inventory.transmission.${v as 'MANUAL'}`)} onToggle={(v) => onToggle('transmission', v)} />
      <RangeFilter legend={t('inventory.filters.price')} min={filters.priceMin} max={filters.priceMax} placeholderMin={bound(facets?.price.min)} placeholderMax={bound(facets?.price.max)} onChange={whole('price')} />
      <RangeFilter legend={t('inventory.filters.year')} min={filters.yearMin} max={filters.yearMax} placeholderMin={facets?.year.min ? String(facets.year.min) : ''} placeholderMax={facets?.year.max ? String(facets.year.max) : ''} onChange={whole('year')} />
      <RangeFilter legend={t('inventory.filters.mileage')} min={filters.mileageMin} max={filters.mileageMax} placeholderMin={bound(facets?.mileage.min)} placeholderMax={bound(facets?.mileage.max)} onChange={whole('mileage')} />
      <fieldset className="facet">
        <legend className="facet__legend">{t('inventory.filters.featured')}</legend>
        {(
          [
            [null, t('inventory.filters.featuredAny'), undefined],
            [true, t('inventory.filters.featuredOnly'), count('true')],
            [false, t('inventory.filters.featuredNot'), count('false')],
          ] as const
        ).map(([value, label, n]) => (
          <label key={String(value)} className="facet__option">
            <input type="radio" name={featuredName} checked={filters.featured === value} onChange={() => onFeatured(value)} />
            <span className="facet__label">{label}</span>
            {n !== undefined ? <span className="facet__count">{formatCount(n)}</span> : <span />}
          </label>
        ))}
      </fieldset>
    </aside>
  );
}
