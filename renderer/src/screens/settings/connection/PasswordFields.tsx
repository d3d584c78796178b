// A password field that says whether one is saved (empty keeps it) and a "forget" box.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/TextField';

interface PasswordFieldsProps {
  value: string;
  saved: boolean;
  forget: boolean;
  keychainAvailable: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
  onForget: (forget: boolean) => void;
}

export function PasswordFields({ value, saved, forget, keychainAvailable, error, onChange, onForget }: PasswordFieldsProps) {
  const { t } = useTranslation();
  const forgetId = useId();
  const hint = !keychainAvailable ? t('connection.noKeychain') : saved ? t('connection.passwordSaved') : t('connection.passwordNotSaved');
  return (
    <>
      <TextField label={t('connection.password')} type="password" autoComplete="new-password" value={value} onValueChange={onChange} hint={hint} error={error} />
      {saved ? (
        <div className="check">
          <input id={forgetId} type="checkbox" checked={forget} onChange={(e) => onForget(e.target.checked)} disabled={value !== ''} />
          <label htmlFor={forgetId}>{t('connection.forgetPassword')}</label>
        </div>
      ) : null}
    </>
  );
}
