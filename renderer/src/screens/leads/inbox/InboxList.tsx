// The inbox as a list: a page of leads at a time, selectable for bulk work by those who may.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import { LeadTable } from '../shared/LeadTable';
import { LoadMore } from '../shared/LoadMore';
import { formatCount } from '../format';
import { useLeadPages } from '../shared/useLeadPages';
import { BulkBar } from './BulkBar';
import { listInput, shownStatuses, type InboxQuery } from './inbox-input';

export const PAGE_SIZE = 50;

interface InboxListProps {
  query: InboxQuery;
  reloadToken: number;
  canWork: boolean;
  filtered: boolean;
  onChanged: () => void;
  onClearFilters: () => void;
}

export function InboxList({ query, reloadToken, canWork, filtered, onChanged, onClearFilters }: InboxListProps) {
  const { t } = useTranslation();
  const input = useMemo(() => {
    const { cursor: _cursor, ...rest } = listInput(query, shownStatuses(query), null, PAGE_SIZE);
    return rest;
  }, [query]);
  const pages = useLeadPages(input, reloadToken);
  const { rows } = pages;

  // A new query is a new list: what was selected in the old one is let go.
  const queryKey = JSON.stringify(input);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectionKey, setSelectionKey] = useState(queryKey);
  if (selectionKey !== queryKey) {
    setSelectionKey(queryKey);
    setSelected(new Set());
  }

  const selection = canWork
    ? {
        selected,
        toggle: (id: string) =>
          setSelected((current) => {
            const next = new Set(current);
            if (!next.delete(id)) next.add(id);
            return next;
          }),
        toggleAll: () => setSelected((current) => (rows.length > 0 && rows.every((r) => current.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id)))),
      }
    : null;

  const countText =
    pages.total < 0
      ? t('leads.common.loading')
      : pages.totalCapped
        ? t('leads.list.countCapped', { formatted: formatCount(pages.total) })
        : t('leads.list.count', { count: pages.total });

  return (
    <div className="leads-results" aria-busy={pages.loading}>
      <p className="leads-results__count" role="status" data-testid="result-count">
        {countText}
      </p>
      {canWork && selected.size > 0 ? <BulkBar selected={selected} rows={rows} onClear={() => setSelected(new Set())} onDone={onChanged} /> : null}
      {pages.error && (rows.length === 0 || !pages.loading) ? (
        <ErrorState message={errorText(t, pages.error)} onRetry={pages.reload} />
      ) : rows.length === 0 && pages.loading ? (
        <Loading />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('leads.list.noMatchTitle')}
            body={t('leads.list.noMatchBody')}
            action={
              <button type="button" className="button button--ghost-dark" onClick={onClearFilters}>
                {t('leads.filters.clearAll')}
              </button>
            }
          />
        ) : (
          <EmptyState title={t('leads.list.emptyTitle')} body={t('leads.list.emptyBody')} />
        )
      ) : (
        <>
          <LeadTable caption={t('leads.list.caption')} rows={rows} selection={selection} />
          <LoadMore pages={pages} shown={rows.length} />
        </>
      )}
    </div>
  );
}
