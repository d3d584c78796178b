// The temporary password an admin gives a user: shown in clear text (it has to be passed
// on, and is changed at the next sign-in), with a button that makes up a strong one.
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../api/contract';
import { TextField } from '../../../components/TextField';
import { generateTemporaryPassword } from './temporary-password';

interface TemporaryPasswordFieldProps {
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
}

export function TemporaryPasswordField({ value, onValueChange, error }: TemporaryPasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <div className="admin-temp-password">
      <TextField
        label={t('users.temporaryPassword')}
        type="text"
        value={value}
        onValueChange={onValueChange}
        autoComplete="off"
        spellCheck={false}
        required
        className="admin-temp-password__field"
        hint={t('users.temporaryHint', { min: PASSWORD_MIN })}
        error={error}
      />
      <button type="button" className="button button--ghost button--small admin-temp-password__generate" onClick={() => onValueChange(generateTemporaryPassword())}>
        {t('users.generate')}
      </button>
    </div>
  );
}
