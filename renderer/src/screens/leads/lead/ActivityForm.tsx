// Log a contact by hand: a call, an email, a meeting, a test drive or a note, with when it
// happened (now unless told otherwise).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { LeadDto } from '../../../api/contract';
import { fromDateTimeInput } from '../format';
import { MANUAL_TYPES } from './activity-text';
import { TextArea } from './TextArea';
import type { LeadState } from './useLead';

type ManualType = (typeof MANUAL_TYPES)[number];
const DESCRIPTION_MAX = 2000;

export function ActivityForm({ lead, state }: { lead: LeadDto; state: LeadState }) {
  const { t } = useTranslation();
  const typeId = useId();
  const whenId = useId();
  const [type, setType] = useState<ManualType>('CALL');
  const [when, setWhen] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [whenError, setWhenError] = useState<string | null>(null);

  async function submit() {
    const text = description.trim();
    const occurredAt = when ? fromDateTimeInput(when) : null;
    setError(text ? null : t('leads.activity.required'));
    setWhenError(when && !occurredAt ? t('leads.followUp.invalid') : null);
    if (!text || (when && !occurredAt)) return;
    const failed = await state.run(
      () => call('leads.addActivity', { leadId: lead.id, type, description: text, ...(occurredAt ? { occurredAt } : {}) }),
      t('leads.activity.added', { type: t(`leads.activity.types.${type}`) }),
    );
    if (!failed) {
      setDescription('');
      setWhen('');
    }
  }

  return (
    <form
      className="lead-activity-form"
      noValidate
      aria-label={t('leads.activity.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="activity-form"
    >
      <div className="lead-activity-form__row">
        <div className="field">
          <label className="field__label" htmlFor={typeId}>
            {t('leads.activity.type')}
          </label>
          <select id={typeId} className="field__input" value={type} onChange={(event) => setType(event.target.value as ManualType)}>
            {MANUAL_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`leads.activity.types.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={whenError ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={whenId}>
            {t('leads.activity.when')}
          </label>
          <input
            id={whenId}
            className="field__input"
            type="datetime-local"
            value={when}
            onChange={(event) => {
              setWhen(event.target.value);
              setWhenError(null);
            }}
            aria-invalid={whenError ? true : undefined}
            aria-describedby={whenError ? `${whenId}-error` : `${whenId}-hint`}
          />
          {whenError ? (
            <p className="field__error" id={`${whenId}-error`}>
              {whenError}
            </p>
          ) : (
            <p className="field__hint" id={`${whenId}-hint`}>
              {t('leads.activity.whenHint')}
            </p>
          )}
        </div>
      </div>
      <TextArea
        label={t('leads.activity.description')}
        value={description}
        maxLength={DESCRIPTION_MAX}
        rows={2}
        error={error}
        onValueChange={(value) => {
          setDescription(value);
          setError(null);
        }}
      />
      <div className="lead-buttons">
        <button type="submit" className="button button--primary button--small" disabled={state.busy}>
          {t('leads.activity.add')}
        </button>
      </div>
    </form>
  );
}
