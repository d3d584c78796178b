// createCore(config): the database, the cache, the services, the api router and the event
// bus, built in one place and closed again. Electron's main process owns one core; the
// tests and the browser harness build the same one.
import type pg from 'pg';
import { createHandlers } from './api/handlers';
import { EventBus } from './api/events';
import { createRouter, type Router } from './api/router';
import { createCache, type Cache } from './cache/cache';
import type { CoreConfig } from './config';
import { startEmbedded, type EmbeddedServer } from './db/embedded';
import { migrate, type MigrateResult } from './db/migrator';
import { createPool } from './db/pool';
import { createPrisma, type Db } from './db/prisma';
import { createLogger, type Logger } from './logger';
import { createAuditService } from './services/audit';
import { createAuthService } from './services/auth';
import { createStatusService } from './services/status';
import { createSystemConfig } from './services/system-config';
import { createUsersService } from './services/users';
import { createCarsCsv } from './services/cars/cars-csv';
import { createCarsService } from './services/cars/cars-service';
import { createMediaService } from './services/media';
import { patterns } from './cache/keys';
import path from 'node:path';
import { createLeadIntake } from './services/leads/lead-intake';
import { startLeadListener } from './services/leads/lead-listener';
import { createLeadsService } from './services/leads/leads-service';
import { createNewsletterService } from './services/leads/newsletter';
import { createBackupsService, type BackupsService } from './services/backups/backups-service';
import { startScheduler } from './jobs/scheduler';
import { createAnalyticsService, type AnalyticsService } from './services/analytics/analytics-service';
import { noSecretStore, type SecretStore } from './secrets';
import { createSettingsServices } from './services/settings';

export interface Core {
  router: Router;
  events: EventBus;
  config: CoreConfig;
  db: Db;
  pool: pg.Pool;
  cache: Cache;
  logger: Logger;
  /** The connection string in use (with credentials: never log or send it). */
  databaseUrl: string;
  /** Superuser connection of the embedded server, null on a shared server. */
  adminDatabaseUrl: string | null;
  migrations: MigrateResult;
  backups: BackupsService;
  /** Dashboards and the roll-up job (tests run `analytics.rollup.run()` directly). */
  analytics: AnalyticsService;
  close(): Promise<void>;
}

/** `secrets`: the OS keychain in the app; without one, Settings refuses to save passwords. */
export async function createCore(config: CoreConfig, opts: { logger?: Logger; secrets?: SecretStore } = {}): Promise<Core> {
  const logger = opts.logger ?? createLogger();
  const cleanup: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const fn of cleanup.reverse()) await fn().catch((error) => logger.warn('close failed', error));
  };

  try {
    let embedded: EmbeddedServer | null = null;
    let url: string;
    if (config.database.mode === 'embedded') {
      embedded = await startEmbedded({ dataDir: config.database.dataDir, secret: config.database.secret, logger, ...(config.database.port ? { port: config.database.port } : {}) });
      cleanup.push(() => embedded!.stop());
      url = embedded.url;
    } else {
      url = config.database.url;
    }

    const migrations = await migrate(url, config.migrationsDir ? { migrationsDir: config.migrationsDir } : {});
    if (migrations.applied.length) logger.info('database updated', { applied: migrations.applied });

    const pool = createPool(url, config.pool, logger);
    cleanup.push(() => pool.end());
    const db = createPrisma(pool);
    cleanup.push(() => db.$disconnect());

    const events = new EventBus();
    const cache = createCache({
      url: config.redis?.url ?? null,
      password: config.redis?.password ?? null,
      ...(config.redis?.keyPrefix ? { keyPrefix: config.redis.keyPrefix } : {}),
      ...(config.cacheCommandTimeoutMs ? { commandTimeoutMs: config.cacheCommandTimeoutMs } : {}),
      logger,
    });
    cleanup.push(() => cache.close());

    const systemConfig = createSystemConfig(db);
    const auth = createAuthService({ db, pool, config: systemConfig });
    const status = createStatusService({ pool, cache, databaseKind: embedded ? 'embedded' : 'server', url, appVersion: config.appVersion });
    cache.onStatusChange(() => void status.status().then((s) => events.emit('status.changed', s)).catch(() => undefined));

    const cars = createCarsService({ db, pool, cache });
    // An import creates many cars at once: their slug keys (a cached "not found") go too.
    const carsCsv = createCarsCsv({ db, pool, events, invalidateAll: async () => {
      await cache.delPattern('car:slug:*');
      await cache.delPattern(patterns.cars);
    } });
    const media = createMediaService({ mediaDir: config.mediaDir ?? path.join(config.userDataDir, 'media'), baseUrl: config.mediaBaseUrl ?? 'https://images.kroiautocenter.fi/media' });

    const intake = createLeadIntake({ pool, config: systemConfig, logger });
    const leads = createLeadsService({ db, pool, cache, intake });
    if (config.background !== false) {
      const listener = startLeadListener({ url, pool, intake, cache, events, logger });
      cleanup.push(() => listener.stop());
    }

    const analytics = createAnalyticsService({ pool, cache, logger });

    const backups = createBackupsService({
      db,
      pool,
      cache,
      events,
      logger,
      url,
      scratchUrl: embedded?.adminUrl ?? url,
      backupDir: config.backupDir ?? path.join(config.userDataDir, 'backups'),
      resourcesDir: config.resourcesDir ?? null,
      ...(config.migrationsDir ? { migrationsDir: config.migrationsDir } : {}),
    });
    cleanup.push(() => backups.stop());
    if (config.background !== false && config.scheduledJobs !== false) {
      await backups.cleanUpInterrupted().catch((error) => logger.warn('could not tidy interrupted backups', error));
      const scheduler = startScheduler({ url, pool, jobs: [...backups.jobs(), ...analytics.jobs()], logger });
      cleanup.push(() => scheduler.stop());
    }

    const settings = createSettingsServices({
      db,
      pool,
      poolSettings: config.pool,
      cache,
      events,
      logger,
      systemConfig,
      secrets: opts.secrets ?? noSecretStore,
      userDataDir: config.userDataDir,
      url,
      databaseKind: embedded ? 'embedded' : 'server',
      redis: config.redis ? { url: config.redis.url, password: config.redis.password } : null,
      resourcesDir: config.resourcesDir ?? null,
    });
    cleanup.push(() => settings.stop());

    const router = createRouter({
      handlers: createHandlers({ auth, users: createUsersService(db), audit: createAuditService(db), status, cars, carsCsv, media, leads, newsletter: createNewsletterService(db), backups, settings, analytics }),
      auth,
      logger,
    });

    let closed = false;
    return {
      router,
      events,
      config,
      db,
      pool,
      cache,
      logger,
      databaseUrl: url,
      adminDatabaseUrl: embedded?.adminUrl ?? null,
      migrations,
      backups,
      analytics,
      async close() {
        if (closed) return;
        closed = true;
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
