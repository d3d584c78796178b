// Leads that arrived while the app was open and nobody has looked at yet: the sidebar badge.
// Opening a lead marks it seen; coming to the inbox from elsewhere marks them all seen.
import { create } from 'zustand';

interface NewLeadsState {
  unseen: ReadonlySet<string>;
  add: (id: string) => void;
  seen: (id: string) => void;
  clear: () => void;
}

export const useNewLeads = create<NewLeadsState>()((set) => ({
  unseen: new Set(),
  add: (id) => set((state) => (state.unseen.has(id) ? state : { unseen: new Set(state.unseen).add(id) })),
  seen: (id) =>
    set((state) => {
      if (!state.unseen.has(id)) return state;
      const unseen = new Set(state.unseen);
      unseen.delete(id);
      return { unseen };
    }),
  clear: () => set((state) => (state.unseen.size ? { unseen: new Set() } : state)),
}));
