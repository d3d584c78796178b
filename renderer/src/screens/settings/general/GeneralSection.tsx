// Settings → General: the language of this PC and the signed-in user's password.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { toast } from '../../../stores/toasts';
import { ChangePasswordForm } from '../../account/ChangePasswordForm';

export function GeneralSection() {
  const { t, i18n } = useTranslation();
  const languageId = useId();
  return (
    <>
      <section className="panel" aria-labelledby={languageId}>
        <h2 className="panel__title" id={languageId}>
          {t('settings.languageLegend')}
        </h2>
        {/* i18n.t, not t: the toast must speak the language just chosen. */}
        <LanguageSwitch compact onChanged={() => toast.info(i18n.t('settings.languageChanged'))} />
      </section>
      <ChangePasswordForm />
    </>
  );
}
