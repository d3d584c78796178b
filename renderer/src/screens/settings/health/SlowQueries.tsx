// The slowest statements by mean time from pg_stat_statements, or why they are not
// available and how to enable the extension.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthDto } from '../../../api/contract';

export function SlowQueries({ slow }: { slow: HealthDto['slowQueries'] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const n = (v: number, digits = 0) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="health-slow">
      <h3 className="panel__title" id={titleId}>
        {t('health.slowTitle')}
      </h3>
      {!slow.available ? (
        <div className="notice">
          <p>{t('health.slowUnavailable', { reason: slow.reason })}</p>
          <p>
            <strong>{t('health.slowHowTo')}</strong> {slow.howToEnable}
          </p>
        </div>
      ) : slow.queries.length === 0 ? (
        <p className="admin-muted">{t('health.slowNone')}</p>
      ) : (
        <table className="admin-table admin-table--compact">
          <caption className="visually-hidden">{t('health.slowTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health.query')}</th>
              <th scope="col" className="data-table__num">{t('health.mean')}</th>
              <th scope="col" className="data-table__num">{t('health.calls')}</th>
              <th scope="col" className="data-table__num">{t('health.totalTime')}</th>
            </tr>
          </thead>
          <tbody>
            {slow.queries.map((q, i) => (
              <tr key={i}>
                <td>
                  <code className="config-value">{q.query}</code>
                </td>
                <td className="data-table__num">{n(q.meanMs, 2)} ms</td>
                <td className="data-table__num">{n(q.calls)}</td>
                <td className="data-table__num">{n(q.totalMs)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
