// "Back up now" (custom archive) and "Export as SQL (.sql.gz)", with the running job's
// progress and a Cancel button. The list reloads when the job ends.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { toast } from '../../stores/toasts';
import { JobProgress } from './JobProgress';
import { problemText } from './problem';
import { useJobEvents } from './useJobEvents';

export function RunPanel({ backupDir, onFinished }: { backupDir: string | null; onFinished: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useJobEvents('backup.progress', (p) => {
    if (!p.done) return;
    job.track(null);
    setCancelling(false);
    onFinished();
    if (p.error) setProblem(p.phase === 'cancelled' ? null : p.error);
    if (p.phase === 'cancelled') toast.info(t('backups.cancelled'));
    else if (p.error) toast.error(t('backups.failed'));
    else toast.success(t('backups.finished'));
  });
  const running = job.jobId !== null;

  async function run(kind: 'FULL' | 'PLAIN_SQL') {
    setStarting(true);
    setProblem(null);
    try {
      const { jobId } = await call('backups.run', { kind });
      job.track(jobId);
      onFinished(); // the list shows the new RUNNING row at once
    } catch (error) {
      setProblem(problemText(t, toApiError(error)));
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (!job.jobId) return;
    setCancelling(true);
    await call('backups.cancel', { jobId: job.jobId }).catch(() => setCancelling(false));
  }

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 className="panel__title" id={titleId}>
        {t('backups.runTitle')}
      </h2>
      <p className="admin-muted">{backupDir ? t('backups.runIntro', { dir: backupDir }) : t('backups.runIntroNoDir')}</p>
      <div className="backup-actions">
        <button type="button" className="button button--primary" onClick={() => void run('FULL')} disabled={running || starting}>
          {t('backups.runFull')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => void run('PLAIN_SQL')} disabled={running || starting}>
          {t('backups.runSql')}
        </button>
      </div>
      {running ? <JobProgress progress={job.latest} label={t('backups.runProgress')} onCancel={() => void cancel()} cancelling={cancelling} /> : null}
      <FormAlert message={problem} />
    </section>
  );
}
