// Every user's own page: password and language. Reached from the status bar and the palette,
// and forced while the account must change its password.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../../stores/session';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountScreen() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const languageId = useId();
  return (
    <Page title={t('account.title')}>
      {user?.mustChangePassword ? (
        <p className="notice" role="status">
          {t('account.mustChange')}
        </p>
      ) : null}
      <ChangePasswordForm />
      <section className="panel" aria-labelledby={languageId}>
        <h2 className="panel__title" id={languageId}>
          {t('settings.languageLegend')}
        </h2>
        <LanguageSwitch compact />
      </section>
    </Page>
  );
}
