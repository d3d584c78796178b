// Work on the selected leads at once (leads.bulk): assign, or change status. LOST is not
// offered: it needs a reason per lead. Leads the server skips are listed with the reason.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { LEAD_STATUSES, type ChannelInput, type LeadRowDto, type LeadStatus } from '../../../api/contract';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { assigneeName, useAssignees } from '../useAssignees';
import { skipReason } from './bulk-reasons';

type BulkAction = ChannelInput<'leads.bulk'>['action'];
const BULK_STATUSES = LEAD_STATUSES.filter((s) => s !== 'LOST');
const UNASSIGN = '-';

interface BulkBarProps {
  selected: ReadonlySet<string>;
  rows: readonly LeadRowDto[];
  onClear: () => void;
  onDone: () => void;
}

export function BulkBar({ selected, rows, onClear, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  const assignId = useId();
  const statusId = useId();
  const [assignee, setAssignee] = useState(UNASSIGN);
  const [status, setStatus] = useState<LeadStatus>('CONTACTED');
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<{ id: string; reason: string }[]>([]);
  const count = selected.size;
  const nameOf = (id: string) => rows.find((r) => r.id === id)?.name ?? id;

  async function run(action: BulkAction) {
    setBusy(true);
    setSkipped([]);
    try {
      const result = await call('leads.bulk', { ids: [...selected], action });
      setSkipped(result.skipped);
      if (result.skipped.length) toast.info(t('leads.bulk.doneSkipped', { count: result.updated, skipped: result.skipped.length }));
      else toast.success(t('leads.bulk.done', { count: result.updated }));
      onDone();
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="leads-bulk" aria-label={t('leads.bulk.label')} data-testid="bulk-bar">
      <p className="leads-bulk__count" role="status">
        {t('leads.bulk.selected', { count })}
      </p>
      <label htmlFor={assignId} className="leads-bulk__label">
        {t('leads.bulk.assignLabel')}
      </label>
      <select id={assignId} className="field__input leads-bulk__select" value={assignee} onChange={(event) => setAssignee(event.target.value)} disabled={busy}>
        <option value={UNASSIGN}>{t('leads.filters.unassigned')}</option>
        {assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {assigneeName(a)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small button--ghost-dark" disabled={busy || count === 0} onClick={() => void run({ type: 'assign', userId: assignee === UNASSIGN ? null : assignee })}>
        {t('leads.bulk.assign')}
      </button>
      <span className="leads-bulk__sep" aria-hidden="true" />
      <label htmlFor={statusId} className="leads-bulk__label">
        {t('leads.bulk.statusLabel')}
      </label>
      <select id={statusId} className="field__input leads-bulk__select" value={status} onChange={(event) => setStatus(event.target.value as LeadStatus)} disabled={busy}>
        {BULK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`leads.status.${s}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small button--ghost-dark" disabled={busy || count === 0} onClick={() => void run({ type: 'status', status })}>
        {t('leads.bulk.applyStatus')}
      </button>
      <span className="leads-bulk__spacer" />
      <button type="button" className="button button--small button--ghost" onClick={onClear} disabled={busy}>
        {t('leads.bulk.clear')}
      </button>
      {skipped.length ? (
        <div className="leads-bulk__skipped" role="alert">
          <p>{t('leads.bulk.skippedTitle', { count: skipped.length })}</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.id}>
                {nameOf(s.id)}: {skipReason(t, s.reason)}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--ghost button--small" onClick={() => setSkipped([])}>
            {t('leads.common.dismiss')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
