// Follow-ups due today or overdue, the earliest first: mine by default for those who work
// leads, everyone's at a click.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_LEAD_STATUSES } from '../../../api/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { errorText } from '../../../lib/error-text';
import { useLeadsAccess } from '../access';
import { LeadsTabs } from '../shared/LeadsTabs';
import { LeadTable } from '../shared/LeadTable';
import { LoadMore } from '../shared/LoadMore';
import { formatCount } from '../format';
import { useLeadPages } from '../shared/useLeadPages';

const PAGE_SIZE = 50;

export function FollowUpsScreen() {
  const { t } = useTranslation();
  const { canWork } = useLeadsAccess();
  const [mine, setMine] = useState(canWork);
  const input = useMemo(
    () => ({ due: 'today' as const, status: [...OPEN_LEAD_STATUSES], sort: 'nextContactAt' as const, dir: 'asc' as const, limit: PAGE_SIZE, ...(mine ? { assignee: 'me' } : {}) }),
    [mine],
  );
  const pages = useLeadPages(input);

  return (
    <Page title={t('leads.followUps.title')}>
      <LeadsTabs />
      <div className="leads-toolbar">
        {canWork ? (
          <div className="leads-quick" role="group" aria-label={t('leads.followUps.whose')}>
            {[true, false].map((value) => (
              <button
                key={String(value)}
                type="button"
                className={`button button--small ${mine === value ? 'leads-quick__on' : 'button--ghost'}`}
                aria-pressed={mine === value}
                onClick={() => setMine(value)}
              >
                {value ? t('leads.followUps.mine') : t('leads.followUps.everyone')}
              </button>
            ))}
          </div>
        ) : null}
        <p className="leads-results__count" role="status">
          {pages.total < 0
            ? t('leads.common.loading')
            : pages.totalCapped
              ? t('leads.followUps.countCapped', { formatted: formatCount(pages.total) })
              : t('leads.followUps.count', { count: pages.total })}
        </p>
      </div>
      {pages.error ? (
        <ErrorState message={errorText(t, pages.error)} onRetry={pages.reload} />
      ) : pages.rows.length === 0 && pages.loading ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState title={t('leads.followUps.emptyTitle')} body={t('leads.followUps.emptyBody')} />
      ) : (
        <>
          <LeadTable caption={t('leads.followUps.caption')} rows={pages.rows} />
          <LoadMore pages={pages} shown={pages.rows.length} />
        </>
      )}
    </Page>
  );
}
