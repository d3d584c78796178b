// How the dashboards write numbers, days and durations in the UI's language.
const localeOf = (language: string) => (language === 'fi' ? 'fi-FI' : 'en-GB');

export const DASH = '—';

export interface Formatters {
  count(value: number | null | undefined): string;
  decimal(value: number | null | undefined, digits?: number): string;
  percent(value: number | null | undefined, digits?: number): string;
  eur(value: number | null | undefined): string;
  /** A 'YYYY-MM-DD' UTC day, short ("25.11." / "25 Nov"). */
  day(day: string): string;
  /** A 'YYYY-MM-DD' UTC day with the year. */
  dayLong(day: string): string;
  /** An instant as a UTC date and time. */
  instant(iso: string): string;
  minutes(value: number | null | undefined): string;
}

export function formatters(language: string): Formatters {
  const locale = localeOf(language);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const eur = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
  return {
    count: (v) => (ok(v) ? whole.format(v) : DASH),
    decimal: (v, digits = 1) => (ok(v) ? new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v) : DASH),
    percent: (v, digits = 1) => (ok(v) ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v)} %` : DASH),
    eur: (v) => (ok(v) ? eur.format(v) : DASH),
    day: (day) => short.format(asDate(day)),
    dayLong: (day) => long.format(asDate(day)),
    instant: (iso) => `${dateTime.format(new Date(iso))} UTC`,
    minutes: (v) => {
      if (!ok(v)) return DASH;
      if (v < 90) return `${whole.format(v)} min`;
      const hours = v / 60;
      if (hours < 48) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours)} h`;
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours / 24)} d`;
    },
  };
}
