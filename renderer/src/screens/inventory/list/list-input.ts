// The list's state as the contract's inputs for cars.list, cars.facets and cars.exportCsv.
import type { CarSortKey, ChannelInput } from '../../../api/contract';
import type { ListFilters, SortDir } from './list-store';

export interface ListQuery {
  search: string;
  filters: ListFilters;
  sort: CarSortKey;
  dir: SortDir;
  trash: boolean;
}

export type FiltersInput = ChannelInput<'cars.facets'>;

/** Only what is set: an empty list or a null bound is no filter at all. */
export function filtersInput(query: Pick<ListQuery, 'search' | 'filters' | 'trash'>): FiltersInput {
  const f = query.filters;
  const input: FiltersInput = {};
  const q = query.search.trim();
  if (q) input.q = q;
  if (f.brand.length) input.brand = f.brand;
  if (f.model.length) input.model = f.model;
  if (f.category.length) input.category = f.category;
  if (f.status.length) input.status = f.status;
  if (f.fuelType.length) input.fuelType = f.fuelType;
  if (f.transmission.length) input.transmission = f.transmission;
  if (f.priceMin !== null) input.priceMin = f.priceMin;
  if (f.priceMax !== null) input.priceMax = f.priceMax;
  if (f.yearMin !== null) input.yearMin = f.yearMin;
  if (f.yearMax !== null) input.yearMax = f.yearMax;
  if (f.mileageMin !== null) input.mileageMin = f.mileageMin;
  if (f.mileageMax !== null) input.mileageMax = f.mileageMax;
  if (f.featured !== null) input.featured = f.featured;
  if (query.trash) input.deleted = true;
  return input;
}

/** Relevance means nothing without a search; the server would fall back, so the UI does too. */
export const effectiveSort = (query: Pick<ListQuery, 'search' | 'sort'>): CarSortKey =>
  query.sort === 'relevance' && !query.search.trim() ? 'createdAt' : query.sort;

export function listInput(query: ListQuery, cursor: string | null, limit: number): ChannelInput<'cars.list'> {
  return { ...filtersInput(query), sort: effectiveSort(query), dir: query.dir, cursor, limit };
}

export function exportInput(query: ListQuery): ChannelInput<'cars.exportCsv'> {
  return { ...filtersInput(query), sort: effectiveSort(query), dir: query.dir };
}

/** How many filters are set (the search and the trash are not filters). */
export function activeFilterCount(f: ListFilters): number {
  const lists = [f.brand, f.model, f.category, f.status, f.fuelType, f.transmission].reduce((n, list) => n + list.length, 0);
  const ranges = [f.priceMin, f.priceMax, f.yearMin, f.yearMax, f.mileageMin, f.mileageMax].filter((v) => v !== null).length;
  return lists + ranges + (f.featured === null ? 0 : 1);
}
