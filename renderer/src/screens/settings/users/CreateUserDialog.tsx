// users.create: name, email, role and a temporary password the user must change at the
// first sign-in. Checked with the contract's own schema before it is sent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { userCreateInput, type Role, type UserDto } from '../../../api/contract';
import { TextField } from '../../../components/TextField';
import { zodFieldErrors } from '../../../lib/field-errors';
import { focusFirstInvalid } from '../../../lib/focus';
import { Dialog } from '../shared/Dialog';
import { SelectField } from '../shared/SelectField';
import { ProblemAlert } from './ProblemAlert';
import { isRole, roleOptions } from './role-options';
import { TemporaryPasswordField } from './TemporaryPasswordField';
import { userFieldText } from './user-errors';
import { useUserCall } from './useUserCall';

interface CreateUserDialogProps {
  onClose: () => void;
  onCreated: (user: UserDto) => void;
  onReload: () => void;
}

export function CreateUserDialog({ onClose, onCreated, onReload }: CreateUserDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const { busy, problem, setProblem, run } = useUserCall();
  const fields = problem?.fields ?? {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = userCreateInput.safeParse({ name, email, role, temporaryPassword });
    if (!parsed.success) {
      setProblem({ message: null, fields: zodFieldErrors(parsed.error), stale: false });
      focusFirstInvalid(form);
      return;
    }
    const ok = await run(async () => onCreated(await call('users.create', parsed.data)));
    if (!ok) focusFirstInvalid(form);
  }

  return (
    <Dialog title={t('users.createTitle')} onClose={onClose} testId="create-user-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField label={t('users.name')} value={name} onValueChange={setName} autoComplete="off" required data-autofocus error={userFieldText(t, fields['name'])} />
        <TextField
          label={t('users.email')}
          type="email"
          value={email}
          onValueChange={setEmail}
          autoComplete="off"
          required
          error={userFieldText(t, fields['email'])}
        />
        <SelectField label={t('users.role')} value={role} options={roleOptions(t)} onValueChange={(value) => isRole(value) && setRole(value)} />
        <TemporaryPasswordField value={temporaryPassword} onValueChange={setTemporaryPassword} error={userFieldText(t, fields['temporaryPassword'])} />
        <ProblemAlert problem={problem} onReload={onReload} />
        <div className="admin-dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('users.saving') : t('users.createSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
