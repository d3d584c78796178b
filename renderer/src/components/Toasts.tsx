// The toast region. Polite, so a notice never interrupts what a screen reader is saying.
import { useTranslation } from 'react-i18next';
import { useToasts } from '../stores/toasts';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  return (
    <div className="toasts" role="region" aria-label={t('toasts.label')} aria-live="polite" data-testid="toasts">
      {toasts.map((item) => (
        <div key={item.id} className={`toast toast--${item.kind}`} data-kind={item.kind}>
          <span className="toast__icon" aria-hidden="true">
            {item.kind === 'success' ? '✓' : item.kind === 'error' ? '!' : 'i'}
          </span>
          <p className="toast__message">{item.message}</p>
          <button type="button" className="toast__close" aria-label={t('common.dismiss')} onClick={() => dismiss(item.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
