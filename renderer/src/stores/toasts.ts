// Short notices in the corner; each disappears by itself. Errors stay longer so they can be read.
import { create } from 'zustand';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  show: (kind: ToastKind, message: string) => number;
  dismiss: (id: number) => void;
}

const DURATION_MS: Record<ToastKind, number> = { success: 4000, info: 5000, error: 8000 };
const MAX_VISIBLE = 4;

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (kind, message) => {
    const id = nextId++;
    timers.set(id, setTimeout(() => get().dismiss(id), DURATION_MS[kind]));
    set((state) => {
      const toasts = [...state.toasts, { id, kind, message }];
      // Drop the oldest rather than let a burst cover the screen.
      for (const dropped of toasts.slice(0, Math.max(0, toasts.length - MAX_VISIBLE))) clearTimer(dropped.id);
      return { toasts: toasts.slice(-MAX_VISIBLE) };
    });
    return id;
  },
  dismiss: (id) => {
    clearTimer(id);
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
}));

function clearTimer(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
}

/** Shorthand for code outside components. */
export const toast = {
  success: (message: string) => useToasts.getState().show('success', message),
  error: (message: string) => useToasts.getState().show('error', message),
  info: (message: string) => useToasts.getState().show('info', message),
};
