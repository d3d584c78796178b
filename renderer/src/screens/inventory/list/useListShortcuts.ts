// The list's own keys: "/" focuses the search, "n" starts a new car (ADMIN and up).
// Ignored while typing in a field, with a modifier held, or with a dialog open.
import { useEffect, useRef } from 'react';

export interface ListShortcutHandlers {
  focusSearch: () => void;
  newCar: (() => void) | null;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useListShortcuts(handlers: ListShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === '/') {
        event.preventDefault();
        latest.current.focusSearch();
      } else if (event.key === 'n' || event.key === 'N') {
        const newCar = latest.current.newCar;
        if (!newCar) return;
        event.preventDefault();
        newCar();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
