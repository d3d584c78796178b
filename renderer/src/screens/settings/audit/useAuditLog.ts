// Pages of audit.list for one query: the first page when the query changes, then
// "Load more" follows the cursor the service handed out. Newest entries first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { AuditEntryDto } from '../../../api/contract';
import type { AuditQuery } from './audit-filters';

const PAGE_SIZE = 50;

export interface AuditLogState {
  items: AuditEntryDto[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'loadingMore' | 'error';
  error: ApiError | null;
}

const INITIAL: AuditLogState = { items: [], nextCursor: null, status: 'loading', error: null };

/** `query` must keep its identity until it changes (the caller memoizes it). */
export function useAuditLog(query: AuditQuery) {
  const [state, setState] = useState<AuditLogState>(INITIAL);
  // Answers for an older query (or an older reload) are dropped.
  const generation = useRef(0);

  const loadFirst = useCallback(async () => {
    const id = ++generation.current;
    setState(INITIAL);
    try {
      const page = await call('audit.list', { ...query, limit: PAGE_SIZE });
      if (id === generation.current) setState({ items: page.items, nextCursor: page.nextCursor, status: 'ready', error: null });
    } catch (error) {
      if (id === generation.current) setState({ ...INITIAL, status: 'error', error: toApiError(error) });
    }
  }, [query]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.status !== 'ready') return;
    const id = generation.current;
    setState((current) => ({ ...current, status: 'loadingMore', error: null }));
    try {
      const page = await call('audit.list', { ...query, cursor, limit: PAGE_SIZE });
      if (id !== generation.current) return;
      setState((current) => ({ items: [...current.items, ...page.items], nextCursor: page.nextCursor, status: 'ready', error: null }));
    } catch (error) {
      // The rows already shown stay; the error shows beside "Load more", which can be pressed again.
      if (id === generation.current) setState((current) => ({ ...current, status: 'ready', error: toApiError(error) }));
    }
  }, [query, state.nextCursor, state.status]);

  return { state, reload: loadFirst, loadMore };
}
