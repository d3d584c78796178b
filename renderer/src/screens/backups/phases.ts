// The phases the back end names in 'backup.progress' (backup, restore, copy) in words.
import type { TFunction } from 'i18next';

const KNOWN = {
  starting: 'starting',
  counting: 'counting',
  dumping: 'dumping',
  dumped: 'dumped',
  verifying: 'verifying',
  converting: 'converting',
  checking: 'checking',
  scratch: 'scratch',
  comparing: 'comparing',
  'safety backup': 'safety',
  restoring: 'restoring',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;

export function phaseText(t: TFunction, phase: string): string {
  return Object.prototype.hasOwnProperty.call(KNOWN, phase) ? t(`backups.phase.${KNOWN[phase as keyof typeof KNOWN]}`) : phase;
}
