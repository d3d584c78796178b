// The user list of the Users section: loaded once, reloaded on demand (after a CONFLICT),
// and patched in place with what a successful call answered.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { UserDto } from '../../../api/contract';

export type UsersState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; users: UserDto[] };

export function useUsers() {
  const [state, setState] = useState<UsersState>({ status: 'loading' });
  // Only the latest load may write: a slow earlier answer must not overwrite a newer one.
  const request = useRef(0);

  const reload = useCallback(async () => {
    const id = ++request.current;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    try {
      const users = await call('users.list', {});
      if (id === request.current) setState({ status: 'ready', users });
    } catch (error) {
      if (id === request.current) setState({ status: 'error', error: toApiError(error) });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Puts a user the back end answered with into the list (replacing the old copy, or adding it). */
  const upsert = useCallback((user: UserDto) => {
    setState((current) => {
      if (current.status !== 'ready') return current;
      const exists = current.users.some((other) => other.id === user.id);
      const users = exists ? current.users.map((other) => (other.id === user.id ? user : other)) : [...current.users, user];
      return { status: 'ready', users };
    });
  }, []);

  return { state, reload, upsert };
}
