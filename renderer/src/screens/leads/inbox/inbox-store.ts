// What the inbox shows: view, quick view, search, filters and sort. Kept in memory for the
// session, so opening a lead and coming back finds the inbox as it was left.
import { create } from 'zustand';
import type { LeadPriority, LeadSource, LeadStatus } from '../../../api/contract';

export type InboxView = 'list' | 'board';
export type InboxSort = 'score' | 'createdAt';
export type SortDir = 'asc' | 'desc';
/** '' anyone, 'me', 'unassigned', or a user id. */
export type AssigneeFilter = string;

export interface InboxFilters {
  status: LeadStatus[];
  assignee: AssigneeFilter;
  car: { id: string; name: string } | null;
  source: LeadSource[];
  priority: LeadPriority[];
  scoreMin: number | null;
  scoreMax: number | null;
  /** yyyy-mm-dd, local dates, both inclusive. */
  from: string;
  to: string;
  /** Follow-ups due today or overdue. */
  due: boolean;
}

export const EMPTY_FILTERS: InboxFilters = { status: [], assignee: '', car: null, source: [], priority: [], scoreMin: null, scoreMax: null, from: '', to: '', due: false };

export type QuickView = 'all' | 'mine' | 'unassigned' | 'due';

export const QUICK_VIEWS: readonly QuickView[] = ['all', 'mine', 'unassigned', 'due'];

/** Which quick view the filters amount to, if any. */
export function quickViewOf(f: InboxFilters): QuickView | null {
  const rest = { ...f, assignee: '', due: false };
  if (JSON.stringify(rest) !== JSON.stringify(EMPTY_FILTERS)) return null;
  if (f.due) return f.assignee === '' ? 'due' : null;
  if (f.assignee === '') return 'all';
  if (f.assignee === 'me') return 'mine';
  if (f.assignee === 'unassigned') return 'unassigned';
  return null;
}

const QUICK_FILTERS: Record<QuickView, InboxFilters> = {
  all: EMPTY_FILTERS,
  mine: { ...EMPTY_FILTERS, assignee: 'me' },
  unassigned: { ...EMPTY_FILTERS, assignee: 'unassigned' },
  due: { ...EMPTY_FILTERS, due: true },
};

interface InboxState {
  view: InboxView;
  search: string;
  filters: InboxFilters;
  sort: InboxSort;
  dir: SortDir;
  /** SPAM and ARCHIVED are hidden unless asked for. */
  showClosed: boolean;
  filtersOpen: boolean;
  setView: (view: InboxView) => void;
  setSearch: (search: string) => void;
  setQuickView: (view: QuickView) => void;
  setFilter: <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) => void;
  toggleIn: (key: 'status' | 'source' | 'priority', value: string) => void;
  clearFilters: () => void;
  setSort: (sort: InboxSort) => void;
  setDir: (dir: SortDir) => void;
  setShowClosed: (show: boolean) => void;
  setFiltersOpen: (open: boolean) => void;
}

export const useInbox = create<InboxState>()((set) => ({
  view: 'list',
  search: '',
  filters: EMPTY_FILTERS,
  sort: 'score',
  dir: 'desc',
  showClosed: false,
  filtersOpen: false,
  setView: (view) => set({ view }),
  setSearch: (search) => set({ search }),
  setQuickView: (view) => set({ filters: QUICK_FILTERS[view] }),
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
  toggleIn: (key, value) =>
    set((state) => {
      const current = state.filters[key] as string[];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { filters: { ...state.filters, [key]: next } };
    }),
  clearFilters: () => set({ filters: EMPTY_FILTERS }),
  setSort: (sort) => set({ sort, dir: 'desc' }),
  setDir: (dir) => set({ dir }),
  setShowClosed: (showClosed) => set({ showClosed }),
  setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
}));

/** How many filters the panel has set (the quick views' own settings included). */
export function activeFilterCount(f: InboxFilters): number {
  return [
    f.status.length > 0,
    f.assignee !== '',
    f.car !== null,
    f.source.length > 0,
    f.priority.length > 0,
    f.scoreMin !== null || f.scoreMax !== null,
    f.from !== '' || f.to !== '',
    f.due,
  ].filter(Boolean).length;
}
