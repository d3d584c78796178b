// Audit entries, newest first. Each row opens its entry; users are named where the list knows them.
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../../api/contract';
import { formatDateTime } from '../shared/format';
import { actionLabel, entityTypeLabel } from './audit-labels';

interface AuditTableProps {
  items: readonly AuditEntryDto[];
  /** User id → display name, to name the users an entry is about. */
  userNames: ReadonlyMap<string, string>;
  onOpen: (entry: AuditEntryDto) => void;
}

export function AuditTable({ items, userNames, onOpen }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.user')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('audit.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => {
            const time = formatDateTime(entry.createdAt, i18n.language);
            const label = actionLabel(t, entry.action);
            const about = entry.entityType === 'User' && entry.entityId ? userNames.get(entry.entityId) : undefined;
            return (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td className="admin-table__nowrap">{time}</td>
                <td>{entry.userEmail ?? (entry.userId ? t('audit.unknownUser') : t('audit.system'))}</td>
                <td>
                  {label}
                  {label !== entry.action ? <code className="admin-code">{entry.action}</code> : null}
                </td>
                <td>
                  {entityTypeLabel(t, entry.entityType)}
                  {about ? `: ${about}` : null}
                </td>
                <td className="admin-table__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t('audit.openEntry', { action: label, time })}
                    onClick={() => onOpen(entry)}
                  >
                    {t('audit.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
