// The bottom bar: which database and how fast, Redis and its hit rate, who is signed in.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { cacheState, databaseLabel, formatHitRate, formatMs } from '../lib/status-format';
import { useCurrentUser } from '../stores/session';
import { useStatus } from '../stores/status';
import { ACCOUNT_PATH } from './screens';

export function StatusBar({ onSignOut }: { onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const status = useStatus((state) => state.status);
  const stale = useStatus((state) => state.stale);
  const user = useCurrentUser();
  const locale = i18n.language;

  let databaseText: string;
  let databaseTone: 'ok' | 'bad' | 'unknown';
  let databaseTitle: string | undefined;
  if (!status) {
    databaseText = stale ? t('status.stale') : t('status.unknown');
    databaseTone = 'unknown';
  } else {
    const label = databaseLabel(status.database);
    const where = label.kind === 'embedded' ? t('status.embedded') : label.host;
    databaseText = status.database.up ? `${where} · ${formatMs(status.database.roundTripMs, locale)}` : `${where} · ${t('status.offline')}`;
    databaseTone = status.database.up && !stale ? 'ok' : 'bad';
    databaseTitle = [`${status.database.host}/${status.database.name}`, status.database.serverVersion ? `PostgreSQL ${status.database.serverVersion}` : null]
      .filter(Boolean)
      .join(' · ');
  }

  let cacheText = t('status.unknown');
  let cacheTone: 'ok' | 'bad' | 'unknown' = 'unknown';
  if (status) {
    const state = cacheState(status.cache);
    const rate = t('status.hitRate', { rate: formatHitRate(status.cache.hitRate, locale) });
    if (state === 'off') cacheText = t('status.cacheOff');
    else cacheText = `${state === 'up' ? t('status.cacheUp') : t('status.cacheDown')} · ${rate}`;
    cacheTone = state === 'up' ? 'ok' : state === 'down' ? 'bad' : 'unknown';
  }

  return (
    <footer className="status-bar" data-testid="status-bar" aria-label={t('status.label')}>
      <span className="status-item" data-testid="status-database" title={databaseTitle}>
        <span className={`dot dot--${databaseTone}`} aria-hidden="true" />
        <span className="status-item__label">{t('status.database')}:</span> {databaseText}
      </span>
      <span className="status-item" data-testid="status-cache">
        <span className={`dot dot--${cacheTone}`} aria-hidden="true" />
        <span className="status-item__label">{t('status.cache')}:</span> {cacheText}
      </span>
      <span className="status-bar__spacer" />
      {user ? (
        <span className="status-item" data-testid="status-user">
          <span className="status-item__label">{t('status.signedInAs')}:</span>{' '}
          <Link to={ACCOUNT_PATH} className="status-bar__user">
            {user.name ?? user.email}
          </Link>{' '}
          <span className="role-badge" data-testid="status-role">
            {t(`roles.${user.role}`)}
          </span>
        </span>
      ) : null}
      <button type="button" className="button button--small button--ghost-dark" onClick={onSignOut}>
        {t('session.signOut')}
      </button>
    </footer>
  );
}
