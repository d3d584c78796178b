// Connections, the database's size with its biggest tables, and the cache.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthDto } from '../../../api/contract';
import { formatBytes } from '../../backups/format';

export function HealthFigures({ health: h }: { health: HealthDto }) {
  const { t, i18n } = useTranslation();
  const connId = useId();
  const sizeId = useId();
  const cacheId = useId();
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const c = h.cache;
  return (
    <div className="health-grid">
      <section className="panel" aria-labelledby={connId} data-testid="health-connections">
        <h3 className="panel__title" id={connId}>
          {t('health.connections')}
        </h3>
        <p className="health-figure">{t('health.connectionsUsed', { used: h.connections.server, max: h.connections.max })}</p>
        <p className="admin-muted">{t('health.connectionsHere', { sessions: h.connections.thisDatabase, name: h.database.name })}</p>
        <ul className="health-list">
          {h.connections.byState.map((s) => (
            <li key={s.state}>
              {s.state}: <strong>{s.count}</strong>
            </li>
          ))}
        </ul>
        <p className="admin-muted">{t('health.pool', { total: h.connections.pool.total, idle: h.connections.pool.idle, waiting: h.connections.pool.waiting, max: h.connections.pool.max })}</p>
      </section>

      <section className="panel" aria-labelledby={cacheId} data-testid="health-cache">
        <h3 className="panel__title" id={cacheId}>
          {t('health.cache')}
        </h3>
        {!c.configured ? (
          <p>{t('health.cacheOff')}</p>
        ) : (
          <>
            <p className="health-figure">{c.hitRate === null ? t('health.hitRateNone') : t('health.hitRate', { rate: Math.round(c.hitRate * 100) })}</p>
            <p className="admin-muted">{t('health.hitsMisses', { hits: n(c.hits), misses: n(c.misses) })}</p>
            {c.redis?.error ? <p className="backup-table__error">{c.redis.error}</p> : null}
            {c.redis && !c.redis.error ? (
              <p>
                {t('health.redisMemory', { used: c.redis.usedMemory ?? '?', max: c.redis.maxMemory && c.redis.maxMemory !== '0B' ? c.redis.maxMemory : t('health.noLimit') })}
                <br />
                <span className="admin-muted">{t('health.redisVersion', { version: c.redis.version ?? '?', evicted: n(c.redis.evictedKeys ?? 0) })}</span>
              </p>
            ) : null}
          </>
        )}
      </section>

      <section className="panel health-grid__wide" aria-labelledby={sizeId} data-testid="health-sizes">
        <h3 className="panel__title" id={sizeId}>
          {t('health.size', { size: formatBytes(h.database.sizeBytes, i18n.language), version: h.database.serverVersion })}
        </h3>
        <table className="admin-table admin-table--compact">
          <caption className="visually-hidden">{t('health.biggestCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health.table')}</th>
              <th scope="col" className="data-table__num">{t('health.total')}</th>
              <th scope="col" className="data-table__num">{t('health.data')}</th>
              <th scope="col" className="data-table__num">{t('health.indexes')}</th>
              <th scope="col" className="data-table__num">{t('health.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {h.biggestTables.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td className="data-table__num">{formatBytes(row.totalBytes, i18n.language)}</td>
                <td className="data-table__num">{formatBytes(row.tableBytes, i18n.language)}</td>
                <td className="data-table__num">{formatBytes(row.indexBytes, i18n.language)}</td>
                <td className="data-table__num">{n(row.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
