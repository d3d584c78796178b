// Deny-by-default rules for every web contents and the session: the renderer may not
// navigate, open windows, attach webviews or get any browser permission.
import { app, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/logger';

/** http(s) links the user clicked open in the system browser; nothing else leaves the app. */
export function openInBrowser(url: string, logger: Logger): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
    logger.warn('external link refused', { protocol: parsed.protocol });
    return;
  }
  // Only a re-serialised http(s) URL reaches the OS; the scheme check above is the review.
  shell.openExternal(parsed.href).catch((error: unknown) => logger.warn('could not open link', error)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
}

/** One main-frame navigation per web contents the main process expects (see allowNavigationOnce). */
const expected = new WeakMap<WebContents, string>();

/**
 * Lets `contents` navigate its main frame to exactly `url`, once: the start-up password
 * page's form POST, which must reach the app:// handler. The returned function takes the
 * permission back if it was not used.
 */
export function allowNavigationOnce(contents: WebContents, url: string): () => void {
  expected.set(contents, url);
  return () => {
    if (expected.get(contents) === url) expected.delete(contents);
  };
}

function hardenContents(contents: WebContents, logger: Logger): void {
  // Programmatic loadURL from the main process does not raise these events; page-initiated
  // navigations and redirects do, and are all refused but the one expected navigation.
  contents.on('will-navigate', (event) => {
    if (event.isMainFrame && expected.get(contents) === event.url) {
      expected.delete(contents);
      return;
    }
    event.preventDefault();
    logger.warn('navigation refused', { url: event.url.slice(0, 200) });
  });
  // Sub-frames only: cancelling a main-frame navigation here would suppress 'will-navigate',
  // which the start-up failure page relies on for its buttons.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url, logger);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Applies the rules to every web contents the app will ever create. Call before ready. */
export function hardenApp(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, logger));
}

/** No camera, notifications, clipboard reads, HID, serial, USB … for anyone. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
