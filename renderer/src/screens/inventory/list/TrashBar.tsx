// The trash's actions on the selected cars: restore, and (SUPER_ADMIN) delete permanently.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorText } from '../../../lib/error-text';
import { toast } from '../../../stores/toasts';

interface TrashBarProps {
  selected: ReadonlySet<string>;
  canPurge: boolean;
  onClear: () => void;
  onDone: () => void;
}

export function TrashBar({ selected, canPurge, onClear, onDone }: TrashBarProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [confirmPurge, setConfirmPurge] = useState(false);
  const count = selected.size;

  // One call per car: restore and purge are single-car channels. Failures are counted, not fatal.
  async function each(channel: 'cars.restore' | 'cars.purge', done: 'inventory.trash.restored' | 'inventory.trash.purged', partly: 'inventory.trash.restoredPartly' | 'inventory.trash.purgedPartly') {
    setBusy(true);
    let ok = 0;
    let firstError: string | null = null;
    for (const id of selected) {
      try {
        await call(channel, { id });
        ok++;
      } catch (error) {
        firstError ??= errorText(t, toApiError(error));
      }
    }
    setBusy(false);
    setConfirmPurge(false);
    if (firstError) toast.error(`${t(partly, { count: ok, failed: count - ok })} ${firstError}`);
    else toast.success(t(done, { count: ok }));
    onDone();
  }

  return (
    <section className="bulk-bar" aria-label={t('inventory.trash.actions')} data-testid="trash-bar">
      <p className="bulk-bar__count" role="status">
        {count ? t('inventory.bulk.selected', { count }) : t('inventory.trash.hint')}
      </p>
      <button type="button" className="button button--small button--primary" disabled={busy || count === 0} onClick={() => void each('cars.restore', 'inventory.trash.restored', 'inventory.trash.restoredPartly')}>
        {t('inventory.trash.restore')}
      </button>
      {canPurge ? (
        <button type="button" className="button button--small button--danger-ghost" disabled={busy || count === 0} onClick={() => setConfirmPurge(true)}>
          {t('inventory.trash.purge')}
        </button>
      ) : null}
      <span className="bulk-bar__spacer" />
      {count ? (
        <button type="button" className="button button--small button--ghost" onClick={onClear} disabled={busy}>
          {t('inventory.bulk.clear')}
        </button>
      ) : null}
      <ConfirmDialog
        open={confirmPurge}
        title={t('inventory.trash.purgeTitle', { count })}
        confirmLabel={t('inventory.trash.purge')}
        danger
        busy={busy}
        onConfirm={() => void each('cars.purge', 'inventory.trash.purged', 'inventory.trash.purgedPartly')}
        onCancel={() => setConfirmPurge(false)}
      >
        <p>{t('inventory.trash.purgeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
