// The page around sign-in and first-run setup: brand, language choice and one centred card.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <div className="auth">
      <header className="auth__header">
        <p className="brand">
          <span className="brand__mark" aria-hidden="true">K</span>
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__product">{t('app.product')}</span>
        </p>
        <LanguageSwitch compact />
      </header>
      <main className="auth__main" id="main">
        <div className="auth__card">{children}</div>
      </main>
    </div>
  );
}
