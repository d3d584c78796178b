// Unique car slugs. The slug rules themselves are the app's (ä → a, ö → o, å → a …), so a
// seeded slug is exactly what the inventory screen would have made for the same name.
import { slugify } from '../../electron/core/services/cars/slug';

export { slugify };

/** Hands out unique slugs: the first car of a kind keeps the plain slug, later ones get -2, -3 … */
export class SlugAllocator {
  private readonly taken = new Set<string>();
  /** Where to resume counting per base, so the 500th Corolla does not try -2 … -499 again. */
  private readonly nextSuffix = new Map<string, number>();

  take(text: string): string {
    const base = slugify(text) || 'auto';
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return base;
    }
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.taken.has(`${base}-${n}`)) n++;
    const slug = `${base}-${n}`;
    this.taken.add(slug);
    this.nextSuffix.set(base, n + 1);
    return slug;
  }
}
