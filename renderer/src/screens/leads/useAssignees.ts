// The active sales users a lead can be assigned to (leads.assignees), loaded once and shared
// by the filters, the bulk bar, the lead page and the timeline; refreshed after five minutes.
import { useEffect } from 'react';
import { create } from 'zustand';
import { call } from '../../api/client';
import type { AssigneeDto } from '../../api/contract';

const FRESH_MS = 5 * 60_000;

interface AssigneesState {
  list: readonly AssigneeDto[];
  loadedAt: number;
  loading: boolean;
  load: () => Promise<void>;
}

const useAssigneesStore = create<AssigneesState>()((set, get) => ({
  list: [],
  loadedAt: 0,
  loading: false,
  load: async () => {
    if (get().loading || Date.now() - get().loadedAt < FRESH_MS) return;
    set({ loading: true });
    try {
      set({ list: await call('leads.assignees', {}), loadedAt: Date.now() });
    } catch {
      // The selects then offer only "unassigned"; the next screen that needs them tries again.
    } finally {
      set({ loading: false });
    }
  },
}));

export function useAssignees(): readonly AssigneeDto[] {
  const list = useAssigneesStore((state) => state.list);
  useEffect(() => void useAssigneesStore.getState().load(), []);
  return list;
}

export const assigneeName = (a: Pick<AssigneeDto, 'name' | 'email'>): string => a.name ?? a.email;
