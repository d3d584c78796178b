// The list's rows, a page at a time through the cursor. A new query starts over; answers
// to an older query are dropped, so fast typing never shows a stale page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { CarRowDto } from '../../../api/contract';
import { listInput, type ListQuery } from './list-input';

export const PAGE_SIZE = 100;

export interface CarPages {
  rows: CarRowDto[];
  /** All matching cars; -1 until the first page has answered. */
  total: number;
  /** More match than the server counts (it stops at 10 000): the total is a lower bound. */
  totalCapped: boolean;
  hasMore: boolean;
  /** The first page is loading (rows may still show the previous query's). */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  /** A later page failed; loadMore tries it again. */
  moreError: ApiError | null;
  loadMore: () => void;
  /** Starts over with the same query (after a bulk change or an import). */
  reload: () => void;
}

export function useCarPages(query: ListQuery): CarPages {
  const [rows, setRows] = useState<CarRowDto[]>([]);
  const [total, setTotal] = useState(-1);
  const [totalCapped, setTotalCapped] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const queryRef = useRef(query);
  const key = JSON.stringify(query);

  useEffect(() => {
    queryRef.current = JSON.parse(key) as ListQuery;
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    call('cars.list', listInput(queryRef.current, null, PAGE_SIZE))
      .then((page) => {
        if (mine !== generation.current) return;
        setRows(page.items);
        setTotal(page.total);
        setTotalCapped(page.totalCapped === true);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (mine !== generation.current) return;
        setError(toApiError(e));
      })
      .finally(() => {
        if (mine !== generation.current) return;
        setLoading(false);
        setLoadingMore(false);
      });
  }, [key, reloads]);

  const loadMore = useCallback(() => {
    if (!cursor || loading || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    call('cars.list', listInput(queryRef.current, cursor, PAGE_SIZE))
      .then((page) => {
        if (mine !== generation.current) return;
        // The total is counted on the first page only (later pages answer -1).
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

  return { rows, total, totalCapped, hasMore: cursor !== null, loading, loadingMore, error, moreError, loadMore, reload };
}
