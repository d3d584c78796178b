// What the inventory list shows: search, filters, sort and trash. Kept in memory for the
// session, so going into a car and back finds the list as it was left.
import { create } from 'zustand';
import type { CarCategory, CarSortKey, CarStatus, FuelType, Transmission } from '../../../api/contract';

export interface ListFilters {
  brand: string[];
  model: string[];
  category: CarCategory[];
  status: CarStatus[];
  fuelType: FuelType[];
  transmission: Transmission[];
  priceMin: number | null;
  priceMax: number | null;
  yearMin: number | null;
  yearMax: number | null;
  mileageMin: number | null;
  mileageMax: number | null;
  featured: boolean | null;
}

export type MultiKey = 'brand' | 'model' | 'category' | 'status' | 'fuelType' | 'transmission';
export type RangeKey = 'price' | 'year' | 'mileage';
export type SortDir = 'asc' | 'desc';

export const EMPTY_FILTERS: ListFilters = {
  brand: [],
  model: [],
  category: [],
  status: [],
  fuelType: [],
  transmission: [],
  priceMin: null,
  priceMax: null,
  yearMin: null,
  yearMax: null,
  mileageMin: null,
  mileageMax: null,
  featured: null,
};

export const DEFAULT_SORT: CarSortKey = 'createdAt';
const WIDE_SCREEN_PX = 1440;

interface ListState {
  /** The search as sent (the box debounces its typing into this). */
  search: string;
  filters: ListFilters;
  sort: CarSortKey;
  dir: SortDir;
  trash: boolean;
  filtersOpen: boolean;
  setSearch: (search: string) => void;
  toggleValue: (key: MultiKey, value: string) => void;
  setRange: (key: RangeKey, min: number | null, max: number | null) => void;
  setFeatured: (featured: boolean | null) => void;
  clearFilters: () => void;
  setSort: (sort: CarSortKey, dir?: SortDir) => void;
  setDir: (dir: SortDir) => void;
  setTrash: (trash: boolean) => void;
  setFiltersOpen: (open: boolean) => void;
}

export const useInventoryList = create<ListState>()((set) => ({
  search: '',
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  dir: 'desc',
  trash: false,
  // Open on wide screens; at 1366 px the table gets the room first (the button shows the count).
  filtersOpen: typeof window === 'undefined' ? true : window.innerWidth >= WIDE_SCREEN_PX,

  setSearch: (search) =>
    set((state) => {
      const searching = search.trim() !== '';
      const wasSearching = state.search.trim() !== '';
      // A new search sorts by relevance; clearing it goes back to the usual order.
      if (searching && !wasSearching) return { search, sort: 'relevance', dir: 'desc' };
      if (!searching && state.sort === 'relevance') return { search, sort: DEFAULT_SORT, dir: 'desc' };
      return { search };
    }),

  toggleValue: (key, value) =>
    set((state) => {
      const current = state.filters[key] as string[];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { filters: { ...state.filters, [key]: next } };
    }),

  setRange: (key, min, max) => set((state) => ({ filters: { ...state.filters, [`${key}Min`]: min, [`${key}Max`]: max } })),

  setFeatured: (featured) => set((state) => ({ filters: { ...state.filters, featured } })),

  clearFilters: () => set({ filters: EMPTY_FILTERS }),

  setSort: (sort, dir) => set((state) => ({ sort, dir: dir ?? state.dir })),

  setDir: (dir) => set({ dir }),

  setTrash: (trash) => set({ trash }),

  setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
}));
