// Filtering of the command palette: every typed word must appear in the label or keywords,
// ignoring case and accents (so "yllapito" finds "ylläpito").
export interface Searchable {
  label: string;
  keywords?: readonly string[];
}

export const normalizeSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en');

export function filterCommands<T extends Searchable>(commands: readonly T[], query: string): T[] {
  const words = normalizeSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const haystack = normalizeSearch([command.label, ...(command.keywords ?? [])].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
