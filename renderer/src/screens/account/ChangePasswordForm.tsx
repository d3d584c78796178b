// auth.changePassword, validated with the contract's changePasswordInput before it is sent.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../api/client';
import { changePasswordInput, PASSWORD_MIN } from '../../api/contract';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { errorText, fieldText } from '../../lib/error-text';
import { zodFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { focusFirstInvalid } from '../../lib/focus';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toasts';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const refresh = useSession((state) => state.refresh);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(null);
    const parsed = changePasswordInput.safeParse({ currentPassword, newPassword });
    const problems: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (confirm !== newPassword) problems['confirm'] = t('setup.mismatch');
    setFields(problems);
    if (!parsed.success || problems['confirm']) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      await call('auth.changePassword', parsed.data);
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      toast.success(t('password.done'));
      // The user may have been made to change it (mustChangePassword); re-read so the frame lets go.
      await refresh().catch(() => undefined);
    } catch (error) {
      const apiError = toApiError(error);
      setFields(apiError.fields);
      setFormError(errorText(t, apiError));
      focusFirstInvalid(form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel__title" id={headingId}>
        {t('password.title')}
      </h2>
      <form className="form form--narrow" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('password.current')}
          type="password"
          value={currentPassword}
          onValueChange={setCurrentPassword}
          autoComplete="current-password"
          required
          error={fieldText(t, fields['currentPassword'])}
        />
        <TextField
          label={t('password.next')}
          type="password"
          value={newPassword}
          onValueChange={setNewPassword}
          autoComplete="new-password"
          required
          hint={t('setup.passwordHint', { min: PASSWORD_MIN })}
          error={fieldText(t, fields['newPassword'])}
        />
        <TextField
          label={t('password.confirm')}
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          autoComplete="new-password"
          required
          error={fields['confirm']}
        />
        <FormAlert message={formError} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
