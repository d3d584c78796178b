// The main process's reasons for skipping a lead in a bulk change, in the user's language.
import type { TFunction } from 'i18next';
import { LEAD_STATUSES, type LeadStatus } from '../../../api/contract';

const isStatus = (value: string | undefined): value is LeadStatus => value !== undefined && (LEAD_STATUSES as readonly string[]).includes(value);

export function skipReason(t: TFunction, reason: string): string {
  if (reason === 'not found') return t('leads.bulk.skipMissing');
  const move = /^([A-Z_]+) → ([A-Z_]+) is not allowed$/.exec(reason);
  if (move && isStatus(move[1]) && isStatus(move[2])) {
    return t('leads.bulk.skipMove', { from: t(`leads.status.${move[1]}`), to: t(`leads.status.${move[2]}`) });
  }
  return reason;
}
