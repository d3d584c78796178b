// The Electron main process: lifecycle, window, security and IPC wiring. Everything that
// is not Electron-specific lives in the core (createCore), which this file owns one of.
import { app, type BrowserWindow, dialog, session } from 'electron';
import type { Router } from './core/api/router';
import { loadConfig } from './core/config';
import { createCore, type Core } from './core/index';
import { createLogger, redact } from './core/logger';
import type { SecretStore } from './core/secrets';
import { passwordsToAsk, withStartupPasswords } from './core/startup-passwords';
import { registerAppScheme, serveAppProtocol, type AppProtocol } from './platform/app-protocol';
import { APP_ENTRY_URL } from './platform/app-protocol-path';
import { hardenApp, hardenSession } from './platform/hardening';
import { createIpcTransport } from './platform/ipc';
import { createKeychain } from './platform/keychain';
import { createMainWindow } from './platform/main-window';
import { appPaths, pinUserDataFolder, type AppPaths } from './platform/paths';
import { QUIT_URL, RETRY_URL, startupFailureUrl } from './platform/startup-failure-page';
import { askStartupPasswords } from './platform/startup-password-prompt';

const CLOSE_TIMEOUT_MS = 15_000;
const logger = createLogger();

let mainWindow: BrowserWindow | null = null;
let corePromise: Promise<Core> | null = null;

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function startCore(paths: AppPaths, secrets: SecretStore): Promise<Core> {
  const config = await loadConfig({
    userDataDir: paths.userDataDir,
    env: process.env,
    secrets,
    appVersion: app.getVersion(),
    // Packaged, the migrations are plain files beside the asar (extraResources).
    migrationsDir: paths.migrationsDir,
  });
  return createCore({ ...config, resourcesDir: paths.resourcesDir }, { logger, secrets });
}

function showStartupFailure(win: BrowserWindow, error: unknown, dataDir: string): void {
  const message = redact(error instanceof Error ? error.message : String(error));
  // The page's buttons are links; navigation is otherwise refused (see hardening).
  win.webContents.on('will-navigate', (event) => {
    if (event.url === QUIT_URL) app.quit();
    if (event.url === RETRY_URL) {
      app.relaunch();
      app.quit();
    }
  });
  void win.loadURL(startupFailureUrl({ message, dataDir, locale: app.getLocale() }));
  win.show();
}

/**
 * The keychain, or where none works and a shared server is configured, the keychain plus the
 * passwords the user types on the password page for this run. Null when the user quit there.
 */
async function startupSecrets(win: BrowserWindow, paths: AppPaths, appProtocol: AppProtocol): Promise<SecretStore | null> {
  const keychain = createKeychain();
  const asks = await passwordsToAsk({ userDataDir: paths.userDataDir, env: process.env, secrets: keychain });
  if (asks.length === 0) return keychain;
  logger.warn('no keychain on this PC: asking the server passwords for this run', { fields: asks.map((a) => a.kind) });
  const given = await askStartupPasswords({ win, asks, locale: app.getLocale(), appProtocol, logger });
  return given && withStartupPasswords(keychain, given);
}

async function onReady(): Promise<void> {
  const paths = appPaths();
  hardenSession(session.defaultSession);
  const appProtocol = serveAppProtocol(paths.rendererDir, logger);

  const win = createMainWindow(paths);
  mainWindow = win;
  win.on('closed', () => {
    mainWindow = null;
  });

  // Before the core: without a keychain its passwords may have to be asked first.
  let secrets: SecretStore | null;
  try {
    secrets = await startupSecrets(win, paths, appProtocol);
  } catch (error) {
    logger.error('start-up failed', error);
    if (!win.isDestroyed()) showStartupFailure(win, error, paths.userDataDir);
    return;
  }
  if (!secrets || win.isDestroyed()) {
    app.quit(); // Quit on the password page, or the window was closed
    return;
  }

  // A wrong password fails here like any unreachable server: the failure page, whose retry asks again.
  const starting = startCore(paths, secrets);
  corePromise = starting;
  const ipc = createIpcTransport({ router: (): Promise<Router> => starting.then((core) => core.router), secrets, logger });
  ipc.trust(win.webContents);
  // The renderer loads at once; its first calls wait for the core (embedded PostgreSQL may take seconds).
  void win.loadURL(APP_ENTRY_URL);

  try {
    const core = await starting;
    ipc.forwardEvents(core.events);
  } catch (error) {
    logger.error('start-up failed', error);
    if (!win.isDestroyed()) showStartupFailure(win, error, paths.userDataDir);
  }
}

/** Closes the core once; the quit waits for it (bounded), so the embedded database stops cleanly. */
function closeCoreOnQuit(): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed' || !corePromise) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closing = corePromise.then(
      (core) => core.close(),
      () => undefined, // never started: nothing to close
    );
    // A hung close must not keep the app open for ever.
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn('closing the core timed out');
        resolve();
      }, CLOSE_TIMEOUT_MS);
    });
    Promise.race([closing, timeout])
      .catch((error: unknown) => logger.error('closing the core failed', error))
      .finally(() => {
        clearTimeout(timer);
        state = 'closed';
        app.quit();
      });
  });
}

registerAppScheme();
pinUserDataFolder();

if (!app.requestSingleInstanceLock()) {
  // Another copy owns the window and the embedded database; it focuses itself.
  app.quit();
} else {
  app.enableSandbox();
  hardenApp(logger);
  closeCoreOnQuit();
  app.on('second-instance', focusMainWindow);
  // One window is the whole app, on macOS too: closing it quits and stops the database.
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      // Failed before a window could show anything: say so rather than hang invisibly.
      logger.error('start-up failed', error);
      dialog.showErrorBox('Kroi Dealership Desktop could not start', redact(error instanceof Error ? error.message : String(error)));
      app.exit(1);
    });
}
