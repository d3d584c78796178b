// Copying the data in use over to the server: what happens, a confirmation, the tables that
// would be replaced when the server already holds data, and the job's progress.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { JobProgress } from '../../backups/JobProgress';
import { problemText } from '../../backups/problem';
import { useJobEvents } from '../../backups/useJobEvents';
import type { DatabaseTarget } from './forms';

type Outcome = { kind: 'done' } | { kind: 'failed'; message: string } | null;

export function CopyDialog({ target, password, onClose }: { target: DatabaseTarget; password: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const replaceId = useId();
  const [starting, setStarting] = useState(false);
  const [occupied, setOccupied] = useState<string[] | null>(null);
  const [replace, setReplace] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const job = useJobEvents('backup.progress', (p) => {
    if (!p.done) return;
    job.track(null);
    setOutcome(p.error ? { kind: 'failed', message: p.error } : { kind: 'done' });
  });
  const running = job.jobId !== null;

  async function start() {
    setStarting(true);
    setOutcome(null);
    try {
      const { jobId } = await call('settings.copyToServer', { target: { ...target, ...(password ? { password } : {}) }, confirm: replace });
      job.track(jobId);
    } catch (error) {
      const e = toApiError(error);
      const tables = e.details['tablesWithRows'];
      if (e.code === 'CONFLICT' && Array.isArray(tables)) setOccupied(tables.filter((x): x is string => typeof x === 'string'));
      else setOutcome({ kind: 'failed', message: problemText(t, e) });
    } finally {
      setStarting(false);
    }
  }

  const finished = outcome?.kind === 'done';
  const footer = finished ? (
    <button type="button" className="button button--primary" onClick={onClose}>
      {t('connection.copy.close')}
    </button>
  ) : (
    <>
      <button type="button" className="button button--ghost" onClick={onClose} disabled={running || starting}>
        {t('common.cancel')}
      </button>
      <button type="button" className={occupied ? 'button button--danger' : 'button button--primary'} onClick={() => void start()} disabled={running || starting || (occupied !== null && !replace)}>
        {running ? t('connection.copy.running') : occupied ? t('connection.copy.replace') : t('connection.copy.start')}
      </button>
    </>
  );

  return (
    <Dialog open title={t('connection.copy.title')} onClose={onClose} busy={running || starting} footer={footer} testId="copy-dialog">
      <p>{t('connection.copy.intro', { host: `${target.host}:${target.port}`, database: target.database })}</p>
      <p className="admin-muted">{t('connection.copy.safe')}</p>
      {occupied ? (
        <div className="notice notice--warn">
          <p>{t('connection.copy.occupied', { tables: occupied.join(', ') })}</p>
          <div className="check">
            <input id={replaceId} type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={running} />
            <label htmlFor={replaceId}>{t('connection.copy.replaceConfirm')}</label>
          </div>
        </div>
      ) : null}
      {running ? <JobProgress progress={job.latest} label={t('connection.copy.progress')} /> : null}
      {finished ? (
        <p className="notice" role="status">
          {t('connection.copy.done')}
        </p>
      ) : null}
      {outcome?.kind === 'failed' ? <FormAlert message={outcome.message} /> : null}
    </Dialog>
  );
}
