// Who is signed in. The session token itself never reaches the renderer: the main process
// keeps it, and this store only holds the user it belongs to.
import { create } from 'zustand';
import { call, toApiError, type ApiError } from '../api/client';
import type { ChannelInput, Role, SessionDto, SetupStateDto, UserDto } from '../api/contract';

export type SessionPhase = 'starting' | 'failed' | 'setup' | 'signedOut' | 'signedIn';

interface SessionState {
  phase: SessionPhase;
  session: SessionDto | null;
  setupState: SetupStateDto | null;
  startError: ApiError | null;
  /** Asks the main process whether this is a first run, then tries to resume a kept session. */
  start: () => Promise<void>;
  setup: (input: ChannelInput<'auth.setup'>) => Promise<SessionDto>;
  signIn: (input: ChannelInput<'auth.signIn'>) => Promise<SessionDto>;
  signOut: () => Promise<void>;
  /** Re-reads the user (after a password change clears mustChangePassword, for instance). */
  refresh: () => Promise<void>;
  /** The main process ended the session (expiry, deactivation, a call answered UNAUTHENTICATED). */
  ended: () => void;
}

let starting: Promise<void> | null = null;

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'starting',
  session: null,
  setupState: null,
  startError: null,

  start: () => {
    // Effects may run twice in development; one start at a time is enough.
    starting ??= (async () => {
      set({ phase: 'starting', startError: null });
      try {
        const setupState = await call('auth.setupState', {});
        if (setupState.needsSetup) {
          set({ phase: 'setup', setupState, session: null });
          return;
        }
        const session = await resumeQuietly();
        set({ setupState, session, phase: session ? 'signedIn' : 'signedOut' });
      } catch (error) {
        set({ phase: 'failed', startError: toApiError(error) });
      } finally {
        starting = null;
      }
    })();
    return starting;
  },

  setup: async (input) => {
    const session = await call('auth.setup', input);
    set((state) => ({
      session,
      phase: 'signedIn',
      setupState: state.setupState ? { ...state.setupState, needsSetup: false } : state.setupState,
    }));
    return session;
  },

  signIn: async (input) => {
    const session = await call('auth.signIn', input);
    set({ session, phase: 'signedIn' });
    return session;
  },

  signOut: async () => {
    try {
      await call('auth.signOut', {});
    } catch {
      // Signed out here either way; the main process drops an orphaned session at expiry.
    }
    set({ session: null, phase: 'signedOut' });
  },

  refresh: async () => {
    const session = await call('auth.me', {});
    set({ session });
  },

  ended: () => {
    if (get().phase === 'signedIn') set({ session: null, phase: 'signedOut' });
  },
}));

async function resumeQuietly(): Promise<SessionDto | null> {
  try {
    return await call('auth.resume', {});
  } catch (error) {
    // A kept session that cannot be resumed just means signing in again, unless the back end is down.
    if (toApiError(error).code === 'UNAVAILABLE') throw error;
    return null;
  }
}

export const useCurrentUser = (): UserDto | null => useSession((state) => state.session?.user ?? null);
export const useRole = (): Role | null => useSession((state) => state.session?.user.role ?? null);
