// The three views of the leads area: inbox, follow-ups and newsletter subscribers.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

const TABS = [
  { id: 'inbox', path: '/leads', end: true },
  { id: 'followUps', path: '/leads/follow-ups', end: false },
  { id: 'newsletter', path: '/leads/newsletter', end: false },
] as const;

export function LeadsTabs() {
  const { t } = useTranslation();
  return (
    <nav className="leads-tabs" aria-label={t('leads.tabs.label')}>
      <ul className="leads-tabs__list">
        {TABS.map((tab) => (
          <li key={tab.id}>
            <NavLink
              to={tab.path}
              end={tab.end}
              className={({ isActive }) => (isActive ? 'leads-tabs__link leads-tabs__link--active' : 'leads-tabs__link')}
              data-testid={`leads-tab-${tab.id}`}
            >
              {t(`leads.tabs.${tab.id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
