// Leads per status under the other filters. Each count is also a toggle filtering the list on
// that status.
import { useTranslation } from 'react-i18next';
import type { LeadCountsDto, LeadStatus } from '../../../api/contract';

interface StatusCountsProps {
  statuses: readonly LeadStatus[];
  counts: LeadCountsDto | null;
  selected: readonly LeadStatus[];
  onToggle: (status: LeadStatus) => void;
}

export function StatusCounts({ statuses, counts, selected, onToggle }: StatusCountsProps) {
  const { t } = useTranslation();
  return (
    <div className="leads-counts" role="group" aria-label={t('leads.counts.label')} data-testid="status-counts">
      {statuses.map((status) => (
        <button
          key={status}
          type="button"
          className={`leads-counts__item lead-status--${status.toLowerCase()}-edge`}
          aria-pressed={selected.includes(status)}
          onClick={() => onToggle(status)}
          data-status={status}
        >
          <span className="leads-counts__name">{t(`leads.status.${status}`)}</span>
          <span className="leads-counts__n">{counts ? counts[status] : '…'}</span>
        </button>
      ))}
    </div>
  );
}
