// Newsletter subscribers (written by the website): filter by status, search, unsubscribe
// (ADMIN) and export as CSV (ADMIN).
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { SUBSCRIBER_STATUSES, type SubscriberDto, type SubscriberStatus } from '../../../api/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { useLeadsAccess } from '../access';
import { LeadsTabs } from '../shared/LeadsTabs';
import { LoadMore } from '../shared/LoadMore';
import { saveFile } from '../../../lib/save-file';
import { SearchBox } from '../shared/SearchBox';
import { SubscriberTable } from './SubscriberTable';
import { useSubscriberPages } from './useSubscriberPages';

export function NewsletterScreen() {
  const { t } = useTranslation();
  const { canWork } = useLeadsAccess();
  const groupId = useId();
  const [statuses, setStatuses] = useState<SubscriberStatus[]>([]);
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState(false);
  const [leaving, setLeaving] = useState<SubscriberDto | null>(null);
  const [busy, setBusy] = useState(false);
  const filters = useMemo(() => ({ ...(statuses.length ? { status: statuses } : {}), ...(search.trim() ? { q: search.trim().slice(0, 120) } : {}) }), [statuses, search]);
  const pages = useSubscriberPages(filters);

  const toggle = (status: SubscriberStatus) => setStatuses((current) => (current.includes(status) ? current.filter((s) => s !== status) : [...current, status]));

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await call('newsletter.exportCsv', filters);
      saveFile(file);
      toast.success(t('leads.export.done', { filename: file.filename }));
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setExporting(false);
    }
  }

  async function unsubscribe(subscriber: SubscriberDto) {
    setBusy(true);
    try {
      pages.replace(await call('newsletter.unsubscribe', { id: subscriber.id }));
      toast.success(t('leads.newsletter.unsubscribed', { email: subscriber.email }));
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setBusy(false);
      setLeaving(null);
    }
  }

  return (
    <Page
      title={t('leads.newsletter.title')}
      actions={
        canWork ? (
          <button type="button" className="button button--ghost-dark" onClick={() => void exportCsv()} disabled={exporting}>
            {exporting ? t('leads.export.running') : t('leads.export.button')}
          </button>
        ) : null
      }
    >
      <LeadsTabs />
      <div className="leads-toolbar">
        <fieldset className="leads-inline-checks">
          <legend className="visually-hidden">{t('leads.newsletter.statusFilter')}</legend>
          {SUBSCRIBER_STATUSES.map((status) => (
            <div key={status} className="leads-check-inline">
              <input id={`${groupId}-${status}`} type="checkbox" checked={statuses.includes(status)} onChange={() => toggle(status)} />
              <label htmlFor={`${groupId}-${status}`}>{t(`leads.newsletter.status.${status}`)}</label>
            </div>
          ))}
        </fieldset>
        <SearchBox value={search} onSearch={setSearch} label={t('leads.newsletter.searchLabel')} placeholder={t('leads.newsletter.searchPlaceholder')} />
        <p className="leads-results__count" role="status">
          {pages.total < 0 ? t('leads.common.loading') : t('leads.newsletter.count', { count: pages.total })}
        </p>
      </div>
      {pages.error ? (
        <ErrorState message={errorText(t, pages.error)} onRetry={pages.reload} />
      ) : pages.rows.length === 0 && pages.loading ? (
        <Loading />
      ) : pages.rows.length === 0 ? (
        <EmptyState title={t('leads.newsletter.emptyTitle')} body={t('leads.newsletter.emptyBody')} />
      ) : (
        <>
          <SubscriberTable rows={pages.rows} canWork={canWork} busy={busy} onUnsubscribe={setLeaving} />
          <LoadMore pages={pages} shown={pages.rows.length} />
        </>
      )}
      <ConfirmDialog
        open={leaving !== null}
        title={t('leads.newsletter.confirmTitle')}
        confirmLabel={t('leads.newsletter.unsubscribe')}
        danger
        busy={busy}
        onConfirm={() => {
          if (leaving) void unsubscribe(leaving);
        }}
        onCancel={() => setLeaving(null)}
      >
        <p>{t('leads.newsletter.confirmBody', { email: leaving?.email ?? '' })}</p>
      </ConfirmDialog>
    </Page>
  );
}
