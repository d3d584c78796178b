// Where the app's files are, in development (`electron .` from the repo) and packaged.
import path from 'node:path';
import { app } from 'electron';

export const PRODUCT_NAME = 'Kroi Dealership Desktop';

/**
 * Pins the user data folder to the product name: without this, a development run would use
 * the package name and keep its embedded database apart from the installed app's. Call before ready.
 */
export function pinUserDataFolder(): void {
  app.setName(PRODUCT_NAME);
  app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
}

export interface AppPaths {
  /** The built renderer (vite output): the only folder app:// serves. */
  rendererDir: string;
  /** The bundled, CommonJS preload (sandboxed preloads cannot be ES modules). */
  preload: string;
  /** `<name>/migration.sql` folders the core's migrator applies at start-up. */
  migrationsDir: string;
  userDataDir: string;
  windowStateFile: string;
  /** Window icon for Linux (Windows and macOS take it from the executable). */
  icon: string;
  /** Files shipped beside the app (e.g. PostgreSQL client tools in pg/bin). */
  resourcesDir: string;
}

export function appPaths(): AppPaths {
  // The repo root in development, …/resources/app.asar when packaged.
  const root = app.getAppPath();
  const userDataDir = app.getPath('userData');
  return {
    rendererDir: path.join(root, 'dist', 'renderer'),
    preload: path.join(root, 'dist-electron', 'preload.cjs'),
    // Packaged, migrations ship beside the asar (extraResources) as plain files.
    migrationsDir: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(root, 'prisma', 'migrations'),
    userDataDir,
    windowStateFile: path.join(userDataDir, 'window-state.json'),
    icon: app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(root, 'resources', 'icon.png'),
    resourcesDir: app.isPackaged ? process.resourcesPath : path.join(root, 'resources'),
  };
}
