// Settings → Audit log (SUPER_ADMIN): filters, the entries page by page, one entry in a
// side panel, and a CSV export of everything the current filters match.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { AuditEntryDto, UserDto } from '../../../api/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormAlert } from '../../../components/FormAlert';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { saveFile } from '../../../lib/save-file';
import { EMPTY_FILTERS, toAuditQuery, type AuditFilterForm } from './audit-filters';
import { AuditEntryPanel } from './AuditEntryPanel';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditLog } from './useAuditLog';

export function AuditSection() {
  const { t } = useTranslation();
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_FILTERS);
  const query = useMemo(() => toAuditQuery(applied), [applied]);
  const { state, reload, loadMore } = useAuditLog(query);
  const users = useUserChoices();
  const [open, setOpen] = useState<AuditEntryDto | null>(null);
  const [exporting, setExporting] = useState(false);

  const userNames = useMemo(() => new Map(users.map((user) => [user.id, user.name ?? user.email])), [users]);

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await call('audit.exportCsv', query);
      saveFile(file);
      toast.success(t('audit.exported', { file: file.filename }));
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setExporting(false);
    }
  }

  const count = state.items.length;

  return (
    <section className="settings-section" aria-labelledby="audit-title">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="audit-title">
            {t('audit.title')}
          </h2>
          <p className="settings-section__intro">{t('audit.intro')}</p>
        </div>
        <button type="button" className="button button--ghost" onClick={() => void exportCsv()} disabled={exporting}>
          {exporting ? t('audit.exporting') : t('audit.exportCsv')}
        </button>
      </div>

      <AuditFilters users={users} applied={applied} onApply={setApplied} />

      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' && state.error ? <ErrorState message={errorText(t, state.error)} onRetry={() => void reload()} /> : null}
      {state.status !== 'loading' && state.status !== 'error' && count === 0 ? <EmptyState title={t('audit.empty')} headingLevel={3} /> : null}
      {count > 0 ? (
        <>
          <AuditTable items={state.items} userNames={userNames} onOpen={setOpen} />
          <div className="admin-load-more">
            <p className="admin-muted" role="status">
              {state.nextCursor ? t('audit.shown', { count }) : t('audit.allShown', { count })}
            </p>
            {state.nextCursor ? (
              <button type="button" className="button button--ghost" onClick={() => void loadMore()} disabled={state.status === 'loadingMore'}>
                {state.status === 'loadingMore' ? t('audit.loadingMore') : t('audit.loadMore')}
              </button>
            ) : null}
            {state.status === 'ready' && state.error ? <FormAlert message={errorText(t, state.error)} /> : null}
          </div>
        </>
      ) : null}

      {open ? <AuditEntryPanel entry={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

/** The users to filter by. Without them the filter still offers "All users". */
function useUserChoices(): UserDto[] {
  const [users, setUsers] = useState<UserDto[]>([]);
  useEffect(() => {
    let live = true;
    call('users.list', {}).then(
      (list) => live && setUsers(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return users;
}
