// users.update of name and role, sent with the version the list showed so that a change
// made meanwhile on another PC answers CONFLICT instead of being overwritten.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { userUpdateInput, type Role, type UserDto } from '../../../api/contract';
import { TextField } from '../../../components/TextField';
import { zodFieldErrors } from '../../../lib/field-errors';
import { focusFirstInvalid } from '../../../lib/focus';
import { Dialog } from '../shared/Dialog';
import { SelectField } from '../shared/SelectField';
import { ProblemAlert } from './ProblemAlert';
import { isRole, roleOptions } from './role-options';
import { userFieldText } from './user-errors';
import { useUserCall } from './useUserCall';

interface EditUserDialogProps {
  user: UserDto;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: UserDto) => void;
  onReload: () => void;
}

export function EditUserDialog({ user, isSelf, onClose, onSaved, onReload }: EditUserDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(user.name ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const { busy, problem, setProblem, run } = useUserCall();
  const fields = problem?.fields ?? {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    // Only what changed is sent, so the audit log shows just that.
    const parsed = userUpdateInput.safeParse({
      id: user.id,
      version: user.version,
      ...(name.trim() !== (user.name ?? '') ? { name } : {}),
      ...(role !== user.role ? { role } : {}),
    });
    if (!parsed.success) {
      setProblem({ message: null, fields: zodFieldErrors(parsed.error), stale: false });
      focusFirstInvalid(form);
      return;
    }
    if (parsed.data.name === undefined && parsed.data.role === undefined) {
      onClose();
      return;
    }
    await run(async () => onSaved(await call('users.update', parsed.data)));
  }

  return (
    <Dialog title={t('users.editTitle')} description={user.email} onClose={onClose} testId="edit-user-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('users.name')} value={name} onValueChange={setName} autoComplete="off" required data-autofocus error={userFieldText(t, fields['name'])} />
        <SelectField label={t('users.role')} value={role} options={roleOptions(t)} onValueChange={(value) => isRole(value) && setRole(value)} error={userFieldText(t, fields['role'])} />
        {isSelf ? (
          <p className="notice" role="note">
            {t('users.editSelfNote')}
          </p>
        ) : null}
        <ProblemAlert problem={problem} onReload={onReload} />
        <div className="admin-dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('users.saving') : t('users.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
