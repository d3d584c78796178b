// Sign-in. "Keep me signed in" needs the OS keychain; RATE_LIMITED counts down the wait the
// main process asked for before the button works again.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/client';
import { signInInput } from '../../api/contract';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { errorText, fieldText } from '../../lib/error-text';
import { zodFieldErrors, type FieldErrors } from '../../lib/field-errors';
import { focusFirstInvalid } from '../../lib/focus';
import { formatCountdown, waitUnit } from '../../lib/wait-format';
import { useSession } from '../../stores/session';
import { AuthLayout } from './AuthLayout';

export function LoginScreen() {
  const { t } = useTranslation();
  const signIn = useSession((state) => state.signIn);
  const keychainAvailable = useSession((state) => state.setupState?.keychainAvailable ?? false);
  const rememberHintId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // When the wait is over the message about it is too.
  const waitSeconds = useCountdown(() => setFormError(null));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = signInInput.safeParse({ email, password, remember: keychainAvailable && remember });
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setFields({});
    setBusy(true);
    try {
      await signIn(parsed.data);
    } catch (error) {
      const apiError = toApiError(error);
      setBusy(false);
      setPassword('');
      setFields(apiError.fields);
      if (apiError.code === 'RATE_LIMITED') {
        const seconds = apiError.retryAfterSeconds;
        // The alert keeps the wait it was given: a live region that ticked would be re-read every second.
        if (seconds !== null) waitSeconds.startFrom(seconds);
        if (seconds === null) setFormError(t('login.rateLimitedSoon'));
        else {
          const wait = waitUnit(seconds);
          setFormError(t('login.rateLimited', { wait: t(`time.${wait.unit}`, { count: wait.count }) }));
        }
      } else {
        setFormError(apiError.code === 'UNAUTHENTICATED' ? t('login.failed') : errorText(t, apiError));
      }
    }
  }

  const limited = waitSeconds.remaining > 0;

  return (
    <AuthLayout title={t('login.title')}>
      <h1 className="auth__title">{t('login.title')}</h1>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('login.email')}
          type="email"
          value={email}
          onValueChange={setEmail}
          autoComplete="username"
          autoFocus
          required
          error={fieldText(t, fields['email'])}
        />
        <TextField
          label={t('login.password')}
          type="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="current-password"
          required
          error={fieldText(t, fields['password'])}
        />
        <div className={keychainAvailable ? 'check' : 'check check--disabled'}>
          <input
            id={`${rememberHintId}-remember`}
            type="checkbox"
            checked={keychainAvailable && remember}
            disabled={!keychainAvailable}
            onChange={(event) => setRemember(event.target.checked)}
            aria-describedby={keychainAvailable ? undefined : rememberHintId}
          />
          <label htmlFor={`${rememberHintId}-remember`}>{t('login.remember')}</label>
          {keychainAvailable ? null : (
            <p className="check__hint" id={rememberHintId}>
              {t('login.rememberUnavailable')}
            </p>
          )}
        </div>
        <FormAlert message={formError} />
        <button type="submit" className="button button--primary button--wide" disabled={busy || limited}>
          {busy ? t('login.submitting') : t('login.submit')}
          {limited ? (
            <span className="button__countdown" aria-hidden="true" data-testid="rate-limit-countdown">
              {` · ${formatCountdown(waitSeconds.remaining)}`}
            </span>
          ) : null}
        </button>
      </form>
    </AuthLayout>
  );
}

/** Whole seconds left of a wait, ticking down once a second. */
function useCountdown(onDone: () => void) {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) {
        setUntil(null);
        done.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [until]);

  return {
    remaining: until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)),
    startFrom: (seconds: number) => {
      const current = Date.now();
      setNow(current);
      setUntil(current + seconds * 1000);
    },
  };
}
