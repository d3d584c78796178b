// The backups list with the names of who started each run: loaded once, reloaded after
// every action and when a job ends. Only the latest load may write its answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import type { BackupDto } from '../../api/contract';

export type BackupsState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; backups: BackupDto[]; names: Record<string, string> };

export function useBackups() {
  const [state, setState] = useState<BackupsState>({ status: 'loading' });
  const request = useRef(0);

  const reload = useCallback(async () => {
    const id = ++request.current;
    try {
      const [backups, users] = await Promise.all([call('backups.list', {}), call('users.list', {}).catch(() => [])]);
      const names = Object.fromEntries(users.map((u) => [u.id, u.name ?? u.email]));
      if (id === request.current) setState({ status: 'ready', backups, names });
    } catch (error) {
      if (id === request.current) setState({ status: 'error', error: toApiError(error) });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Puts one backup the back end answered with into the list. */
  const upsert = useCallback((backup: BackupDto) => {
    setState((current) => (current.status === 'ready' ? { ...current, backups: current.backups.map((b) => (b.id === backup.id ? backup : b)) } : current));
  }, []);

  return { state, reload, upsert };
}
