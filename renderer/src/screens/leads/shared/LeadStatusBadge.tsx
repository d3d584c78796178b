// A lead's status as a coloured pill with its name (colour is never the only cue).
import { useTranslation } from 'react-i18next';
import type { LeadStatus } from '../../../api/contract';

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`lead-status lead-status--${status.toLowerCase()}`} data-status={status}>
      {t(`leads.status.${status}`)}
    </span>
  );
}
