// Asking prices and odometer readings that hang together: a car loses most value in its
// first year, then a steady share each year; high kilometres for its age cost more, and
// electric cars have been falling faster than the rest.
import type { FuelType } from './enums';
import type { Rng } from './random';

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Finns drive about 15 000–18 000 km a year; diesels and vans clearly more. */
export function drawMileage(rng: Rng, ageYears: number, fuel: FuelType, isVan: boolean): number {
  if (ageYears < 0.5) return rng.int(20, 12_000);
  const perYear = rng.logNormal(16_500, 0.35) * (fuel === 'DIESEL' ? 1.3 : fuel === 'ELECTRIC' ? 0.85 : 1) * (isVan ? 1.3 : 1);
  return Math.round(ageYears * perYear);
}

export interface PriceInput {
  newPrice: number;
  ageYears: number;
  mileageKm: number;
  fuel: FuelType;
  premium: boolean;
}

/** A dealer's asking price ending in 90 (18 990 €), never below 1 490 €. */
export function askingPrice(rng: Rng, p: PriceInput): number {
  const yearly = p.fuel === 'ELECTRIC' ? 0.84 : p.premium ? 0.86 : 0.88;
  const firstYear = p.ageYears < 0.5 ? 0.9 : 0.82;
  const value = p.newPrice * firstYear * Math.pow(yearly, Math.max(0, p.ageYears - 1));
  const expectedKm = Math.max(5_000, p.ageYears * 17_000);
  const kmFactor = clamp(1 - (0.35 * (p.mileageKm - expectedKm)) / (expectedKm + 40_000), 0.7, 1.12);
  const price = value * kmFactor * rng.logNormal(1, 0.05);
  return Math.max(1_490, Math.round(price / 100) * 100 - 10);
}

/** What the dealer paid: a trade-in or auction price a margin below the asking price. */
export function purchasePrice(rng: Rng, asking: number): number {
  return Math.round((asking * rng.range(0.78, 0.9)) / 100) * 100;
}

/** Sold a little under the asking price after haggling, in round hundreds. */
export function soldPrice(rng: Rng, asking: number): number {
  return rng.chance(0.35) ? asking : Math.round((asking * rng.range(0.93, 0.995)) / 100) * 100;
}
