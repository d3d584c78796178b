// Asks before unsaved changes are left behind: on window close (beforeunload) and on any
// in-app link (sidebar, related cars …), caught in the capture phase before the router
// sees it. The app's router is not a data router, so useBlocker is not available; Alt+1..5
// and the command palette still navigate, and the editor keeps a draft for those.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

export interface LeaveGuard {
  /** Where the user wanted to go while the question is open. */
  pending: string | null;
  /** Navigates in-app, asking first when there are unsaved changes. */
  go: (to: string) => void;
  confirm: () => void;
  cancel: () => void;
}

export function useLeaveGuard(dirty: boolean, onDiscard?: () => void): LeaveGuard {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);
  const dirtyRef = useRef(dirty);
  const discard = useRef(onDiscard);
  useEffect(() => {
    dirtyRef.current = dirty;
    discard.current = onDiscard;
  });

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return;
      const href = anchor.getAttribute('href') ?? '';
      // Hash routes only: the app's own pages.
      if (!href.startsWith('#/')) return;
      const to = href.slice(1);
      if (to === window.location.hash.slice(1)) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(to);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  const go = useCallback(
    (to: string) => {
      if (dirtyRef.current) setPending(to);
      else void navigate(to);
    },
    [navigate],
  );

  const confirm = useCallback(() => {
    const to = pending;
    setPending(null);
    // The user chose to drop the changes: nothing is kept as a draft.
    dirtyRef.current = false;
    discard.current?.();
    if (to) void navigate(to);
  }, [navigate, pending]);

  const cancel = useCallback(() => setPending(null), []);

  return { pending, go, confirm, cancel };
}
