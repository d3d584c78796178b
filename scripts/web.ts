// `npm run web`: the app in a browser, for working on the UI where Electron cannot run.
// The same core as the desktop app (embedded PostgreSQL unless DATABASE_URL is set),
// served on 127.0.0.1 only.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../electron/core/config';
import { createCore } from '../electron/core/index';
import { createLogger } from '../electron/core/logger';
import { createKeychain } from '../electron/platform/keychain';
import { startWebServer } from './web-server';

const logger = createLogger({ level: process.env.KROI_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
const port = Number.parseInt(process.env.KROI_WEB_PORT ?? '5180', 10);
const userDataDir = process.env.KROI_DATA_DIR ?? path.join(os.homedir(), '.kroi-dealership-web');

const secrets = createKeychain();
const config = await loadConfig({
  userDataDir,
  env: process.env,
  secrets,
  appVersion: process.env.npm_package_version ?? '0.0.0',
  migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
});
const core = await createCore(config, { logger, secrets });
const server = await startWebServer({ core, port });
logger.info(`Kroi Dealership Desktop (browser harness) at ${server.url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
