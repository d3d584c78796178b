// Filters of the inbox: status, assignee, car, source, priority, score range, date received,
// and follow-ups due.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_PRIORITIES, LEAD_SOURCES, LEAD_STATUSES } from '../../../api/contract';
import { assigneeName, useAssignees } from '../useAssignees';
import { CarPicker } from './CarPicker';
import { activeFilterCount, type InboxFilters } from './inbox-store';

interface FiltersPanelProps {
  id: string;
  filters: InboxFilters;
  onSet: <K extends keyof InboxFilters>(key: K, value: InboxFilters[K]) => void;
  onToggle: (key: 'status' | 'source' | 'priority', value: string) => void;
  onClear: () => void;
}

export function FiltersPanel({ id, filters, onSet, onToggle, onClear }: FiltersPanelProps) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  const assigneeId = useId();
  const minId = useId();
  const maxId = useId();
  const fromId = useId();
  const toId = useId();
  const dueId = useId();
  const score = (text: string) => {
    const n = Number(text);
    return text === '' || !Number.isFinite(n) ? null : Math.max(0, Math.min(100, Math.round(n)));
  };

  return (
    <section className="panel leads-filters" id={id} aria-label={t('leads.filters.label')} data-testid="leads-filters">
      <Checks legend={t('leads.filters.status')}>
        {LEAD_STATUSES.map((s) => (
          <Check key={s} label={t(`leads.status.${s}`)} checked={filters.status.includes(s)} onChange={() => onToggle('status', s)} />
        ))}
      </Checks>
      <div className="leads-filters__col">
        <div className="field">
          <label className="field__label" htmlFor={assigneeId}>
            {t('leads.filters.assignee')}
          </label>
          <select id={assigneeId} className="field__input" value={filters.assignee} onChange={(event) => onSet('assignee', event.target.value)}>
            <option value="">{t('leads.filters.anyone')}</option>
            <option value="me">{t('leads.filters.me')}</option>
            <option value="unassigned">{t('leads.filters.unassigned')}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {assigneeName(a)}
              </option>
            ))}
          </select>
        </div>
        <CarPicker value={filters.car} onChange={(car) => onSet('car', car)} />
        <fieldset className="leads-filters__range">
          <legend className="field__label">{t('leads.filters.score')}</legend>
          <label htmlFor={minId} className="visually-hidden">
            {t('leads.filters.scoreMin')}
          </label>
          <input id={minId} className="field__input" type="number" min={0} max={100} placeholder="0" value={filters.scoreMin ?? ''} onChange={(event) => onSet('scoreMin', score(event.target.value))} />
          <span aria-hidden="true">–</span>
          <label htmlFor={maxId} className="visually-hidden">
            {t('leads.filters.scoreMax')}
          </label>
          <input id={maxId} className="field__input" type="number" min={0} max={100} placeholder="100" value={filters.scoreMax ?? ''} onChange={(event) => onSet('scoreMax', score(event.target.value))} />
        </fieldset>
      </div>
      <Checks legend={t('leads.filters.source')}>
        {LEAD_SOURCES.map((s) => (
          <Check key={s} label={t(`leads.source.${s}`)} checked={filters.source.includes(s)} onChange={() => onToggle('source', s)} />
        ))}
      </Checks>
      <div className="leads-filters__col">
        <Checks legend={t('leads.filters.priority')}>
          {LEAD_PRIORITIES.map((p) => (
            <Check key={p} label={t(`leads.priority.${p}`)} checked={filters.priority.includes(p)} onChange={() => onToggle('priority', p)} />
          ))}
        </Checks>
        <fieldset className="leads-filters__dates">
          <legend className="field__label">{t('leads.filters.received')}</legend>
          <label htmlFor={fromId}>{t('leads.filters.from')}</label>
          <input id={fromId} className="field__input" type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => onSet('from', event.target.value)} />
          <label htmlFor={toId}>{t('leads.filters.to')}</label>
          <input id={toId} className="field__input" type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => onSet('to', event.target.value)} />
        </fieldset>
        <div className="check">
          <input id={dueId} type="checkbox" checked={filters.due} onChange={(event) => onSet('due', event.target.checked)} />
          <label htmlFor={dueId}>{t('leads.filters.due')}</label>
        </div>
      </div>
      <div className="leads-filters__footer">
        <button type="button" className="button button--ghost button--small" onClick={onClear} disabled={activeFilterCount(filters) === 0}>
          {t('leads.filters.clear')}
        </button>
      </div>
    </section>
  );
}

function Checks({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="leads-filters__checks">
      <legend className="field__label">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: () => void }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} onChange={onChange} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
