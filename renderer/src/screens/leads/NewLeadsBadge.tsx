// The count on the sidebar's Leads entry: new leads since the inbox was last looked at.
import { useTranslation } from 'react-i18next';
import { useNewLeads } from './new-leads-store';

export function NewLeadsBadge() {
  const { t } = useTranslation();
  const count = useNewLeads((state) => state.unseen.size);
  if (count === 0) return null;
  return (
    <span className="leads-nav-badge" data-testid="leads-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t('leads.badge', { count })}</span>
    </span>
  );
}
