import { describe, expect, it } from 'vitest';
import { filterCommands, normalizeSearch } from '../../renderer/src/lib/command-filter';

const commands = [
  { id: 'a', label: 'Siirry: Varasto', keywords: ['inventory'] },
  { id: 'b', label: 'Vaihda kieleksi English', keywords: ['language', 'kieli'] },
  { id: 'c', label: 'Kirjaudu ulos' },
  { id: 'd', label: 'Ylläpito' },
];

describe('filterCommands', () => {
  it('returns everything for an empty query', () => {
    expect(filterCommands(commands, '   ')).toHaveLength(4);
  });

  it('matches every word in the label or keywords, case-insensitively', () => {
    expect(filterCommands(commands, 'VARASTO').map((c) => c.id)).toEqual(['a']);
    expect(filterCommands(commands, 'inventory').map((c) => c.id)).toEqual(['a']);
    expect(filterCommands(commands, 'kieli english').map((c) => c.id)).toEqual(['b']);
    expect(filterCommands(commands, 'kieli ulos')).toEqual([]);
  });

  it('ignores accents', () => {
    expect(normalizeSearch('Ylläpito')).toBe('yllapito');
    expect(filterCommands(commands, 'yllapito').map((c) => c.id)).toEqual(['d']);
  });
});
