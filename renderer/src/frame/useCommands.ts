// What the command palette offers: the screens the role may open, the account page,
// the other language and signing out.
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/language';
import { screenShortcutLabel } from '../lib/shortcuts';
import { useRole } from '../stores/session';
import { useUiPrefs } from '../stores/ui-prefs';
import { ACCOUNT_PATH, SCREENS, canSee } from './screens';

export interface Command {
  id: string;
  label: string;
  keywords?: readonly string[];
  /** Shown beside the label, e.g. "Alt+1". */
  shortcut?: string;
  run: () => void;
}

export function useCommands(onSignOut: () => void): Command[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const role = useRole();
  const language = useUiPrefs((state) => state.language);
  const setLanguage = useUiPrefs((state) => state.setLanguage);

  return useMemo(() => {
    const commands: Command[] = [];
    SCREENS.forEach((screen, index) => {
      if (!role || !canSee(role, screen)) return;
      const name = t(`nav.${screen.id}`);
      commands.push({
        id: `go.${screen.id}`,
        label: t('palette.goTo', { screen: name }),
        keywords: [screen.id],
        shortcut: screenShortcutLabel(index),
        run: () => void navigate(screen.path),
      });
    });
    commands.push({
      id: 'go.account',
      label: t('palette.account'),
      keywords: [t('account.title'), 'password', 'salasana'],
      run: () => void navigate(ACCOUNT_PATH),
    });
    for (const other of LANGUAGES.filter((code) => code !== language)) {
      commands.push({
        id: `language.${other}`,
        label: t('palette.language', { language: LANGUAGE_NAMES[other] }),
        // Both words for "language", so it is found whichever UI language is on.
        keywords: ['language', 'kieli', other],
        run: () => setLanguage(other),
      });
    }
    commands.push({ id: 'session.signOut', label: t('palette.signOut'), keywords: ['logout', 'uloskirjautuminen'], run: onSignOut });
    return commands;
  }, [t, navigate, role, language, setLanguage, onSignOut]);
}
