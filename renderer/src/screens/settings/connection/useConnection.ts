// Where the app is connected and what settings.json says, reloaded after a save.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { ConnectionDto } from '../../../api/contract';

export type ConnectionState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; connection: ConnectionDto };

export function useConnection() {
  const [state, setState] = useState<ConnectionState>({ status: 'loading' });
  const request = useRef(0);
  const reload = useCallback(async () => {
    const id = ++request.current;
    try {
      const connection = await call('settings.getConnection', {});
      if (id === request.current) setState({ status: 'ready', connection });
    } catch (error) {
      if (id === request.current) setState({ status: 'error', error: toApiError(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const replace = useCallback((connection: ConnectionDto) => setState({ status: 'ready', connection }), []);
  return { state, reload, replace };
}
