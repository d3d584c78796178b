// Picks a car for a lead or a visit, weighted by how much interest the car draws, among
// the cars the website was showing at that moment.
import type { CarIndex } from './cars';
import { WeightedTable, type Rng } from './random';

export class CarPicker {
  private readonly table: WeightedTable<number> | null;

  constructor(private readonly cars: CarIndex) {
    this.table = cars.count > 0 ? new WeightedTable(Array.from({ length: cars.count }, (_, i) => i), cars.popularity) : null;
  }

  listedAt(i: number, at: number): boolean {
    return (this.cars.stockedAt[i] as number) <= at && at <= (this.cars.listedUntil[i] as number);
  }

  /** A car listed at `at`, or null if a few weighted tries find none. */
  pick(rng: Rng, at: number, tries = 8): number | null {
    if (!this.table) return null;
    for (let attempt = 0; attempt < tries; attempt++) {
      const i = this.table.indexAt(rng.float());
      if (this.listedAt(i, at)) return i;
    }
    return null;
  }

  /**
   * A car listed at some point after `from`, ignoring the exact moment (for when nothing
   * was listed at the wanted one); any car if a few tries find none.
   */
  anyListedAfter(rng: Rng, from: number): number | null {
    if (!this.table) return null;
    let i = this.table.indexAt(rng.float());
    for (let attempt = 0; attempt < 32 && (this.cars.listedUntil[i] as number) < from; attempt++) i = this.table.indexAt(rng.float());
    return i;
  }

  /** The closest instant to `at` at which car i was listed. */
  clampToListing(i: number, at: number): number {
    return Math.min(Math.max(at, this.cars.stockedAt[i] as number), this.cars.listedUntil[i] as number);
  }
}
