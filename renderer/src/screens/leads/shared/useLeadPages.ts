// Leads a page at a time through leads.list's cursor. A new input starts over, answers to an
// older input are dropped, and a new lead arriving ('leads.new') reloads the first page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, subscribe, toApiError, type ApiError } from '../../../api/client';
import type { ChannelInput, LeadRowDto } from '../../../api/contract';

type ListInput = ChannelInput<'leads.list'>;

/** A burst of new leads becomes one reload. */
const NEW_LEAD_RELOAD_MS = 300;

export interface LeadPages {
  rows: LeadRowDto[];
  /** All matching leads; -1 until the first page has answered. */
  total: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  moreError: ApiError | null;
  loadMore: () => void;
  reload: () => void;
}

/** `input` without its cursor; `reloadToken` changing also starts over (after a move elsewhere). */
export function useLeadPages(input: Omit<ListInput, 'cursor'>, reloadToken = 0): LeadPages {
  const [rows, setRows] = useState<LeadRowDto[]>([]);
  const [total, setTotal] = useState(-1);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const key = JSON.stringify(input);
  const inputRef = useRef(input);

  useEffect(() => {
    inputRef.current = JSON.parse(key) as ListInput;
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    call('leads.list', { ...inputRef.current, cursor: null })
      .then((page) => {
        if (mine !== generation.current) return;
        setRows(page.items);
        setTotal(page.total);
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

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribe('leads.new', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setReloads((n) => n + 1), NEW_LEAD_RELOAD_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const loadMore = useCallback(() => {
    if (!cursor || loading || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    call('leads.list', { ...inputRef.current, cursor })
      .then((page) => {
        if (mine !== generation.current) return;
        // Later pages answer total -1; the first page's count stands.
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

  return { rows, total, hasMore: cursor !== null, loading, loadingMore, error, moreError, loadMore, reload };
}
