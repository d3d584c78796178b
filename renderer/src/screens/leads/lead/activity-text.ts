// What a timeline entry says, in the user's language. Entries the app records itself carry
// their facts in `metadata` (the description is only an English fallback).
import type { TFunction } from 'i18next';
import { LEAD_STATUSES, type ContactActivityType, type LeadActivityDto, type LeadStatus } from '../../../api/contract';

/** Entry types recorded by the app, not added by hand. */
export const SYSTEM_TYPES: readonly ContactActivityType[] = ['STATUS_CHANGE', 'ASSIGNMENT', 'MERGE'];
/** Entry types a user may log by hand. */
export const MANUAL_TYPES = ['CALL', 'EMAIL', 'MEETING', 'TEST_DRIVE', 'NOTE'] as const satisfies readonly ContactActivityType[];

export const isSystemEntry = (a: LeadActivityDto): boolean => SYSTEM_TYPES.includes(a.type) || (a.type === 'OTHER' && a.userId === null);

const isStatus = (value: unknown): value is LeadStatus => typeof value === 'string' && (LEAD_STATUSES as readonly string[]).includes(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function activityText(t: TFunction, a: LeadActivityDto, nameOf: (userId: string) => string | null): string {
  const meta = a.metadata ?? {};
  switch (a.type) {
    case 'STATUS_CHANGE': {
      if (!isStatus(meta['from']) || !isStatus(meta['to'])) return a.description;
      const moved = t('leads.timeline.statusChange', { from: t(`leads.status.${meta['from']}`), to: t(`leads.status.${meta['to']}`) });
      const reason = text(meta['lostReason']);
      return reason ? `${moved} ${t('leads.timeline.lostReason', { reason })}` : moved;
    }
    case 'ASSIGNMENT': {
      if (!('to' in meta)) return a.description;
      const to = text(meta['to']);
      if (!to) return t('leads.timeline.unassigned');
      const name = nameOf(to) ?? t('leads.timeline.someone');
      return meta['via'] === 'round-robin' ? t('leads.timeline.assignedRoundRobin', { name }) : t('leads.timeline.assigned', { name });
    }
    case 'MERGE':
      return 'sourceId' in meta ? t('leads.timeline.merged', { notes: count(meta['notes']), activities: count(meta['activities']) }) : a.description;
    case 'OTHER':
      return text(meta['duplicateOf']) ? t('leads.timeline.duplicateFlag') : a.description;
    default:
      return a.description;
  }
}
