// Settings → Health: connections, sizes, cache, slow queries and the last VACUUM/ANALYZE of
// each table, with VACUUM ANALYZE of one table or all of them (the seed's monthly task).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { HealthDto } from '../../../api/contract';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import { formatDateTime } from '../shared/format';
import { HealthFigures } from './HealthFigures';
import { MaintenanceTable } from './MaintenanceTable';
import { SlowQueries } from './SlowQueries';

type State = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; health: HealthDto };

export function HealthSection() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const request = useRef(0);

  const reload = useCallback(async () => {
    const id = ++request.current;
    setRefreshing(true);
    try {
      const health = await call('health.get', {});
      if (id === request.current) setState({ status: 'ready', health });
    } catch (error) {
      if (id === request.current) setState({ status: 'error', error: toApiError(error) });
    } finally {
      if (id === request.current) setRefreshing(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="settings-section" aria-labelledby="health-title">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="health-title">
            {t('health.title')}
          </h2>
          <p className="settings-section__intro">
            {t('health.intro')}
            {state.status === 'ready' ? <span className="admin-muted"> {t('health.checkedAt', { time: formatDateTime(state.health.checkedAt, i18n.language) })}</span> : null}
          </p>
        </div>
        <button type="button" className="button button--ghost" onClick={() => void reload()} disabled={refreshing}>
          {refreshing ? t('health.refreshing') : t('health.refresh')}
        </button>
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorState message={errorText(t, state.error)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <>
          <HealthFigures health={state.health} />
          <SlowQueries slow={state.health.slowQueries} />
          <MaintenanceTable rows={state.health.maintenance} onFinished={() => void reload()} />
        </>
      ) : null}
    </section>
  );
}
