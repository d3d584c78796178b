// How a before/after value or a metadata value reads in the entry panel. Pure.

/** null/undefined and '' show as the given placeholder; objects as compact JSON. */
export function formatAuditValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
