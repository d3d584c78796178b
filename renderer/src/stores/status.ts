// Database and cache health for the status bar: polled every 10 s and pushed on change.
import { create } from 'zustand';
import { call, subscribe } from '../api/client';
import type { StatusDto } from '../api/contract';

export const STATUS_POLL_MS = 10_000;

interface StatusState {
  status: StatusDto | null;
  /** The last poll failed; `status` is then the last known answer, if any. */
  stale: boolean;
  refresh: () => Promise<void>;
  /** Starts polling and listening; returns the function that stops both. */
  start: () => () => void;
  reset: () => void;
}

export const useStatus = create<StatusState>()((set, get) => ({
  status: null,
  stale: false,

  refresh: async () => {
    try {
      const status = await call('system.status', {});
      set({ status, stale: false });
    } catch {
      set({ stale: true });
    }
  },

  start: () => {
    void get().refresh();
    const timer = setInterval(() => void get().refresh(), STATUS_POLL_MS);
    const unsubscribe = subscribe('status.changed', (status) => set({ status, stale: false }));
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  },

  reset: () => set({ status: null, stale: false }),
}));
