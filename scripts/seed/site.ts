// The public website's pages and where its visitors come from, shared by the page view,
// car view and web vitals generators.
import type { CarIndex } from './cars';
import { Rng, WeightedTable } from './random';

export const SITE_ORIGIN = 'https://kroiautocenter.fi';
const SUFFIX = ' | Kroi Auto Center';

export type PageKind = 'home' | 'list' | 'car' | 'contact' | 'financing' | 'tradeIn' | 'about' | 'homeEn';

export const PAGES: Readonly<Record<Exclude<PageKind, 'car'>, { path: string; title: string }>> = {
  home: { path: '/', title: 'Kroi Auto Center – Laadukkaat vaihtoautot Helsingissä' },
  list: { path: '/autot', title: `Autot${SUFFIX}` },
  contact: { path: '/yhteystiedot', title: `Yhteystiedot${SUFFIX}` },
  financing: { path: '/rahoitus', title: `Rahoitus${SUFFIX}` },
  tradeIn: { path: '/vaihtoauto', title: `Vaihtoauto${SUFFIX}` },
  about: { path: '/meista', title: `Meistä${SUFFIX}` },
  homeEn: { path: '/en', title: 'Kroi Auto Center – Quality used cars in Helsinki' },
};

export const carPath = (slug: string): string => `/autot/${slug}`;
export const carTitle = (cars: CarIndex, i: number): string => `${cars.shortName(i)}${SUFFIX}`;

export type Referrer = 'google' | 'direct' | 'nettiauto' | 'facebook' | 'instagram' | 'bing' | 'tori' | 'duckduckgo';

/** What document.referrer holds for each source (null when typed in or bookmarked). */
export const REFERRER_URL: Readonly<Record<Referrer, string | null>> = {
  google: 'https://www.google.com/',
  direct: null,
  nettiauto: 'https://www.nettiauto.com/',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://l.instagram.com/',
  bing: 'https://www.bing.com/',
  tori: 'https://www.tori.fi/',
  duckduckgo: 'https://duckduckgo.com/',
};

export const REFERRERS = WeightedTable.of<Referrer>([
  ['google', 38],
  ['direct', 25],
  ['nettiauto', 15],
  ['facebook', 10],
  ['instagram', 3],
  ['tori', 3],
  ['bing', 2],
  ['duckduckgo', 1],
]);

/** Where a visit starts, by source: marketplaces and social posts link straight to a car. */
export function landingPage(rng: Rng, ref: Referrer): PageKind {
  switch (ref) {
    case 'nettiauto':
    case 'tori':
      return rng.chance(0.9) ? 'car' : 'list';
    case 'facebook':
    case 'instagram':
      return rng.chance(0.6) ? 'car' : 'home';
    case 'direct':
      return rng.chance(0.6) ? 'home' : rng.chance(0.5) ? 'list' : 'car';
    default: {
      const u = rng.float();
      return u < 0.35 ? 'home' : u < 0.6 ? 'list' : u < 0.9 ? 'car' : u < 0.95 ? 'financing' : u < 0.97 ? 'homeEn' : 'contact';
    }
  }
}

/** The next page of a visit, or null when the visitor leaves. */
export function nextPage(rng: Rng, from: PageKind): PageKind | null {
  if (rng.chance(from === 'car' ? 0.45 : 0.35)) return null;
  const u = rng.float();
  switch (from) {
    case 'home':
    case 'homeEn':
      return u < 0.55 ? 'list' : u < 0.75 ? 'car' : u < 0.85 ? 'financing' : u < 0.92 ? 'contact' : u < 0.96 ? 'tradeIn' : 'about';
    case 'list':
      return u < 0.8 ? 'car' : u < 0.9 ? 'financing' : 'contact';
    case 'car':
      return u < 0.45 ? 'car' : u < 0.7 ? 'list' : u < 0.85 ? 'financing' : u < 0.95 ? 'contact' : 'tradeIn';
    default:
      return u < 0.5 ? 'list' : u < 0.7 ? 'home' : 'contact';
  }
}
