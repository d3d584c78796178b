// The signed-in window: header, sidebar, the current screen, status bar and command palette.
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ShortcutAction } from '../lib/shortcuts';
import { useLeadsNotifications } from '../screens/leads/useLeadsNotifications';
import { useRole, useSession } from '../stores/session';
import { useStatus } from '../stores/status';
import { toast } from '../stores/toasts';
import { AppHeader } from './AppHeader';
import { AppRoutes } from './AppRoutes';
import { CommandPalette } from './CommandPalette';
import { SCREENS, canSee } from './screens';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useCommands } from './useCommands';
import { useGlobalShortcuts } from './useGlobalShortcuts';

export function AppFrame() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const role = useRole();
  const [paletteOpen, setPaletteOpen] = useState(false);

  useEffect(() => useStatus.getState().start(), []);
  useLeadsNotifications();

  const signOut = useCallback(() => {
    void useSession
      .getState()
      .signOut()
      .then(() => {
        useStatus.getState().reset();
        toast.info(t('session.signedOut'));
      });
  }, [t]);

  const commands = useCommands(signOut);

  useGlobalShortcuts((action: ShortcutAction) => {
    if (action.type === 'palette') {
      setPaletteOpen((open) => !open);
      return;
    }
    const screen = SCREENS[action.index];
    if (!screen || !role || !canSee(role, screen)) return;
    setPaletteOpen(false);
    void navigate(screen.path);
  });

  return (
    <div className="frame">
      <button
        type="button"
        className="skip-link"
        onClick={() => document.getElementById('main')?.focus()}
      >
        {t('app.skipToContent')}
      </button>
      <AppHeader onOpenPalette={() => setPaletteOpen(true)} />
      <Sidebar />
      <main className="frame__main" id="main" tabIndex={-1}>
        <AppRoutes />
      </main>
      <StatusBar onSignOut={signOut} />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} />
    </div>
  );
}
