// Inputs of the backup settings.
import { Cron } from 'croner';
import { z } from 'zod';

const cron = z
  .string()
  .trim()
  .min(9)
  .max(100)
  .refine((expr) => {
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
