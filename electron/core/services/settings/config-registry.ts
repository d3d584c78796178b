// The system_config keys the app reads, each with the zod schema its reader applies and the
// default it falls back to. A key listed here is validated when an admin edits it; any other
// key is free JSON (size-limited), since the website or a later feature may own it.
import { z } from 'zod';
import type { JsonValue } from '../../api/dto-settings';
import { backupScheduleInput } from '../../api/schemas/backups';
import { DEFAULT_SCHEDULE } from '../backups/backups-service';
import { DEFAULT_LOCK_TIMEOUT_MS } from '../backups/restore';
import { CONFIG_KEYS } from '../system-config';

export interface KnownConfigKey {
  schema: z.ZodType;
  default: JsonValue;
  description: string;
}

export const KNOWN_CONFIG: Readonly<Record<string, KnownConfigKey>> = {
  ...Object.fromEntries(Object.entries(CONFIG_KEYS).map(([key, def]) => [key, { schema: def.schema, default: def.default, description: def.description }])),
  'backup.schedule': { schema: backupScheduleInput, default: { ...DEFAULT_SCHEDULE }, description: 'Backup schedule (UTC cron) and retention.' },
  // The backups service reads a string and otherwise searches the usual places.
  'backup.toolsDir': { schema: z.string().trim().min(1).max(1000).nullable(), default: null, description: 'Folder of pg_dump, pg_restore and psql; empty (null) finds them automatically.' },
  'backup.lockTimeoutMs': {
    schema: z.number().int().min(10).max(3_600_000),
    default: DEFAULT_LOCK_TIMEOUT_MS,
    description: 'How long a backup or restore waits for other sessions’ locks (ms).',
  },
};

export const isKnownKey = (key: string): boolean => Object.prototype.hasOwnProperty.call(KNOWN_CONFIG, key);

/** Issues of a zod error as one line per field ("retentionDays: Keep backups at least one day."). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` : issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join(' ');
}
