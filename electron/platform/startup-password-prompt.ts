// Asks the shared server's and Redis's passwords in the main window before the core starts,
// on a PC where no keychain works. The page (startup-password-page.ts) has no script: its
// form POSTs to STARTUP_PASSWORDS_URL, the app:// handler hands the body here, and the core's
// parser checks it. The passwords stay in this process's memory; nothing is logged but
// which fields were given.
import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger';
import { parseStartupPasswords, type StartupAsk, type StartupPasswords } from '../core/startup-passwords';
import type { AppProtocol } from './app-protocol';
import { allowNavigationOnce } from './hardening';
import { QUIT_URL } from './startup-failure-page';
import { STARTUP_PASSWORDS_URL, startupPasswordUrl } from './startup-password-page';

/** Resolves with the typed passwords, or null when the user quits or closes the window. */
export function askStartupPasswords(opts: {
  win: BrowserWindow;
  asks: StartupAsk[];
  locale: string;
  appProtocol: AppProtocol;
  logger: Logger;
}): Promise<StartupPasswords | null> {
  const { win, asks, logger } = opts;
  const contents = win.webContents;
  const kinds = asks.map((a) => a.kind);

  return new Promise((resolve) => {
    let revokeNavigation = (): void => undefined;

    const show = (error?: string): void => {
      // The form's POST is the one navigation this page may make, once per showing.
      revokeNavigation();
      revokeNavigation = allowNavigationOnce(contents, STARTUP_PASSWORDS_URL);
      win
        .loadURL(startupPasswordUrl({ asks, locale: opts.locale, ...(error ? { error } : {}) }))
        .catch((e: unknown) => logger.debug('password page load interrupted', e));
    };

    const onNavigate = (event: { url: string }): void => {
      if (event.url === QUIT_URL) finish(null);
    };
    const onClosed = (): void => finish(null);

    const stopReceiving = opts.appProtocol.receiveFormPost(STARTUP_PASSWORDS_URL, (body) => {
      const parsed = parseStartupPasswords(body, kinds);
      if (!parsed.ok) {
        // Said on the page, not looped silently; the reason names fields, never values.
        logger.warn('start-up passwords refused', { reason: parsed.message });
        show(parsed.message);
        return;
      }
      logger.info('start-up passwords given for this run', { fields: Object.keys(parsed.passwords) });
      finish(parsed.passwords);
    });

    function finish(result: StartupPasswords | null): void {
      stopReceiving();
      revokeNavigation();
      contents.off('will-navigate', onNavigate);
      win.off('closed', onClosed);
      resolve(result);
    }

    contents.on('will-navigate', onNavigate);
    win.once('closed', onClosed);
    show();
  });
}
