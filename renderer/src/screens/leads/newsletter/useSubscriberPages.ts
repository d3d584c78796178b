// Newsletter subscribers a page at a time (newsletter.list); a new filter starts over and
// answers to an older one are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { ChannelInput, SubscriberDto } from '../../../api/contract';

type Filters = Omit<ChannelInput<'newsletter.list'>, 'cursor' | 'limit'>;
const PAGE_SIZE = 50;

export function useSubscriberPages(filters: Filters) {
  const [rows, setRows] = useState<SubscriberDto[]>([]);
  const [total, setTotal] = useState(-1);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(filters);
  const filtersRef = useRef(filters);

  useEffect(() => {
    filtersRef.current = JSON.parse(key) as Filters;
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    call('newsletter.list', { ...filtersRef.current, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return;
        setRows(page.items);
        setTotal(page.total ?? page.items.length);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setError(toApiError(e));
      })
      .finally(() => {
        if (mine === generation.current) setLoading(false);
      });
  }, [key, reloads]);

  const loadMore = useCallback(() => {
    if (!cursor || loading || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    call('newsletter.list', { ...filtersRef.current, cursor, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return;
        setRows((previous) => [...previous, ...page.items.filter((s) => !previous.some((p) => p.id === s.id))]);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setMoreError(toApiError(e));
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false);
      });
  }, [cursor, loading, loadingMore]);

  /** One subscriber changed (unsubscribed): replace it in place. */
  const replace = useCallback((next: SubscriberDto) => setRows((previous) => previous.map((s) => (s.id === next.id ? next : s))), []);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { rows, total, hasMore: cursor !== null, loading, loadingMore, error, moreError, loadMore, reload, replace };
}
