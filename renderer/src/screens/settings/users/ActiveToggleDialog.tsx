// Confirms deactivating (sessions end at once) or reactivating a user, then sends
// users.update with the version the list showed.
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { UserDto } from '../../../api/contract';
import { Dialog } from '../shared/Dialog';
import { ProblemAlert } from './ProblemAlert';
import { useUserCall } from './useUserCall';

interface ActiveToggleDialogProps {
  user: UserDto;
  onClose: () => void;
  onDone: (user: UserDto) => void;
  onReload: () => void;
}

export function ActiveToggleDialog({ user, onClose, onDone, onReload }: ActiveToggleDialogProps) {
  const { t } = useTranslation();
  const { busy, problem, run } = useUserCall();
  const name = user.name ?? user.email;
  const deactivating = user.isActive;

  async function confirm() {
    await run(async () => onDone(await call('users.update', { id: user.id, version: user.version, isActive: !deactivating })));
  }

  return (
    <Dialog
      title={deactivating ? t('users.deactivateTitle') : t('users.reactivateTitle')}
      description={deactivating ? t('users.deactivateBody', { name }) : t('users.reactivateBody', { name })}
      onClose={onClose}
      testId="active-toggle-dialog"
    >
      <ProblemAlert problem={problem} onReload={onReload} />
      <div className="admin-dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" className={deactivating ? 'button admin-danger' : 'button button--primary'} onClick={() => void confirm()} disabled={busy}>
          {deactivating ? t('users.deactivate') : t('users.reactivate')}
        </button>
      </div>
    </Dialog>
  );
}
