// Settings (SUPER_ADMIN): one page with a row of section links, each section its own
// sub-route (/settings/users …) so it can be linked to and survives a reload of the frame.
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { SETTINGS_SECTIONS, sectionPath } from './sections';

const DEFAULT_SECTION = sectionPath('general');

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')}>
      <nav className="settings-tabs" aria-label={t('settings.sectionsLabel')}>
        <ul className="settings-tabs__list">
          {SETTINGS_SECTIONS.map((section) => (
            <li key={section.id}>
              <NavLink
                to={sectionPath(section.id)}
                className={({ isActive }) => (isActive ? 'settings-tabs__link settings-tabs__link--active' : 'settings-tabs__link')}
                data-testid={`settings-tab-${section.id}`}
              >
                {t(`settings.sections.${section.id}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to={DEFAULT_SECTION} replace />} />
        {SETTINGS_SECTIONS.map(({ id, Component }) => (
          <Route key={id} path={`${id}/*`} element={<Component />} />
        ))}
        <Route path="*" element={<Navigate to={DEFAULT_SECTION} replace />} />
      </Routes>
    </Page>
  );
}
