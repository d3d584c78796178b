// Priority and score together, e.g. "High · 75"; the priority is spelled out, not only coloured.
import { useTranslation } from 'react-i18next';
import type { LeadPriority } from '../../../api/contract';

export function PriorityBadge({ priority, score }: { priority: LeadPriority; score: number }) {
  const { t } = useTranslation();
  return (
    <span className={`lead-priority lead-priority--${priority.toLowerCase()}`} title={t('leads.score.title', { score })}>
      {t(`leads.priority.${priority}`)} · {score}
    </span>
  );
}
