// Shown while the app asks the main process who is signed in, or when it could not.
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { errorText } from '../../lib/error-text';
import { useSession } from '../../stores/session';
import { AuthLayout } from './AuthLayout';

export function StartScreen() {
  const { t } = useTranslation();
  const phase = useSession((state) => state.phase);
  const startError = useSession((state) => state.startError);
  const start = useSession((state) => state.start);
  return (
    <AuthLayout title={t('app.name')}>
      {phase === 'failed' && startError ? (
        <ErrorState title={t('app.startFailed')} message={errorText(t, startError)} onRetry={() => void start()} />
      ) : (
        <Loading label={t('app.starting')} />
      )}
    </AuthLayout>
  );
}
