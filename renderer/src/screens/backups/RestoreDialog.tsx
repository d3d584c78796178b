// Restore, only after reading what will happen and typing the database's name. The phases
// come from the job's events; a failure says what failed (the live data is then unchanged).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../api/client';
import type { BackupDto } from '../../api/contract';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../settings/shared/format';
import { JobProgress } from './JobProgress';
import { problemText } from './problem';
import { useJobEvents } from './useJobEvents';

interface RestoreDialogProps {
  backup: BackupDto;
  /** The name to type; null while it is not known (the button stays disabled). */
  databaseName: string | null;
  onClose: () => void;
  onFinished: () => void;
}

type Outcome = { kind: 'done' } | { kind: 'failed'; message: string } | null;

export function RestoreDialog({ backup, databaseName, onClose, onFinished }: RestoreDialogProps) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [starting, setStarting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const job = useJobEvents('backup.progress', (p) => {
    if (!p.done) return;
    job.track(null);
    setOutcome(p.error ? { kind: 'failed', message: p.error } : { kind: 'done' });
    onFinished();
  });
  const running = job.jobId !== null;
  const matches = databaseName !== null && typed === databaseName;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches) {
      setFieldError(t('backups.restoreDialog.typeExactly', { name: databaseName ?? '' }));
      return;
    }
    setStarting(true);
    setOutcome(null);
    setFieldError(undefined);
    try {
      const { jobId } = await call('backups.restore', { id: backup.id, confirmDatabase: typed });
      job.track(jobId);
    } catch (error) {
      const e = toApiError(error);
      setOutcome({ kind: 'failed', message: problemText(t, e) });
    } finally {
      setStarting(false);
    }
  }

  const footer = outcome?.kind === 'done' || (!running && outcome?.kind === 'failed') ? (
    <button type="button" className="button button--primary" onClick={onClose}>
      {t('backups.restoreDialog.close')}
    </button>
  ) : (
    <>
      <button type="button" className="button button--ghost" onClick={onClose} disabled={running || starting}>
        {t('common.cancel')}
      </button>
      <button type="submit" form="restore-form" className="button button--danger" disabled={!matches || running || starting}>
        {running ? t('backups.restoreDialog.running') : t('backups.restoreDialog.confirm')}
      </button>
    </>
  );

  return (
    <Dialog open title={t('backups.restoreDialog.title')} onClose={onClose} busy={running || starting} footer={footer} className="dialog--wide" testId="restore-dialog">
      <p>
        {t('backups.restoreDialog.which', { date: formatDateTime(backup.startedAt, i18n.language, { seconds: false }) })} <code className="admin-code">{backup.fileName}</code>
      </p>
      <ol className="restore-steps">
        <li>{t('backups.restoreDialog.stepSafety')}</li>
        <li>{t('backups.restoreDialog.stepCheck')}</li>
        <li>{t('backups.restoreDialog.stepLive')}</li>
        <li>{t('backups.restoreDialog.stepOthers')}</li>
      </ol>
      <p className="notice notice--warn">{t('backups.restoreDialog.lost')}</p>
      {outcome?.kind === 'done' ? (
        <p className="notice" role="status" data-testid="restore-done">
          {t('backups.restoreDialog.done')}
        </p>
      ) : (
        <form id="restore-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('backups.restoreDialog.typeLabel', { name: databaseName ?? '…' })}
            hint={t('backups.restoreDialog.typeHint')}
            value={typed}
            onValueChange={(v) => {
              setTyped(v);
              setFieldError(undefined);
            }}
            autoComplete="off"
            spellCheck={false}
            disabled={running || starting}
            error={fieldError}
          />
        </form>
      )}
      {running ? <JobProgress progress={job.latest} label={t('backups.restoreDialog.progress')} /> : null}
      {outcome?.kind === 'failed' ? (
        <div data-testid="restore-failed">
          <FormAlert message={t('backups.restoreDialog.failed', { message: outcome.message })} />
        </div>
      ) : null}
    </Dialog>
  );
}
