// Inputs of the backup settings.
import { Cron } from 'croner';
import { z } from 'zod';

const cron = z
  .string()
  .trim()
  .min(9)
  .max(100)
  .refine((expr) => {
    // Five fields only: croner would also take seconds, and "* * * * * *" is a backup a second.
    if (expr.split(/\s+/).length !== 5) return false;
    try {
      new Cron(expr, { paused: true });
      return true;
    } catch {
      return false;
    }
  }, 'Not a valid cron expression (minute hour day month weekday), e.g. 0 2 * * *.');

export const backupScheduleInput = z.strictObject({
  enabled: z.boolean(),
  daily: cron,
  frequent: cron.nullable(),
  retentionDays: z.number().int().min(1, 'Keep backups at least one day.').max(3650),
});
