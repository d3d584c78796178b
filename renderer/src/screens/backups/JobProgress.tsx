// A running job: its phase in words, an indeterminate bar (pg_dump does not say how much is
// left), the tables and bytes so far, and optionally a Cancel button. Announced politely.
import { useTranslation } from 'react-i18next';
import type { EventMap } from '../../api/contract';
import { formatBytes } from './format';
import { phaseText } from './phases';

interface JobProgressProps {
  progress: EventMap['backup.progress'] | null;
  label: string;
  onCancel?: () => void;
  cancelling?: boolean;
}

export function JobProgress({ progress, label, onCancel, cancelling = false }: JobProgressProps) {
  const { t, i18n } = useTranslation();
  const phase = progress ? phaseText(t, progress.phase) : t('backups.phase.starting');
  return (
    <div className="job-progress" data-testid="job-progress">
      <progress className="job-progress__bar" aria-label={label} />
      <p className="job-progress__text" role="status">
        <span data-testid="job-phase">{phase}</span>
        {progress && (progress.tables > 0 || progress.bytes > 0) ? (
          <span className="admin-muted"> · {t('backups.progressCounts', { tables: progress.tables, size: formatBytes(progress.bytes, i18n.language) })}</span>
        ) : null}
      </p>
      {onCancel ? (
        <button type="button" className="button button--ghost button--small" onClick={onCancel} disabled={cancelling}>
          {t('backups.cancel')}
        </button>
      ) : null}
    </div>
  );
}
