// The subscribers as a table, with an Unsubscribe button for those whose role allows.
import { useTranslation } from 'react-i18next';
import type { SubscriberDto } from '../../../api/contract';
import { DASH, formatDate } from '../format';

interface SubscriberTableProps {
  rows: readonly SubscriberDto[];
  canWork: boolean;
  busy: boolean;
  onUnsubscribe: (subscriber: SubscriberDto) => void;
}

export function SubscriberTable({ rows, canWork, busy, onUnsubscribe }: SubscriberTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="leads-table-wrap">
      <table className="leads-table" data-testid="subscriber-table">
        <caption className="visually-hidden">{t('leads.newsletter.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('leads.newsletter.email')}</th>
            <th scope="col">{t('leads.newsletter.name')}</th>
            <th scope="col">{t('leads.newsletter.statusLabel')}</th>
            <th scope="col">{t('leads.newsletter.locale')}</th>
            <th scope="col">{t('leads.newsletter.source')}</th>
            <th scope="col">{t('leads.newsletter.subscribed')}</th>
            <th scope="col">{t('leads.newsletter.unsubscribedAt')}</th>
            {canWork ? (
              <th scope="col">
                <span className="visually-hidden">{t('leads.newsletter.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-testid="subscriber-row">
              <th scope="row" className="leads-table__name">
                {s.email}
              </th>
              <td>{s.name ?? DASH}</td>
              <td>
                <span className={`leads-sub-status leads-sub-status--${s.status.toLowerCase()}`}>{t(`leads.newsletter.status.${s.status}`)}</span>
              </td>
              <td>{s.locale}</td>
              <td>{s.source ?? DASH}</td>
              <td className="leads-table__nowrap">{formatDate(s.subscribedAt ?? s.createdAt, lang)}</td>
              <td className="leads-table__nowrap">{formatDate(s.unsubscribedAt, lang)}</td>
              {canWork ? (
                <td className="leads-table__actions">
                  {s.status !== 'UNSUBSCRIBED' ? (
                    <button type="button" className="button button--ghost button--small" disabled={busy} onClick={() => onUnsubscribe(s)} aria-label={t('leads.newsletter.unsubscribeFor', { email: s.email })}>
                      {t('leads.newsletter.unsubscribe')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
