// Unsaved editor work kept in memory when the editor goes away without asking (Alt+1..5 and
// the command palette navigate outside the editor's reach), offered back on return.
import { create } from 'zustand';
import type { CarForm } from './car-form';

export interface Draft {
  form: CarForm;
  /** The car's version the draft was made on: a save of it must conflict if the car moved on. */
  version: number | null;
  savedAt: number;
}

interface DraftsState {
  drafts: Record<string, Draft>;
  keep: (key: string, draft: Draft) => void;
  drop: (key: string) => void;
}

export const useDrafts = create<DraftsState>()((set) => ({
  drafts: {},
  keep: (key, draft) => set((state) => ({ drafts: { ...state.drafts, [key]: draft } })),
  drop: (key) =>
    set((state) => {
      if (!(key in state.drafts)) return state;
      const drafts = { ...state.drafts };
      delete drafts[key];
      return { drafts };
    }),
}));

/** The drafts' key of a car; a new car's draft has its own. */
export const draftKey = (carId: string | undefined): string => carId ?? 'new';
