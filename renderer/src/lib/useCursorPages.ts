// A list loaded a page at a time through a server cursor. A new query starts over; answers
// to an older query are dropped, so fast typing or filtering never shows a stale page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/client';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  /** Counted on the first page only; later pages may answer -1 or leave it out. */
  total?: number;
  /** More match than the server counts: the total is a lower bound ("10 000+"). */
  totalCapped?: boolean;
}

export interface CursorPages<T, P = CursorPage<T>> {
  rows: T[];
  /** The first page's answer as a whole (for what a screen shows besides the rows). */
  head: P | null;
  /** All matching rows; -1 until the first page has answered. */
  total: number;
  totalCapped: boolean;
  hasMore: boolean;
  /** The first page is loading (rows may still show the previous query's). */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  /** A later page failed; loadMore tries it again. */
  moreError: ApiError | null;
  loadMore: () => void;
  /** Starts over with the same query (after a bulk change, an import or a pushed event). */
  reload: () => void;
  /** One row changed: replace it in place without reloading. */
  replace: (next: T) => void;
}

/**
 * `fetchPage` must be stable (a module-level function): the query's JSON is what starts
 * over. `reloadToken` changing also starts over.
 */
export function useCursorPages<Q, P extends CursorPage<{ id: string }>>(
  query: Q,
  fetchPage: (query: Q, cursor: string | null) => Promise<P>,
  reloadToken = 0,
): CursorPages<P['items'][number], P> {
  type T = P['items'][number];
  const [rows, setRows] = useState<T[]>([]);
  const [head, setHead] = useState<P | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(query);
  const queryRef = useRef(query);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    queryRef.current = JSON.parse(key) as Q;
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    fetchRef
      .current(queryRef.current, null)
      .then((page) => {
        if (mine !== generation.current) return;
        setRows(page.items);
        setHead(page);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setError(toApiError(e));
      })
      .finally(() => {
        if (mine !== generation.current) return;
        setLoading(false);
        setLoadingMore(false);
      });
  }, [key, reloads, reloadToken]);

  const loadMore = useCallback(() => {
    if (!cursor || loading || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    fetchRef
      .current(queryRef.current, cursor)
      .then((page) => {
        if (mine !== generation.current) return;
        // The first page's total stands; rows seen already (moved meanwhile) are not doubled.
        setRows((previous) => {
          const seen = new Set(previous.map((r) => r.id));
          return [...previous, ...page.items.filter((r) => !seen.has(r.id))];
        });
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setMoreError(toApiError(e));
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false);
      });
  }, [cursor, loading, loadingMore]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const replace = useCallback((next: T) => setRows((previous) => previous.map((r) => (r.id === next.id ? next : r))), []);

  // The first page's total stands for the whole list.
  const total = head ? (head.total ?? head.items.length) : -1;
  return { rows, head, total, totalCapped: head?.totalCapped === true, hasMore: cursor !== null, loading, loadingMore, error, moreError, loadMore, reload, replace };
}
