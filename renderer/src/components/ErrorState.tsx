// A failed load: what went wrong in plain words, and a way to try again.
import { useTranslation } from 'react-i18next';

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorState({ title, message, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <section className="error-state" role="alert" data-testid="error-state">
      <h2 className="error-state__title">{title ?? t('common.errorTitle')}</h2>
      <p className="error-state__message">{message}</p>
      {onRetry ? (
        <button type="button" className="button button--primary" onClick={onRetry} disabled={retrying}>
          {t('common.retry')}
        </button>
      ) : null}
    </section>
  );
}
