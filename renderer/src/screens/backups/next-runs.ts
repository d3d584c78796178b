// The next times a cron expression fires, in UTC as the scheduler reads it (croner, the
// library the main process uses). Null for an expression croner does not accept.
import { Cron } from 'croner';

export function nextRuns(expr: string, count = 3, from: Date = new Date()): Date[] | null {
  if (!expr.trim()) return null;
  try {
    return new Cron(expr.trim(), { timezone: 'UTC', paused: true }).nextRuns(count, from);
  } catch {
    return null;
  }
}
