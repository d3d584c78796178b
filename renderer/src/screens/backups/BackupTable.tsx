// The backups: when, what, how big and long, which server and schema, the checksum, who
// started it and whether it was verified, with Verify, Restore and Delete per row.
import { useTranslation } from 'react-i18next';
import type { BackupDto } from '../../api/contract';
import { formatDateTime } from '../settings/shared/format';
import { copyText } from './copy-text';
import { formatBytes, formatDuration, shortSha } from './format';
import { toast } from '../../stores/toasts';

export type BackupAction = { kind: 'restore' | 'delete'; backup: BackupDto };

interface BackupTableProps {
  backups: BackupDto[];
  names: Record<string, string>;
  verifying: string | null;
  onVerify: (backup: BackupDto) => void;
  onAction: (action: BackupAction) => void;
}

export function BackupTable({ backups, names, verifying, onVerify, onAction }: BackupTableProps) {
  const { t, i18n } = useTranslation();
  const who = (b: BackupDto) => (b.startedBy === 'schedule' ? t('backups.bySchedule') : (names[b.startedBy] ?? t('backups.unknownUser')));

  return (
    <div className="admin-table-wrap">
      <table className="admin-table backup-table" data-testid="backup-table">
        <caption className="visually-hidden">{t('backups.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backups.col.date')}</th>
            <th scope="col">{t('backups.col.kind')}</th>
            <th scope="col">{t('backups.col.size')}</th>
            <th scope="col">{t('backups.col.versions')}</th>
            <th scope="col">{t('backups.col.sha')}</th>
            <th scope="col">{t('backups.col.startedBy')}</th>
            <th scope="col">{t('backups.col.verified')}</th>
            <th scope="col" className="admin-table__actions">
              <span className="visually-hidden">{t('backups.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.id} data-testid={`backup-row-${b.id}`}>
              <th scope="row" className="admin-table__nowrap">
                {formatDateTime(b.startedAt, i18n.language, { seconds: false })}
                <div className="admin-muted backup-table__file">{b.fileName}</div>
              </th>
              <td>
                {t(`backups.kind.${b.kind}`)}
                {b.status !== 'DONE' ? <span className={`admin-tag ${b.status === 'RUNNING' ? 'admin-tag--neutral' : 'admin-tag--warn'}`}>{t(`backups.status.${b.status}`)}</span> : null}
                {b.status !== 'DONE' && b.error ? <div className="backup-table__error">{b.error}</div> : null}
              </td>
              <td className="admin-table__nowrap">
                {formatBytes(b.sizeBytes, i18n.language)}
                <div className="admin-muted">{t('backups.took', { duration: formatDuration(b.durationMs, i18n.language) })}</div>
              </td>
              <td className="admin-table__nowrap">
                {/* "15.20 (Debian …)" and "20261125170000_lead_…": the leading part tells them apart; the rest is in the tooltip. */}
                <div title={b.serverVersion ?? undefined}>{t('backups.serverVersion', { version: b.serverVersion?.split(' ')[0] ?? '–' })}</div>
                <div className="admin-muted" title={b.schemaVersion ?? undefined}>
                  {t('backups.schemaVersion', { version: b.schemaVersion?.slice(0, 14) ?? '–' })}
                </div>
              </td>
              <td className="admin-table__nowrap">
                {b.sha256 ? (
                  <>
                    <code className="backup-table__sha" title={b.sha256}>
                      {shortSha(b.sha256)}
                    </code>
                    <br />
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('backups.copySha', { file: b.fileName })}
                      onClick={() => void copyText(b.sha256!).then((ok) => (ok ? toast.success(t('backups.shaCopied')) : toast.error(t('backups.copyFailed'))))}
                    >
                      {t('backups.copy')}
                    </button>
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td>{who(b)}</td>
              <td className="admin-table__nowrap">
                <Verified backup={b} />
              </td>
              <td className="admin-table__actions backup-table__actions">
                <div className="admin-table__buttons">
                  {b.status === 'DONE' ? (
                    <>
                      <button type="button" className="button button--ghost button--small" onClick={() => onVerify(b)} disabled={verifying !== null} aria-label={t('backups.verifyLabel', { file: b.fileName })}>
                        {verifying === b.id ? t('backups.verifying') : t('backups.verify')}
                      </button>
                      <button type="button" className="button button--ghost button--small" onClick={() => onAction({ kind: 'restore', backup: b })} aria-label={t('backups.restoreLabel', { file: b.fileName })}>
                        {t('backups.restore')}
                      </button>
                    </>
                  ) : null}
                  {b.status !== 'RUNNING' ? (
                    <button type="button" className="button button--danger-ghost button--small" onClick={() => onAction({ kind: 'delete', backup: b })} aria-label={t('backups.deleteLabel', { file: b.fileName })}>
                      {t('backups.delete')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Verified({ backup }: { backup: BackupDto }) {
  const { t, i18n } = useTranslation();
  if (backup.verifyOk === null) return <span className="admin-muted">{backup.status === 'DONE' ? t('backups.notVerified') : '–'}</span>;
  const when = backup.verifiedAt ? formatDateTime(backup.verifiedAt, i18n.language, { seconds: false }) : '';
  if (backup.verifyOk) {
    return (
      <span className="admin-tag admin-tag--ok" title={when}>
        <span aria-hidden="true">✓ </span>
        {t('backups.verifiedOk')}
      </span>
    );
  }
  return (
    <span>
      <span className="admin-tag admin-tag--warn">
        <span aria-hidden="true">✗ </span>
        {t('backups.verifiedBad')}
      </span>
      {backup.error ? <span className="backup-table__error">{backup.error}</span> : null}
    </span>
  );
}
