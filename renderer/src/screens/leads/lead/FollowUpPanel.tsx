// The next-contact date of the lead (leads.setFollowUp with the version); set, change or clear.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { LeadDto } from '../../../api/contract';
import { formatDateTime, fromDateTimeInput, isDue, toDateTimeInput } from '../format';
import type { LeadState } from './useLead';

export function FollowUpPanel({ lead, state, canWork }: { lead: LeadDto; state: LeadState; canWork: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const current = toDateTimeInput(lead.nextContactAt);
  const [value, setValue] = useState(current);
  const [shownFor, setShownFor] = useState(`${lead.id}:${current}`);
  const [error, setError] = useState<string | null>(null);
  if (shownFor !== `${lead.id}:${current}`) {
    setShownFor(`${lead.id}:${current}`);
    setValue(current);
  }
  const due = isDue(lead.nextContactAt);

  function save(next: string | null) {
    setError(null);
    void state.run(
      () => call('leads.setFollowUp', { id: lead.id, version: lead.version, nextContactAt: next }),
      next ? t('leads.followUp.saved', { date: formatDateTime(next, i18n.language) }) : t('leads.followUp.cleared'),
    );
  }

  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="follow-up-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.followUp.heading')}
      </h2>
      <p className={due ? 'leads-due' : undefined} data-testid="follow-up-now">
        {lead.nextContactAt ? formatDateTime(lead.nextContactAt, i18n.language) : <span className="leads-muted">{t('leads.followUp.none')}</span>}
        {due ? <strong className="leads-due-tag">{t('leads.followUp.dueShort')}</strong> : null}
      </p>
      {canWork && !lead.anonymizedAt ? (
        <form
          className="lead-followup-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const iso = fromDateTimeInput(value);
            if (!iso) setError(t('leads.followUp.invalid'));
            else save(iso);
          }}
        >
          <div className={error ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={inputId}>
              {t('leads.followUp.label')}
            </label>
            <input
              id={inputId}
              className="field__input"
              type="datetime-local"
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setError(null);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
            />
            {error ? (
              <p className="field__error" id={`${inputId}-error`}>
                {error}
              </p>
            ) : null}
          </div>
          <div className="lead-buttons">
            <button type="submit" className="button button--ghost-dark button--small" disabled={state.busy || value === current}>
              {t('leads.followUp.save')}
            </button>
            {lead.nextContactAt ? (
              <button type="button" className="button button--ghost button--small" disabled={state.busy} onClick={() => save(null)}>
                {t('leads.followUp.clear')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
