// The main navigation. Only the areas the role may use are listed; Alt+N is shown beside each,
// and Leads carries the count of new leads not yet looked at.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { screenShortcutLabel } from '../lib/shortcuts';
import { NewLeadsBadge } from '../screens/leads/NewLeadsBadge';
import { useRole } from '../stores/session';
import { SCREENS, canSee } from './screens';
import { ScreenIcon } from './ScreenIcon';

export function Sidebar() {
  const { t } = useTranslation();
  const role = useRole();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul className="sidebar__list">
        {SCREENS.map((screen, index) => {
          if (!role || !canSee(role, screen)) return null;
          const name = t(`nav.${screen.id}`);
          const keys = screenShortcutLabel(index);
          return (
            <li key={screen.id}>
              <NavLink
                to={screen.path}
                className={({ isActive }) => (isActive ? 'sidebar__link sidebar__link--active' : 'sidebar__link')}
                title={t('nav.shortcutTitle', { name, keys })}
                aria-keyshortcuts={keys}
              >
                <ScreenIcon id={screen.id} />
                <span className="sidebar__text">{name}</span>
                {screen.id === 'leads' ? <NewLeadsBadge /> : null}
                <kbd className="sidebar__kbd" aria-hidden="true">
                  {keys}
                </kbd>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
