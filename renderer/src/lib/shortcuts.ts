// Global keyboard shortcuts: Ctrl/Cmd+K for the palette, Alt+1..Alt+5 for the five screens.
export type ShortcutAction = { type: 'palette' } | { type: 'screen'; index: number };

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** AltGr on Windows arrives as Ctrl+Alt; Finnish keyboards type @ $ { with it, so it must not navigate. */
  altGraph?: boolean;
}

export const SCREEN_SHORTCUT_COUNT = 5;

export function matchShortcut(event: KeyLike): ShortcutAction | null {
  if (event.altGraph) return null;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
    if (event.key.toLowerCase() === 'k' || event.code === 'KeyK') return { type: 'palette' };
    return null;
  }
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    // code, not key: on a Mac Option+1 types "¡", but the physical key is still Digit1.
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? /^[1-9]$/.exec(event.key)?.[0];
    const index = digit === undefined ? -1 : Number(digit) - 1;
    if (index >= 0 && index < SCREEN_SHORTCUT_COUNT) return { type: 'screen', index };
  }
  return null;
}

/** What a shortcut is called on screen, e.g. "Alt+1". */
export const screenShortcutLabel = (index: number): string => `Alt+${index + 1}`;

export const paletteShortcutLabel = (isMac: boolean): string => (isMac ? '⌘K' : 'Ctrl+K');
