// The one application window: locked-down web preferences and remembered bounds.
import { app, BrowserWindow, screen } from 'electron';
import type { AppPaths } from './paths';
import { PRODUCT_NAME } from './paths';
import { fitToDisplays, MIN_SIZE, readWindowState, writeWindowState } from './window-state';

function currentWorkAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export function createMainWindow(paths: AppPaths): BrowserWindow {
  const bounds = fitToDisplays(readWindowState(paths.windowStateFile), currentWorkAreas());

  // The options stay inline so static checks (electronegativity) can read every flag.
  // AUXCLICK: 'Auxclick' is no longer a Blink feature that can be disabled; middle-click
  // opens go through setWindowOpenHandler (Electron ≥ 12), which denies them (hardening.ts).
  const win = new BrowserWindow({ /* eng-disable AUXCLICK_JS_CHECK */
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#f5f6f8',
    ...(process.platform === 'linux' ? { icon: paths.icon } : {}),
    webPreferences: {
      // The preload exposes only kroi.invoke/kroi.on, checked against the contract; it is
      // bundled CommonJS because sandboxed preloads cannot be ES modules.
      preload: paths.preload, /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: !app.isPackaged,
    },
  });

  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    writeWindowState(paths.windowStateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  return win;
}
