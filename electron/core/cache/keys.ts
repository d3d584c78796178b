// The seed's cache keys and TTL classes (database-architecture.md, "Caching Strategy").
// The website uses the same keys, so an invalidation here refreshes it too.

export const TTL = {
  /** Frequently changing data. */
  SHORT: 60,
  /** Car listings with filters. */
  MEDIUM: 5 * 60,
  /** Individual car details. */
  LONG: 60 * 60,
  /** Analytics aggregations. */
  DAY: 24 * 60 * 60,
  /** Static configuration. */
  WEEK: 7 * 24 * 60 * 60,
} as const;

export type TtlSeconds = (typeof TTL)[keyof typeof TTL];

/** A stable string of a filter object: same filters in any key order give the same key. */
export function stableFilters(filters: Record<string, unknown>): string {
  const keys = Object.keys(filters).filter((k) => filters[k] !== undefined && filters[k] !== null && filters[k] !== '').sort();
  return keys.map((k) => `${k}=${JSON.stringify(filters[k])}`).join('&');
}

export const keys = {
  car: (id: string) => `car:${id}`,
  carBySlug: (slug: string) => `car:slug:${slug}`,
  carsList: (filters: Record<string, unknown>) => `cars:list:${stableFilters(filters)}`,
  carsByBrand: (brand: string) => `cars:brand:${brand.toLowerCase()}`,
  carsByCategory: (category: string) => `cars:category:${category}`,
  carsRelated: (id: string) => `cars:related:${id}`,
  carsFeatured: () => 'cars:featured',
  analyticsViews: (carId: string) => `analytics:views:${carId}`,
  contacts: (status: string) => `contacts:${status}`,
} as const;

/** Patterns the seed deletes on change (SCAN MATCH syntax). */
export const patterns = {
  /** On car update: every listing, brand, category, related and featured key. */
  cars: 'cars:*',
  /** On contact creation or change. */
  contacts: 'contacts:*',
  analytics: 'analytics:*',
} as const;
