// The inbox's state as the contract's inputs (leads.list, leads.counts, leads.exportCsv). Pure.
import type { ChannelInput, LeadStatus } from '../../../api/contract';
import { dateInputToIso } from '../format';
import type { InboxFilters, InboxSort, SortDir } from './inbox-store';

export type LeadFiltersInput = ChannelInput<'leads.counts'>;
export type LeadsListInput = ChannelInput<'leads.list'>;

/** The statuses worked on the board and in the list; SPAM and ARCHIVED sit behind a toggle. */
export const MAIN_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATION', 'WON', 'LOST'];
export const CLOSED_STATUSES: readonly LeadStatus[] = ['SPAM', 'ARCHIVED'];

export interface InboxQuery {
  search: string;
  filters: InboxFilters;
  sort: InboxSort;
  dir: SortDir;
  showClosed: boolean;
}

/** The statuses shown: those filtered on (SPAM too, if asked for), else the main ones and SPAM/ARCHIVED when shown. */
export function shownStatuses(query: Pick<InboxQuery, 'filters' | 'showClosed'>): LeadStatus[] {
  const all = [...MAIN_STATUSES, ...CLOSED_STATUSES];
  if (query.filters.status.length) return all.filter((s) => query.filters.status.includes(s));
  return query.showClosed ? all : [...MAIN_STATUSES];
}

/** Every filter but the status (leads.counts counts per status itself). */
export function filtersInput(query: InboxQuery): LeadFiltersInput {
  const f = query.filters;
  const q = query.search.trim();
  const input: LeadFiltersInput = {};
  if (f.assignee) input.assignee = f.assignee;
  if (f.car) input.carId = f.car.id;
  if (f.source.length) input.source = f.source;
  if (f.priority.length) input.priority = f.priority;
  if (f.scoreMin !== null) input.scoreMin = f.scoreMin;
  if (f.scoreMax !== null) input.scoreMax = f.scoreMax;
  const from = dateInputToIso(f.from);
  const to = dateInputToIso(f.to, true);
  if (from) input.from = from;
  if (to) input.to = to;
  if (q) input.q = q.slice(0, 120);
  if (f.due) input.due = 'today';
  return input;
}

export function listInput(query: InboxQuery, statuses: readonly LeadStatus[], cursor: string | null, limit: number): LeadsListInput {
  return { ...filtersInput(query), status: [...statuses], sort: query.sort, dir: query.dir, cursor, limit };
}

export function exportInput(query: InboxQuery): ChannelInput<'leads.exportCsv'> {
  return { ...filtersInput(query), status: shownStatuses(query) };
}
