// Window-wide keys: Ctrl/Cmd+K toggles the palette, Alt+1..5 open the screens. Listened to
// in the capture phase so they work with focus in a text field too.
import { useEffect, useRef } from 'react';
import { matchShortcut, type ShortcutAction } from '../lib/shortcuts';

export function useGlobalShortcuts(onAction: (action: ShortcutAction) => void): void {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.repeat || event.isComposing) return;
      const action = matchShortcut({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altGraph: event.getModifierState('AltGraph'),
      });
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
