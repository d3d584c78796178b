// "Load more" under a paged list, with how many are shown and a retry when a page failed.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import type { LeadPages } from './useLeadPages';

type Paging = Pick<LeadPages, 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore' | 'total' | 'totalCapped'>;

export function LoadMore({ pages, shown }: { pages: Paging; shown: number }) {
  const { t } = useTranslation();
  if (!pages.hasMore && !pages.moreError) return null;
  return (
    <div className="leads-more">
      <span className="leads-muted">{t(pages.totalCapped ? 'leads.list.shownCapped' : 'leads.list.shown', { shown, total: formatCount(Math.max(pages.total, shown)) })}</span>
      {pages.moreError ? (
        <span className="field__error" role="alert">
          {t('leads.list.moreFailed')}
        </span>
      ) : null}
      <button type="button" className="button button--ghost-dark button--small" onClick={pages.loadMore} disabled={pages.loadingMore}>
        {pages.loadingMore ? t('leads.common.loading') : t('leads.list.loadMore')}
      </button>
    </div>
  );
}
