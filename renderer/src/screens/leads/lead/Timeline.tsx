// The lead's activity timeline, newest first: contacts logged by hand, and the status
// changes, assignments and merges the app records by itself (marked as such).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDto } from '../../../api/contract';
import { formatDateTime } from '../format';
import { assigneeName, useAssignees } from '../useAssignees';
import { ActivityForm } from './ActivityForm';
import { activityText, isSystemEntry } from './activity-text';
import type { LeadState } from './useLead';

export function Timeline({ lead, state, canWork }: { lead: LeadDto; state: LeadState; canWork: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const assignees = useAssignees();
  const nameOf = (userId: string) => {
    const found = assignees.find((a) => a.id === userId);
    if (found) return assigneeName(found);
    return userId === lead.assignedToId ? lead.assignedToName : null;
  };
  const entries = [...lead.activities].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="timeline">
      <h2 className="panel__title" id={headingId}>
        {t('leads.timeline.heading')}
      </h2>
      {canWork && !lead.anonymizedAt ? <ActivityForm lead={lead} state={state} /> : null}
      {entries.length ? (
        <ol className="lead-timeline">
          {entries.map((entry) => {
            const system = isSystemEntry(entry);
            return (
              <li key={entry.id} className={system ? 'lead-timeline__item lead-timeline__item--system' : 'lead-timeline__item'} data-testid="timeline-entry" data-type={entry.type}>
                <p className="lead-timeline__head">
                  <span className="lead-timeline__type">{t(`leads.activity.types.${entry.type}`)}</span>
                  <span className="leads-muted">
                    {formatDateTime(entry.createdAt, i18n.language)} · {entry.userName ?? t('leads.timeline.byApp')}
                  </span>
                </p>
                <p className="lead-timeline__text">{activityText(t, entry, nameOf)}</p>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="leads-muted">{t('leads.timeline.none')}</p>
      )}
    </section>
  );
}
