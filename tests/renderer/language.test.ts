import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fi } from '../../renderer/src/i18n/fi';
import { LANGUAGE_STORAGE_KEY, readStoredLanguage, storeLanguage } from '../../renderer/src/i18n/language';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('language preference', () => {
  it('defaults to Finnish and remembers a choice under kroi.lang', () => {
    const storage = memory();
    expect(readStoredLanguage(storage)).toBe('fi');
    storeLanguage(storage, 'en');
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
  });

  it('ignores junk and storage that throws', () => {
    const storage = memory();
    storage.setItem(LANGUAGE_STORAGE_KEY, 'sv');
    expect(readStoredLanguage(storage)).toBe('fi');
    expect(readStoredLanguage({ getItem: () => { throw new Error('blocked'); } })).toBe('fi');
    expect(readStoredLanguage(null)).toBe('fi');
  });

  it('has the same keys, all non-empty, in both languages', () => {
    expect(keysOf(fi).sort()).toEqual(keysOf(en).sort());
    const values = (o: unknown): string[] => (typeof o === 'object' && o !== null ? Object.values(o).flatMap(values) : [String(o)]);
    expect(values(fi).every((v) => v.trim().length > 0)).toBe(true);
  });
});
