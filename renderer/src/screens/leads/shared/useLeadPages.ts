// Leads a page at a time through leads.list's cursor; a new lead arriving ('leads.new')
// reloads the first page.
import { useEffect } from 'react';
import { call, subscribe } from '../../../api/client';
import type { ChannelInput, LeadRowDto } from '../../../api/contract';
import { useCursorPages, type CursorPages } from '../../../lib/useCursorPages';

type ListInput = Omit<ChannelInput<'leads.list'>, 'cursor'>;

/** A burst of new leads becomes one reload. */
const NEW_LEAD_RELOAD_MS = 300;

export type LeadPages = CursorPages<LeadRowDto>;

const fetchLeads = (input: ListInput, cursor: string | null) => call('leads.list', { ...input, cursor });

/** `input` without its cursor; `reloadToken` changing also starts over (after a move elsewhere). */
export function useLeadPages(input: ListInput, reloadToken = 0): LeadPages {
  const pages = useCursorPages(input, fetchLeads, reloadToken);
  const { reload } = pages;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribe('leads.new', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, NEW_LEAD_RELOAD_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [reload]);

  return pages;
}
