// The standard views: all leads, my leads, unassigned, and follow-ups due today or overdue.
import { useTranslation } from 'react-i18next';
import { QUICK_VIEWS, type QuickView } from './inbox-store';

export function QuickViews({ current, onSelect }: { current: QuickView | null; onSelect: (view: QuickView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="leads-quick" role="group" aria-label={t('leads.quick.label')}>
      {QUICK_VIEWS.map((view) => (
        <button
          key={view}
          type="button"
          className={`button button--small ${current === view ? 'leads-quick__on' : 'button--ghost'}`}
          aria-pressed={current === view}
          onClick={() => onSelect(view)}
          data-testid={`quick-${view}`}
        >
          {t(`leads.quick.${view}`)}
        </button>
      ))}
    </div>
  );
}
