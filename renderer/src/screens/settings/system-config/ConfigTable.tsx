// The system_config keys: value (JSON), what it is for, when and by whom it was changed,
// whether the app validates it, and a warning when a stored value does not fit.
import { useTranslation } from 'react-i18next';
import type { SystemConfigEntryDto } from '../../../api/contract';
import { formatDateTime } from '../shared/format';

const PREVIEW_CHARS = 240;

export function ConfigTable({ entries, onEdit }: { entries: SystemConfigEntryDto[]; onEdit: (e: SystemConfigEntryDto) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="config-table">
        <caption className="visually-hidden">{t('systemConfig.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('systemConfig.key')}</th>
            <th scope="col">{t('systemConfig.value')}</th>
            <th scope="col">{t('systemConfig.changed')}</th>
            <th scope="col" className="admin-table__actions">
              <span className="visually-hidden">{t('systemConfig.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const json = JSON.stringify(e.value);
            return (
              <tr key={e.key} data-testid={`config-row-${e.key}`}>
                <th scope="row">
                  <code className="config-key">{e.key}</code>
                  {e.known ? <span className="admin-tag admin-tag--neutral">{t('systemConfig.known')}</span> : null}
                  {!e.stored ? <span className="admin-tag admin-tag--off">{t('systemConfig.default')}</span> : null}
                  {e.description ? <div className="admin-muted config-description">{e.description}</div> : null}
                </th>
                <td>
                  <code className="config-value">{json.length > PREVIEW_CHARS ? `${json.slice(0, PREVIEW_CHARS)}…` : json}</code>
                  {e.problem ? <div className="backup-table__error">{e.problem}</div> : null}
                </td>
                <td className="admin-table__nowrap">
                  {e.updatedAt ? formatDateTime(e.updatedAt, i18n.language, { seconds: false }) : '–'}
                  {e.updatedBy ? <div className="admin-muted">{e.updatedBy}</div> : null}
                </td>
                <td className="admin-table__actions">
                  <button type="button" className="button button--ghost button--small" onClick={() => onEdit(e)} aria-label={t('systemConfig.editLabel', { key: e.key })}>
                    {t('systemConfig.edit')}
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
