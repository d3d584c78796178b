// Loads the dashboard and the web vitals of a period side by side (picking a page reloads
// only the vitals); the figures on screen stay while new ones load, and an answer that
// arrives late for an older choice is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import type { DashboardDto, VitalsDto } from '../../api/contract';
import type { Period } from './range';

export interface AnalyticsData {
  dashboard: DashboardDto | null;
  vitals: VitalsDto | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

function useLatest<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [value, setValue] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    load()
      .then((v) => request === latest.current && setValue(v))
      .catch((e: unknown) => request === latest.current && setError(toApiError(e)))
      .finally(() => request === latest.current && setLoading(false));
    // The caller lists what the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { value, loading, error };
}

export function useAnalytics(period: Period, compare: boolean, vitalsPath: string | null): AnalyticsData {
  const [attempt, setAttempt] = useState(0);
  const dashboard = useLatest(() => call('analytics.dashboard', { from: period.from, to: period.to, compare }), [period.from, period.to, compare, attempt]);
  const vitals = useLatest(() => call('analytics.vitals', { from: period.from, to: period.to, path: vitalsPath }), [period.from, period.to, vitalsPath, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    dashboard: dashboard.value,
    vitals: vitals.value,
    loading: dashboard.loading || vitals.loading,
    error: dashboard.error ?? vitals.error,
    reload,
  };
}
