// The root: starts the session, then shows setup, sign-in or the main frame. Also reacts
// to the main process ending the session or asking for a reload.
import { useEffect } from 'react';
import { HashRouter } from 'react-router';
import { useTranslation } from 'react-i18next';
import { onSessionLost, subscribe } from './api/client';
import type { EventMap } from './api/contract';
import { Toasts } from './components/Toasts';
import { AppFrame } from './frame/AppFrame';
import { LoginScreen } from './screens/auth/LoginScreen';
import { SetupScreen } from './screens/auth/SetupScreen';
import { StartScreen } from './screens/auth/StartScreen';
import { useSession } from './stores/session';
import { useStatus } from './stores/status';
import { toast } from './stores/toasts';

const RELOAD_DELAY_MS = 1500;

export function App() {
  const phase = useSession((state) => state.phase);
  useSessionEvents();

  useEffect(() => {
    void useSession.getState().start();
  }, []);

  useEffect(() => {
    // The next person to sign in starts on the home screen, not on the last one's page.
    if (phase !== 'signedIn' && window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }, [phase]);

  return (
    <>
      {phase === 'signedIn' ? (
        <HashRouter>
          <AppFrame />
        </HashRouter>
      ) : phase === 'setup' ? (
        <SetupScreen />
      ) : phase === 'signedOut' ? (
        <LoginScreen />
      ) : (
        <StartScreen />
      )}
      <Toasts />
    </>
  );
}

function useSessionEvents(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const reasonText: Record<EventMap['session.ended']['reason'], string> = {
      expired: t('session.expired'),
      signedOut: t('session.signedOutElsewhere'),
      deactivated: t('session.deactivated'),
    };
    const end = (message: string) => {
      if (useSession.getState().phase !== 'signedIn') return;
      useSession.getState().ended();
      useStatus.getState().reset();
      toast.info(message);
    };
    const stops = [
      subscribe('session.ended', ({ reason }) => end(reasonText[reason] ?? reasonText.expired)),
      onSessionLost(() => end(reasonText.expired)),
      subscribe('app.reload', () => {
        toast.info(t('session.reloading'));
        setTimeout(() => window.location.reload(), RELOAD_DELAY_MS);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [t]);
}
