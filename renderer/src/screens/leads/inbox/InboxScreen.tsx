// The lead inbox: quick views, search, sort, filters and counts per status over a list or a
// board; bulk work, CSV export and erasing on request for those whose role allows.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { LeadStatus } from '../../../api/contract';
import { Page } from '../../../components/Page';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { useLeadsAccess } from '../access';
import { LeadBoard } from '../board/LeadBoard';
import { useNewLeads } from '../new-leads-store';
import { LeadsTabs } from '../shared/LeadsTabs';
import { saveFile } from '../../../lib/save-file';
import { SearchBox } from '../shared/SearchBox';
import { useLeadCounts } from '../shared/useLeadCounts';
import { EraseDialog } from './EraseDialog';
import { FiltersPanel } from './FiltersPanel';
import { InboxList } from './InboxList';
import { CLOSED_STATUSES, exportInput, filtersInput, MAIN_STATUSES, type InboxQuery } from './inbox-input';
import { activeFilterCount, quickViewOf, useInbox, type InboxView } from './inbox-store';
import { QuickViews } from './QuickViews';
import { SortControl } from './SortControl';
import { StatusCounts } from './StatusCounts';

const VIEWS: readonly InboxView[] = ['list', 'board'];

export function InboxScreen() {
  const { t } = useTranslation();
  const { canWork, canErase } = useLeadsAccess();
  const inbox = useInbox();
  const filtersId = useId();
  const [reloadToken, setReloadToken] = useState(0);
  const [eraseOpen, setEraseOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Coming to the inbox is looking at what arrived meanwhile.
  useEffect(() => useNewLeads.getState().clear(), []);

  const query: InboxQuery = useMemo(
    () => ({ search: inbox.search, filters: inbox.filters, sort: inbox.sort, dir: inbox.dir, showClosed: inbox.showClosed }),
    [inbox.search, inbox.filters, inbox.sort, inbox.dir, inbox.showClosed],
  );
  const counts = useLeadCounts(filtersInput(query), reloadToken);
  const changed = () => setReloadToken((n) => n + 1);
  const clearAll = () => {
    inbox.clearFilters();
    inbox.setSearch('');
  };
  const filterCount = activeFilterCount(inbox.filters);
  const countStatuses: LeadStatus[] = inbox.showClosed ? [...MAIN_STATUSES, ...CLOSED_STATUSES] : [...MAIN_STATUSES];

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await call('leads.exportCsv', exportInput(query));
      saveFile(file);
      toast.success(t('leads.export.done', { filename: file.filename }));
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setExporting(false);
    }
  }

  return (
    <Page
      title={t('leads.title')}
      actions={
        canWork ? (
          <div className="leads-actions">
            <button type="button" className="button button--ghost-dark" onClick={() => void exportCsv()} disabled={exporting}>
              {exporting ? t('leads.export.running') : t('leads.export.button')}
            </button>
            {canErase ? (
              <button type="button" className="button button--ghost-dark" onClick={() => setEraseOpen(true)} data-testid="erase-open">
                {t('leads.erase.open')}
              </button>
            ) : null}
          </div>
        ) : undefined
      }
    >
      <LeadsTabs />
      <div className="leads-toolbar">
        <QuickViews current={quickViewOf(inbox.filters)} onSelect={inbox.setQuickView} />
        <SearchBox value={inbox.search} onSearch={inbox.setSearch} />
        <SortControl sort={inbox.sort} dir={inbox.dir} onSort={inbox.setSort} onDir={inbox.setDir} />
        <button
          type="button"
          className="button button--ghost button--small"
          aria-expanded={inbox.filtersOpen}
          aria-controls={inbox.filtersOpen ? filtersId : undefined}
          onClick={() => inbox.setFiltersOpen(!inbox.filtersOpen)}
        >
          {filterCount ? t('leads.filters.toggleCount', { count: filterCount }) : t('leads.filters.toggle')}
        </button>
        <div className="leads-check-inline">
          <input id={`${filtersId}-closed`} type="checkbox" checked={inbox.showClosed} onChange={(event) => inbox.setShowClosed(event.target.checked)} />
          <label htmlFor={`${filtersId}-closed`}>{t('leads.showClosed')}</label>
        </div>
        <div className="leads-views" role="group" aria-label={t('leads.views.label')}>
          {VIEWS.map((view) => (
            <button
              key={view}
              type="button"
              className={`button button--small ${inbox.view === view ? 'leads-quick__on' : 'button--ghost'}`}
              aria-pressed={inbox.view === view}
              onClick={() => inbox.setView(view)}
              data-testid={`view-${view}`}
            >
              {t(`leads.views.${view}`)}
            </button>
          ))}
        </div>
      </div>
      {inbox.filtersOpen ? <FiltersPanel id={filtersId} filters={inbox.filters} onSet={inbox.setFilter} onToggle={inbox.toggleIn} onClear={inbox.clearFilters} /> : null}
      {inbox.view === 'list' ? (
        <>
          <StatusCounts statuses={countStatuses} counts={counts} selected={inbox.filters.status} onToggle={(status) => inbox.toggleIn('status', status)} />
          <InboxList
            query={query}
            reloadToken={reloadToken}
            canWork={canWork}
            filtered={filterCount > 0 || inbox.search.trim() !== ''}
            onChanged={changed}
            onClearFilters={clearAll}
          />
        </>
      ) : (
        <LeadBoard query={query} reloadToken={reloadToken} canWork={canWork} onChanged={changed} />
      )}
      {eraseOpen ? <EraseDialog onClose={() => setEraseOpen(false)} onErased={changed} /> : null}
    </Page>
  );
}
