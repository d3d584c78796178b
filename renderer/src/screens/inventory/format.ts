// How the inventory shows money, distances and dates. Prices are always in the Finnish
// euro format (the dealership's own), whatever the UI language.
const eur = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const eurCents = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 0 });

export const DASH = '—';

export function formatEur(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return Number.isInteger(value) ? eur.format(value) : eurCents.format(value);
}

export function formatKm(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${whole.format(value)} km`;
}

export function formatCount(value: number): string {
  return whole.format(value);
}

const localeOf = (language: string) => (language === 'fi' ? 'fi-FI' : 'en-GB');

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/**
 * Reads a number typed the Finnish or the English way ("21 900,50", "21900.5").
 * Empty → null; anything unreadable → NaN, which the contract's schema then refuses.
 */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/km$/i, '');
  if (compact === '') return null;
  // A comma is the decimal separator unless the text also has a dot.
  const normal = compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** Today as yyyy-mm-dd in local time (for date inputs). */
export function todayIsoDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** yyyy-mm-dd of a date input → ISO time at local noon (noon keeps the day in any time zone). */
export function dateInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO time → yyyy-mm-dd in local time. */
export function isoToDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
