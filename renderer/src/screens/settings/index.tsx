// Settings (SUPER_ADMIN): the language of this PC and the signed-in user's password.
// Connection, user and backup settings are added here by their own issues.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Page } from '../../components/Page';
import { toast } from '../../stores/toasts';
import { ChangePasswordForm } from '../account/ChangePasswordForm';

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const languageId = useId();
  return (
    <Page title={t('settings.title')}>
      <section className="panel" aria-labelledby={languageId}>
        <h2 className="panel__title" id={languageId}>
          {t('settings.languageLegend')}
        </h2>
        <LanguageSwitch compact onChanged={() => toast.info(i18n.t('settings.languageChanged'))} />
      </section>
      <ChangePasswordForm />
    </Page>
  );
}
