// Backups (SUPER_ADMIN): run one now (or export plain SQL) with progress and cancel, the
// list with verify / restore / delete, importing a file made elsewhere, the schedule and
// the state of the pg tools.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../api/client';
import type { BackupDto, BackupToolsDto } from '../../api/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { errorText } from '../../lib/error-text';
import { useStatus } from '../../stores/status';
import { toast } from '../../stores/toasts';
import { BackupTable, type BackupAction } from './BackupTable';
import { ImportPanel } from './ImportPanel';
import { problemText } from './problem';
import { RestoreDialog } from './RestoreDialog';
import { RunPanel } from './RunPanel';
import { SchedulePanel } from './SchedulePanel';
import { ToolsPanel } from './ToolsPanel';
import { useBackups } from './useBackups';

export function BackupsScreen() {
  const { t } = useTranslation();
  const listId = useId();
  const { state, reload, upsert } = useBackups();
  const [tools, setTools] = useState<BackupToolsDto | null>(null);
  const [toolsProblem, setToolsProblem] = useState<string | null>(null);
  const [action, setAction] = useState<BackupAction | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const databaseName = useStatus((s) => s.status?.database.name ?? null);
  const refreshStatus = useStatus((s) => s.refresh);

  const loadTools = useCallback(() => {
    call('backups.tools', {}).then(
      (report) => {
        setTools(report);
        setToolsProblem(null);
      },
      (error: unknown) => setToolsProblem(problemText(t, toApiError(error))),
    );
  }, [t]);

  useEffect(() => {
    loadTools();
    if (!databaseName) void refreshStatus();
  }, [loadTools, databaseName, refreshStatus]);

  async function verify(backup: BackupDto) {
    setVerifying(backup.id);
    try {
      const result = await call('backups.verify', { id: backup.id });
      upsert(result);
      if (result.verifyOk) toast.success(t('backups.verifiedToast', { file: result.fileName }));
      else toast.error(t('backups.verifyFailedToast', { file: result.fileName }));
    } catch (error) {
      toast.error(problemText(t, toApiError(error)));
    } finally {
      setVerifying(null);
    }
  }

  async function remove(backup: BackupDto) {
    setDeleting(true);
    try {
      await call('backups.delete', { id: backup.id });
      toast.success(t('backups.deleted', { file: backup.fileName }));
      setAction(null);
      void reload();
    } catch (error) {
      toast.error(problemText(t, toApiError(error)));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <Page title={t('screens.backups.title')}>
      <RunPanel backupDir={tools?.backupDir ?? null} onFinished={() => void reload()} />

      <section className="settings-section" aria-labelledby={listId}>
        <div className="settings-section__header">
          <h2 className="settings-section__title" id={listId}>
            {t('backups.listTitle')}
          </h2>
          <button type="button" className="button button--ghost button--small" onClick={() => void reload()}>
            {t('backups.refresh')}
          </button>
        </div>
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'error' ? <ErrorState message={errorText(t, state.error)} onRetry={() => void reload()} /> : null}
        {state.status === 'ready' && state.backups.length === 0 ? <EmptyState title={t('backups.emptyTitle')} body={t('backups.emptyBody')} headingLevel={3} /> : null}
        {state.status === 'ready' && state.backups.length > 0 ? (
          <BackupTable backups={state.backups} names={state.names} verifying={verifying} onVerify={(b) => void verify(b)} onAction={setAction} />
        ) : null}
      </section>

      <ImportPanel onImported={() => void reload()} />
      <SchedulePanel />
      <ToolsPanel tools={tools} problem={toolsProblem} />

      {action?.kind === 'restore' ? <RestoreDialog backup={action.backup} databaseName={databaseName} onClose={() => setAction(null)} onFinished={() => void reload()} /> : null}
      <ConfirmDialog
        open={action?.kind === 'delete'}
        title={t('backups.deleteTitle')}
        confirmLabel={t('backups.delete')}
        danger
        busy={deleting}
        onConfirm={() => action && void remove(action.backup)}
        onCancel={() => setAction(null)}
      >
        <p>{t('backups.deleteBody', { file: action?.backup.fileName ?? '' })}</p>
      </ConfirmDialog>
    </Page>
  );
}
