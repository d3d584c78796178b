// Settings → Users (SUPER_ADMIN): the list, and one dialog at a time for what is done to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../api/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { errorText } from '../../../lib/error-text';
import { useCurrentUser } from '../../../stores/session';
import { toast } from '../../../stores/toasts';
import { ActiveToggleDialog } from './ActiveToggleDialog';
import { CreateUserDialog } from './CreateUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import type { UserAction } from './user-action';
import { UserTable } from './UserTable';
import { useUsers } from './useUsers';

export function UsersSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { state, reload, upsert } = useUsers();
  const [action, setAction] = useState<UserAction | null>(null);

  const close = () => setAction(null);
  const reloadAndClose = () => {
    setAction(null);
    void reload();
  };
  const nameOf = (user: UserDto) => user.name ?? user.email;

  return (
    <section className="settings-section" aria-labelledby="users-title">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="users-title">
            {t('users.title')}
          </h2>
          <p className="settings-section__intro">{t('users.intro')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setAction({ kind: 'create' })}>
          {t('users.create')}
        </button>
      </div>

      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorState message={errorText(t, state.error)} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.users.length === 0 ? <EmptyState title={t('users.empty')} headingLevel={3} /> : null}
      {state.status === 'ready' && state.users.length > 0 ? <UserTable users={state.users} currentUserId={me?.id ?? null} onAction={setAction} /> : null}

      {action?.kind === 'create' ? (
        <CreateUserDialog
          onClose={close}
          onReload={reloadAndClose}
          onCreated={(user) => {
            upsert(user);
            close();
            toast.success(t('users.created', { name: nameOf(user) }));
          }}
        />
      ) : null}
      {action?.kind === 'edit' ? (
        <EditUserDialog
          user={action.user}
          isSelf={action.user.id === me?.id}
          onClose={close}
          onReload={reloadAndClose}
          onSaved={(user) => {
            upsert(user);
            close();
            toast.success(t('users.updated', { name: nameOf(user) }));
          }}
        />
      ) : null}
      {action?.kind === 'reset' ? (
        <ResetPasswordDialog
          user={action.user}
          onClose={close}
          onReload={reloadAndClose}
          onReset={(user) => {
            upsert(user);
            close();
            toast.success(t('users.resetDone', { name: nameOf(user) }));
          }}
        />
      ) : null}
      {action?.kind === 'toggleActive' ? (
        <ActiveToggleDialog
          user={action.user}
          onClose={close}
          onReload={reloadAndClose}
          onDone={(user) => {
            upsert(user);
            close();
            toast.success(user.isActive ? t('users.reactivated', { name: nameOf(user) }) : t('users.deactivated', { name: nameOf(user) }));
          }}
        />
      ) : null}
    </section>
  );
}
