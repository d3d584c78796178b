// One audit entry in a side panel, read fresh with audit.get: who, what, when, the
// changed fields before → after, and the entry's other details.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError, type ApiError } from '../../../api/client';
import type { AuditEntryDto } from '../../../api/contract';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/error-text';
import { Dialog } from '../shared/Dialog';
import { formatDateTime } from '../shared/format';
import { actionLabel, entityTypeLabel } from './audit-labels';
import { formatAuditValue } from './audit-values';

interface AuditEntryPanelProps {
  /** The row as the list had it: shown at once, then replaced by the fresh copy. */
  entry: AuditEntryDto;
  onClose: () => void;
}

export function AuditEntryPanel({ entry: listed, onClose }: AuditEntryPanelProps) {
  const { t, i18n } = useTranslation();
  const [entry, setEntry] = useState<AuditEntryDto>(listed);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    call('audit.get', { id: listed.id }).then(
      (fresh) => live && setEntry(fresh),
      (failure: unknown) => live && setError(toApiError(failure)),
    );
    return () => {
      live = false;
    };
  }, [listed.id]);

  const empty = t('audit.emptyValue');
  const changes = Object.entries(entry.changes ?? {});
  const metadata = Object.entries(entry.metadata ?? {});

  return (
    <Dialog title={t('audit.entryTitle')} description={actionLabel(t, entry.action)} variant="side" onClose={onClose} testId="audit-entry">
      {error ? <ErrorState message={errorText(t, error)} /> : null}
      <dl className="admin-details">
        <Detail term={t('audit.time')}>{formatDateTime(entry.createdAt, i18n.language)}</Detail>
        <Detail term={t('audit.user')}>{entry.userEmail ?? (entry.userId ? t('audit.unknownUser') : t('audit.system'))}</Detail>
        <Detail term={t('audit.action')}>
          {actionLabel(t, entry.action)} <code className="admin-code">{entry.action}</code>
        </Detail>
        <Detail term={t('audit.entity')}>{entityTypeLabel(t, entry.entityType)}</Detail>
        <Detail term={t('audit.entityId')} mono>
          {entry.entityId ?? empty}
        </Detail>
      </dl>

      <h3 className="admin-dialog__subtitle">{t('audit.changes')}</h3>
      {changes.length === 0 ? (
        <p className="admin-muted">{t('audit.noChanges')}</p>
      ) : (
        <table className="admin-table admin-table--compact" data-testid="audit-changes">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">
                <span aria-hidden="true">→ </span>
                {t('audit.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map(([field, change]) => (
              <tr key={field}>
                <th scope="row" className="admin-details__mono">
                  {field}
                </th>
                <td className="audit-before">{formatAuditValue(change.before, empty)}</td>
                <td className="audit-after">{formatAuditValue(change.after, empty)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="admin-dialog__subtitle">{t('audit.metadata')}</h3>
      {metadata.length === 0 ? (
        <p className="admin-muted">{t('audit.noMetadata')}</p>
      ) : (
        <dl className="admin-details" data-testid="audit-metadata">
          {metadata.map(([name, value]) => (
            <Detail key={name} term={name} monoTerm>
              {formatAuditValue(value, empty)}
            </Detail>
          ))}
        </dl>
      )}
    </Dialog>
  );
}

function Detail({ term, children, mono = false, monoTerm = false }: { term: string; children: ReactNode; mono?: boolean; monoTerm?: boolean }) {
  return (
    <div className="admin-details__row">
      <dt className={monoTerm ? 'admin-details__mono' : undefined}>{term}</dt>
      <dd className={mono ? 'admin-details__mono' : undefined}>{children}</dd>
    </div>
  );
}
