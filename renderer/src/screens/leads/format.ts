// Dates and times as the leads screens show and edit them, in the PC's own time zone.
export const DASH = '—';

const whole = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 0 });

export const formatCount = (n: number): string => whole.format(n);

/** A list total as a column shows it: "…" while loading, "10 000+" when the server stopped counting. */
export function formatTotal(pages: { total: number; totalCapped: boolean }): string {
  if (pages.total < 0) return '…';
  return `${formatCount(pages.total)}${pages.totalCapped ? '+' : ''}`;
}

const localeOf = (language: string) => (language === 'fi' ? 'fi-FI' : 'en-GB');

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(iso: string | null | undefined, language: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short' }).format(date) : DASH;
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'short' }).format(date) : DASH;
}

/** Past its time: a follow-up that is due. */
export function isDue(iso: string | null | undefined, now = Date.now()): boolean {
  const date = parse(iso);
  return date !== null && date.getTime() <= now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → the value of an <input type="datetime-local"> (local time, minutes). */
export function toDateTimeInput(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}` : '';
}

/** <input type="datetime-local"> value → ISO time, or null when empty or unreadable. */
export function fromDateTimeInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** yyyy-mm-dd of a date input → the ISO time of that local midnight; `nextDay` for an inclusive end. */
export function dateInputToIso(value: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
