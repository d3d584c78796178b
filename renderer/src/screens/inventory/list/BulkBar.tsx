// Work on the selected cars at once (cars.bulk): change status, set or clear featured,
// move to the trash. Cars the server skips are listed with the reason.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { BulkResultDto, CarRowDto, ChannelInput } from '../../../api/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';
import { skipReason } from './bulk-reasons';

type BulkAction = ChannelInput<'cars.bulk'>['action'];
type BulkStatus = Extract<BulkAction, { type: 'status' }>['status'];
const BULK_STATUSES: readonly BulkStatus[] = ['INCOMING', 'AVAILABLE', 'RESERVED', 'ARCHIVED'];

interface BulkBarProps {
  selected: ReadonlySet<string>;
  rows: readonly CarRowDto[];
  onClear: () => void;
  /** After a change: the list reloads; `keepSelection` is false when the cars left the list. */
  onDone: (keepSelection: boolean) => void;
}

export function BulkBar({ selected, rows, onClear, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const statusId = useId();
  const [status, setStatus] = useState<BulkStatus>('AVAILABLE');
  const [busy, setBusy] = useState(false);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const [skipped, setSkipped] = useState<BulkResultDto['skipped']>([]);
  const count = selected.size;
  const nameOf = (id: string) => rows.find((r) => r.id === id)?.name ?? id;

  async function run(action: BulkAction) {
    setBusy(true);
    setSkipped([]);
    try {
      const result = await call('cars.bulk', { ids: [...selected], action });
      setSkipped(result.skipped);
      if (result.skipped.length) toast.info(t('inventory.bulk.doneSkipped', { count: result.updated, skipped: result.skipped.length }));
      else toast.success(t('inventory.bulk.done', { count: result.updated }));
      // Status and featured changes keep the selection, so more can be done to the same cars.
      onDone(action.type !== 'delete');
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setBusy(false);
      setConfirmTrash(false);
    }
  }

  return (
    <section className="bulk-bar" aria-label={t('inventory.bulk.label')} data-testid="bulk-bar">
      <p className="bulk-bar__count" role="status">
        {t('inventory.bulk.selected', { count })}
      </p>
      <label htmlFor={statusId} className="bulk-bar__label">
        {t('inventory.bulk.statusLabel')}
      </label>
      <select id={statusId} className="field__input bulk-bar__select" value={status} onChange={(event) => setStatus(event.target.value as BulkStatus)} disabled={busy}>
        {BULK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`inventory.status.${s}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small button--ghost-dark" disabled={busy || count === 0} onClick={() => void run({ type: 'status', status })}>
        {t('inventory.bulk.applyStatus')}
      </button>
      <span className="bulk-bar__sep" aria-hidden="true" />
      <button type="button" className="button button--small button--ghost-dark" disabled={busy || count === 0} onClick={() => void run({ type: 'featured', featured: true })}>
        {t('inventory.bulk.feature')}
      </button>
      <button type="button" className="button button--small button--ghost-dark" disabled={busy || count === 0} onClick={() => void run({ type: 'featured', featured: false })}>
        {t('inventory.bulk.unfeature')}
      </button>
      <button type="button" className="button button--small button--danger-ghost" disabled={busy || count === 0} onClick={() => setConfirmTrash(true)}>
        {t('inventory.bulk.trash')}
      </button>
      <span className="bulk-bar__spacer" />
      <button type="button" className="button button--small button--ghost" onClick={onClear} disabled={busy}>
        {t('inventory.bulk.clear')}
      </button>
      {skipped.length ? (
        <div className="bulk-bar__skipped" role="alert">
          <p>{t('inventory.bulk.skippedTitle', { count: skipped.length })}</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.id}>
                {nameOf(s.id)}: {skipReason(t, s.reason)}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setSkipped([])}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmTrash}
        title={t('inventory.bulk.trashTitle', { count })}
        confirmLabel={t('inventory.bulk.trash')}
        danger
        busy={busy}
        onConfirm={() => void run({ type: 'delete' })}
        onCancel={() => setConfirmTrash(false)}
      >
        <p>{t('inventory.bulk.trashBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
