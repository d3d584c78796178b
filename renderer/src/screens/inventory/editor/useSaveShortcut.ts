// Ctrl/Cmd+S saves, as in any editor (and keeps the browser from saving the page instead).
import { useEffect, useRef } from 'react';

export function useSaveShortcut(save: () => Promise<void>): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        // A dialog open (conflict, leave, trash) has its own question to answer first.
        if (!document.querySelector('dialog[open]')) void latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
