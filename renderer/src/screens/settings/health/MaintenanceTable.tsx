// Last VACUUM / ANALYZE (manual and automatic) of every table, with VACUUM ANALYZE of one
// table or of all of them, one after another, and the run's progress.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { HealthDto } from '../../../api/contract';
import { FormAlert } from '../../../components/FormAlert';
import { toast } from '../../../stores/toasts';
import { problemText } from '../../backups/problem';
import { useJobEvents } from '../../backups/useJobEvents';
import { formatDateTime } from '../shared/format';

export function MaintenanceTable({ rows, onFinished }: { rows: HealthDto['maintenance']; onFinished: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJobEvents('maintenance.progress', (p) => {
    if (!p.finished) return;
    job.track(null);
    onFinished();
    if (p.error) setProblem(p.error);
    else toast.success(t('health.vacuumDone', { count: p.total }));
  });
  const running = job.jobId !== null || starting;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, { seconds: false }) : '–');

  async function vacuum(table: string | null) {
    setStarting(true);
    setProblem(null);
    try {
      const { jobId } = await call('health.vacuum', { table });
      job.track(jobId);
    } catch (error) {
      setProblem(problemText(t, toApiError(error)));
    } finally {
      setStarting(false);
    }
  }

  const p = job.latest;
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="health-maintenance">
      <div className="health-maintenance__header">
        <h3 className="panel__title" id={titleId}>
          {t('health.maintenanceTitle')}
        </h3>
        <button type="button" className="button button--primary" onClick={() => void vacuum(null)} disabled={running}>
          {t('health.vacuumAll')}
        </button>
      </div>
      <p className="admin-muted">{t('health.maintenanceIntro')}</p>
      {job.jobId ? (
        <div className="job-progress" data-testid="vacuum-progress">
          <progress className="job-progress__bar" max={p?.total || 1} value={p?.done ?? 0} aria-label={t('health.vacuumProgress')} />
          <p className="job-progress__text" role="status">
            {p?.table ? t('health.vacuumRunning', { table: p.table, done: p.done, total: p.total }) : t('health.vacuumStarting')}
          </p>
        </div>
      ) : null}
      <FormAlert message={problem} />
      <div className="admin-table-wrap">
        <table className="admin-table admin-table--compact" data-testid="maintenance-table">
          <caption className="visually-hidden">{t('health.maintenanceTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health.table')}</th>
              <th scope="col">{t('health.lastVacuum')}</th>
              <th scope="col">{t('health.lastAutovacuum')}</th>
              <th scope="col">{t('health.lastAnalyze')}</th>
              <th scope="col">{t('health.lastAutoanalyze')}</th>
              <th scope="col" className="data-table__num">{t('health.deadRows')}</th>
              <th scope="col" className="admin-table__actions">
                <span className="visually-hidden">{t('health.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.table} data-testid={`maintenance-row-${r.table}`}>
                <th scope="row" className="admin-table__nowrap">
                  {r.table}
                </th>
                <td className="admin-table__nowrap" data-testid="last-vacuum">{when(r.lastVacuum)}</td>
                <td className="admin-table__nowrap">{when(r.lastAutovacuum)}</td>
                <td className="admin-table__nowrap">{when(r.lastAnalyze)}</td>
                <td className="admin-table__nowrap">{when(r.lastAutoanalyze)}</td>
                <td className="data-table__num">{new Intl.NumberFormat(i18n.language).format(r.deadRows)}</td>
                <td className="admin-table__actions">
                  <button type="button" className="button button--ghost button--small" onClick={() => void vacuum(r.table)} disabled={running} aria-label={t('health.vacuumOne', { table: r.table })}>
                    {t('health.vacuum')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
