import { describe, expect, it } from 'vitest';
import { matchShortcut, type KeyLike } from '../../renderer/src/lib/shortcuts';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...over,
});

describe('matchShortcut', () => {
  it('opens the palette on Ctrl+K and Cmd+K', () => {
    expect(matchShortcut(key({ key: 'k', code: 'KeyK', ctrlKey: true }))).toEqual({ type: 'palette' });
    expect(matchShortcut(key({ key: 'k', code: 'KeyK', metaKey: true }))).toEqual({ type: 'palette' });
    expect(matchShortcut(key({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('maps Alt+1..Alt+5 to the screens by physical key', () => {
    expect(matchShortcut(key({ key: '1', code: 'Digit1', altKey: true }))).toEqual({ type: 'screen', index: 0 });
    // macOS Option+5 types "∞" but the key is still Digit5.
    expect(matchShortcut(key({ key: '∞', code: 'Digit5', altKey: true }))).toEqual({ type: 'screen', index: 4 });
    expect(matchShortcut(key({ key: '6', code: 'Digit6', altKey: true }))).toBeNull();
  });

  it('leaves AltGr (Ctrl+Alt) alone, which types @ on a Finnish keyboard', () => {
    expect(matchShortcut(key({ key: '@', code: 'Digit2', altKey: true, ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key({ key: '@', code: 'Digit2', altKey: true, altGraph: true }))).toBeNull();
  });

  it('ignores plain keys', () => {
    expect(matchShortcut(key({ key: '1', code: 'Digit1' }))).toBeNull();
    expect(matchShortcut(key({ key: 'k', code: 'KeyK' }))).toBeNull();
  });
});
