// What to tell the user about a CONFLICT on a lead: someone else changed it (a stale
// version), or the change is no longer possible (a move not allowed from its status now).
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../api/client';

export function conflictText(t: TFunction, error: ApiError): string {
  return error.details['currentVersion'] !== undefined ? t('leads.conflict.stale') : t('leads.conflict.notAllowed');
}
