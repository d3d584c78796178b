// URL slugs of cars: lowercase ASCII, digits and single dashes. The Nordic letters are
// written the way Finnish URLs do (ä → a, ö → o, å → a), other accents lose their marks.

const NORDIC: Record<string, string> = { ä: 'a', ö: 'o', å: 'a', æ: 'ae', ø: 'o', ß: 'ss' };

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöåæøß]/g, (ch) => NORDIC[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 150)
    .replace(/-+$/g, '');
}

/** The first of base, base-2, base-3 … that `taken` does not contain. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'auto';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
