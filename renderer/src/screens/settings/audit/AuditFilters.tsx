// The audit filters: user, action, entity and a date range. Applied with the button, so
// typing a date does not fire a query per keystroke.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../api/contract';
import { TextField } from '../../../components/TextField';
import { SelectField, type SelectOption } from '../shared/SelectField';
import { EMPTY_FILTERS, rangeIsReversed, type AuditFilterForm } from './audit-filters';
import { actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './audit-labels';

interface AuditFiltersProps {
  users: readonly UserDto[];
  applied: AuditFilterForm;
  onApply: (filters: AuditFilterForm) => void;
}

export function AuditFilters({ users, applied, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AuditFilterForm>(applied);
  const reversed = rangeIsReversed(form);
  const set = (field: keyof AuditFilterForm) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const userOptions: SelectOption[] = [
    { value: '', label: t('audit.allUsers') },
    ...users.map((user) => ({ value: user.id, label: user.name ? `${user.name} (${user.email})` : user.email })),
  ];
  const actionOptions: SelectOption[] = [
    { value: '', label: t('audit.allActions') },
    ...Object.keys(KNOWN_ACTIONS).map((action) => ({ value: action, label: `${actionLabel(t, action)} · ${action}` })),
  ];
  const entityOptions: SelectOption[] = [
    { value: '', label: t('audit.allEntities') },
    ...KNOWN_ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(t, type) })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reversed) onApply(form);
  }

  return (
    <form className="audit-filters" aria-label={t('audit.filters')} onSubmit={submit} noValidate data-testid="audit-filters">
      <SelectField label={t('audit.user')} value={form.userId} options={userOptions} onValueChange={set('userId')} />
      <SelectField label={t('audit.action')} value={form.action} options={actionOptions} onValueChange={set('action')} />
      <SelectField label={t('audit.entityType')} value={form.entityType} options={entityOptions} onValueChange={set('entityType')} />
      <TextField label={t('audit.from')} type="date" value={form.from} onValueChange={set('from')} max={form.to || undefined} />
      <TextField
        label={t('audit.to')}
        type="date"
        value={form.to}
        onValueChange={set('to')}
        min={form.from || undefined}
        error={reversed ? t('audit.toBeforeFrom') : undefined}
      />
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary" disabled={reversed}>
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setForm(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
