// The users as a table: one row each, with the actions a super admin may take on it.
// Your own row has no deactivate or reset (that is done on "My account").
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../api/contract';
import { formatDateTime } from '../shared/format';
import type { UserAction } from './user-action';

interface UserTableProps {
  users: readonly UserDto[];
  currentUserId: string | null;
  onAction: (action: UserAction) => void;
}

export function UserTable({ users, currentUserId, onAction }: UserTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="users-table">
        <caption className="visually-hidden">{t('users.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.state')}</th>
            <th scope="col">{t('users.lastSignIn')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            const name = user.name ?? user.email;
            return (
              <tr key={user.id} data-testid="user-row" data-email={user.email} className={user.isActive ? undefined : 'admin-table__row--muted'}>
                <th scope="row">
                  {user.name ?? '—'}
                  {isSelf ? <span className="admin-tag admin-tag--neutral">{t('users.you')}</span> : null}
                </th>
                <td>{user.email}</td>
                <td>{t(`roles.${user.role}`)}</td>
                <td>
                  <span className={user.isActive ? 'admin-tag admin-tag--ok' : 'admin-tag admin-tag--off'}>{user.isActive ? t('users.active') : t('users.inactive')}</span>
                  {user.mustChangePassword ? <span className="admin-tag admin-tag--warn">{t('users.mustChange')}</span> : null}
                </td>
                <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language, { seconds: false }) : t('users.never')}</td>
                <td className="admin-table__actions">
                  <div className="admin-table__buttons">
                    <button type="button" className="button button--ghost button--small" aria-label={t('users.editFor', { name })} onClick={() => onAction({ kind: 'edit', user })}>
                      {t('users.edit')}
                    </button>
                    {isSelf ? null : (
                      <>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={t('users.resetPasswordFor', { name })}
                          onClick={() => onAction({ kind: 'reset', user })}
                        >
                          {t('users.resetPassword')}
                        </button>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={user.isActive ? t('users.deactivateFor', { name }) : t('users.reactivateFor', { name })}
                          onClick={() => onAction({ kind: 'toggleActive', user })}
                        >
                          {user.isActive ? t('users.deactivate') : t('users.reactivate')}
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
