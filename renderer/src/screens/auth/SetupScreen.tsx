// First run: create the first SUPER_ADMIN. Validated with the contract's own setupInput schema,
// so the form refuses exactly what the main process would.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/client';
import { PASSWORD_MIN, setupInput } from '../../api/contract';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { errorText, fieldText } from '../../lib/error-text';
import { zodFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { focusFirstInvalid } from '../../lib/focus';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toasts';
import { AuthLayout } from './AuthLayout';

export function SetupScreen() {
  const { t } = useTranslation();
  const setup = useSession((state) => state.setup);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = setupInput.safeParse({ name, email, password });
    const problems: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (confirm !== password) problems['confirm'] = t('setup.mismatch');
    setFields(problems);
    if (!parsed.success || problems['confirm']) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setBusy(true);
    try {
      const session = await setup(parsed.data);
      toast.success(t('setup.done', { name: session.user.name ?? session.user.email }));
    } catch (error) {
      const apiError = toApiError(error);
      setFields(apiError.fields);
      setFormError(errorText(t, apiError));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('setup.title')}>
      <h1 className="auth__title">{t('setup.title')}</h1>
      <p className="auth__intro">{t('setup.intro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('setup.name')}
          value={name}
          onValueChange={setName}
          autoComplete="name"
          autoFocus
          required
          error={fieldText(t, fields['name'])}
        />
        <TextField
          label={t('setup.email')}
          type="email"
          value={email}
          onValueChange={setEmail}
          autoComplete="email"
          required
          error={fieldText(t, fields['email'])}
        />
        <TextField
          label={t('setup.password')}
          type="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="new-password"
          required
          hint={t('setup.passwordHint', { min: PASSWORD_MIN })}
          error={fieldText(t, fields['password'])}
        />
        <TextField
          label={t('setup.confirm')}
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          autoComplete="new-password"
          required
          error={fields['confirm']}
        />
        <FormAlert message={formError} />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
