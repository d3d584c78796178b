// Who works the lead: a select of the active sales users (or nobody), saved with the version.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { LeadDto } from '../../../api/contract';
import { assigneeName, useAssignees } from '../useAssignees';
import type { LeadState } from './useLead';

const NOBODY = '';

export function AssigneePanel({ lead, state, canWork }: { lead: LeadDto; state: LeadState; canWork: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const selectId = useId();
  const assignees = useAssignees();
  const current = lead.assignedToId ?? NOBODY;
  const [choice, setChoice] = useState(current);
  const [shownFor, setShownFor] = useState(`${lead.id}:${current}`);
  // The lead changed (saved, reloaded, or another lead): the select follows it.
  if (shownFor !== `${lead.id}:${current}`) {
    setShownFor(`${lead.id}:${current}`);
    setChoice(current);
  }
  // A deactivated assignee is no longer offered, but the select still shows who it is.
  const missing = lead.assignedToId && !assignees.some((a) => a.id === lead.assignedToId);

  function save() {
    const userId = choice === NOBODY ? null : choice;
    const name = assignees.find((a) => a.id === userId);
    void state.run(
      () => call('leads.assign', { id: lead.id, version: lead.version, userId }),
      name ? t('leads.assign.done', { name: assigneeName(name) }) : t('leads.assign.cleared'),
    );
  }

  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="assignee-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.assign.heading')}
      </h2>
      {canWork && !lead.anonymizedAt ? (
        <div className="lead-inline-form">
          <label htmlFor={selectId} className="visually-hidden">
            {t('leads.assign.label')}
          </label>
          <select id={selectId} className="field__input" value={choice} onChange={(event) => setChoice(event.target.value)} disabled={state.busy}>
            <option value={NOBODY}>{t('leads.filters.unassigned')}</option>
            {missing ? <option value={lead.assignedToId ?? ''}>{lead.assignedToName ?? lead.assignedToId}</option> : null}
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {assigneeName(a)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--ghost-dark button--small" onClick={save} disabled={state.busy || choice === current}>
            {t('leads.assign.save')}
          </button>
        </div>
      ) : (
        <p>{lead.assignedToName ?? <span className="leads-muted">{t('leads.table.unassigned')}</span>}</p>
      )}
    </section>
  );
}
