// users.resetPassword: a temporary password; the user is signed out everywhere and must
// choose a new password at the next sign-in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { userResetPasswordInput, type UserDto } from '../../../api/contract';
import { zodFieldErrors } from '../../../lib/field-errors';
import { focusFirstInvalid } from '../../../lib/focus';
import { Dialog } from '../shared/Dialog';
import { ProblemAlert } from './ProblemAlert';
import { TemporaryPasswordField } from './TemporaryPasswordField';
import { userFieldText } from './user-errors';
import { useUserCall } from './useUserCall';

interface ResetPasswordDialogProps {
  user: UserDto;
  onClose: () => void;
  onReset: (user: UserDto) => void;
  onReload: () => void;
}

export function ResetPasswordDialog({ user, onClose, onReset, onReload }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const { busy, problem, setProblem, run } = useUserCall();
  const displayName = user.name ?? user.email;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = userResetPasswordInput.safeParse({ id: user.id, temporaryPassword });
    if (!parsed.success) {
      setProblem({ message: null, fields: zodFieldErrors(parsed.error), stale: false });
      focusFirstInvalid(form);
      return;
    }
    const ok = await run(async () => onReset(await call('users.resetPassword', parsed.data)));
    if (!ok) focusFirstInvalid(form);
  }

  return (
    <Dialog title={t('users.resetTitle')} description={t('users.resetIntro', { name: displayName })} onClose={onClose} testId="reset-password-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TemporaryPasswordField
          value={temporaryPassword}
          onValueChange={setTemporaryPassword}
          error={userFieldText(t, problem?.fields['temporaryPassword'])}
        />
        <ProblemAlert problem={problem} onReload={onReload} />
        <div className="admin-dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('users.saving') : t('users.resetSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
