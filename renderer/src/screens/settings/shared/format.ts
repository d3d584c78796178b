// Dates as the user's language writes them. Pure, so they can be unit-tested.

/** `seconds` for the audit log, where the order of events within a minute matters. */
export function formatDateTime(iso: string, locale: string, { seconds = true }: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: seconds ? 'medium' : 'short' }).format(date);
}
