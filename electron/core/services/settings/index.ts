// The admin's Settings back end (connection, system configuration, health and maintenance),
// built once by createCore and reached through the settings.* and health.* channels.
import type pg from 'pg';
import type { EventBus } from '../../api/events';
import type { Cache } from '../../cache/cache';
import type { PoolSettings } from '../../db/pool';
import type { Db } from '../../db/prisma';
import type { Logger } from '../../logger';
import type { SecretStore } from '../../secrets';
import type { SystemConfig } from '../system-config';
import { createConnectionService } from './connection';
import { createCopyToServer } from './copy-to-server';
import { createHealthService } from './health';
import { createMaintenanceService } from './maintenance';
import { createSystemConfigAdmin } from './system-config-admin';

export interface SettingsDeps {
  db: Db;
  pool: pg.Pool;
  poolSettings: PoolSettings;
  cache: Cache;
  events: EventBus;
  logger: Logger;
  systemConfig: SystemConfig;
  secrets: SecretStore;
  userDataDir: string;
  /** The connection in use (with credentials: never sent or logged). */
  url: string;
  databaseKind: 'embedded' | 'server';
  redis: { url: string; password: string | null } | null;
  resourcesDir: string | null;
}

export function createSettingsServices(deps: SettingsDeps) {
  const connection = createConnectionService({ ...deps, redisUrl: deps.redis?.url ?? null });
  const copy = createCopyToServer({ ...deps, connection });
  const maintenance = createMaintenanceService(deps);
  return {
    connection,
    copy,
    systemConfig: createSystemConfigAdmin(deps),
    health: createHealthService(deps),
    maintenance,
    async stop(): Promise<void> {
      copy.stop();
      await maintenance.stop();
    },
  };
}

export type SettingsServices = ReturnType<typeof createSettingsServices>;
