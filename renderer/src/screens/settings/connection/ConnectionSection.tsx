// Settings → Connection: where the app is connected now, and the choice for the next start
// (the built-in database or the shared server; Redis or none). A change needs a restart.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionDto } from '../../../api/contract';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import { DatabasePanel } from './DatabasePanel';
import { RedisPanel } from './RedisPanel';
import { useConnection } from './useConnection';

export function ConnectionSection() {
  const { t } = useTranslation();
  const { state, reload, replace } = useConnection();
  return (
    <section className="settings-section" aria-labelledby="connection-title">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="connection-title">
            {t('connection.title')}
          </h2>
          <p className="settings-section__intro">{t('connection.intro')}</p>
        </div>
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorState message={errorText(t, state.error)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <>
          <CurrentPanel connection={state.connection} />
          <DatabasePanel connection={state.connection} onSaved={replace} />
          <RedisPanel connection={state.connection} onSaved={replace} />
        </>
      ) : null}
    </section>
  );
}

function CurrentPanel({ connection: c }: { connection: ConnectionDto }) {
  const { t } = useTranslation();
  const titleId = useId();
  const db = c.database;
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="connection-current">
      <h3 className="panel__title" id={titleId}>
        {t('connection.currentTitle')}
      </h3>
      <dl className="admin-details">
        <div className="admin-details__row">
          <dt>{t('connection.databaseTitle')}</dt>
          <dd>
            {db.mode === 'embedded' ? t('connection.currentEmbedded') : t('connection.currentServer')}{' '}
            <code className="admin-code">{`${db.user}@${db.host}:${db.port}/${db.database}`}</code>
            {db.sslMode ? <span className="admin-muted"> · {t('connection.sslShort', { mode: db.sslMode })}</span> : null}
          </dd>
        </div>
        <div className="admin-details__row">
          <dt>{t('connection.redisTitle')}</dt>
          <dd>
            {c.redis ? (
              <>
                <code className="admin-code">{`${c.redis.host}:${c.redis.port}/${c.redis.db}`}</code>
                {c.redis.tls ? <span className="admin-muted"> · TLS</span> : null}{' '}
                <span className={c.redis.up ? 'admin-tag admin-tag--ok' : 'admin-tag admin-tag--warn'}>{c.redis.up ? t('status.cacheUp') : t('status.cacheDown')}</span>
              </>
            ) : (
              t('connection.noRedisInUse')
            )}
          </dd>
        </div>
      </dl>
      {c.restartPending ? (
        <p className="notice notice--warn" data-testid="restart-pending">
          {t('connection.restartPending')}
        </p>
      ) : null}
    </section>
  );
}
