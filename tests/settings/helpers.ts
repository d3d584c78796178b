// Shared by the settings tests: a real core on a database of its own with a temporary user
// data folder, an optional keychain, every log line it writes, and signed-in users.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventMap } from '../../electron/core/api/events';
import type { CoreConfig } from '../../electron/core/config';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { createLogger } from '../../electron/core/logger';
import type { SecretStore } from '../../electron/core/secrets';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { REDIS_URL } from '../support/env';
import { createRoleUsers, type RoleClients } from '../support/users';

export interface SettingsEnv {
  core: Core;
  database: TestDatabase;
  userDataDir: string;
  users: RoleClients;
  /** Every line the core logged (debug level and up). */
  logs: string[];
  events: { [E in keyof EventMap]?: EventMap[E][] };
  close(): Promise<void>;
}

export async function startSettingsEnv(opts: { secrets?: SecretStore; overrides?: Partial<CoreConfig> } = {}): Promise<SettingsEnv> {
  const database = await createTestDatabase();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kroi-settings-test-'));
  const logs: string[] = [];
  const config: CoreConfig = {
    appVersion: 'test',
    userDataDir,
    database: { mode: 'server', url: database.url },
    redis: { url: REDIS_URL, password: null, keyPrefix: `test:${randomBytes(4).toString('hex')}:` },
    pool: { ...DEFAULT_POOL, max: 4 },
    background: false,
    ...opts.overrides,
  };
  const core = await createCore(config, { logger: createLogger({ level: 'debug', sink: (line) => logs.push(line) }), ...(opts.secrets ? { secrets: opts.secrets } : {}) });
  const events: SettingsEnv['events'] = { 'backup.progress': [], 'maintenance.progress': [] };
  core.events.on('backup.progress', (p) => events['backup.progress']!.push(p));
  core.events.on('maintenance.progress', (p) => events['maintenance.progress']!.push(p));
  const users = await createRoleUsers(core);
  return {
    core,
    database,
    userDataDir,
    users,
    logs,
    events,
    async close() {
      await core.close();
      await database.drop();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The final event of a job (bounded, so a hang fails with a message instead of the runner's timeout). */
async function lastEvent<T extends { jobId: string }>(list: T[], jobId: string, isEnd: (p: T) => boolean, limitMs: number): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const end = list.find((p) => p.jobId === jobId && isEnd(p));
    if (end) return end;
    if (Date.now() > until) throw new Error(`job ${jobId} did not finish: ${JSON.stringify(list.filter((p) => p.jobId === jobId).slice(-3))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const vacuumDone = (env: SettingsEnv, jobId: string, limitMs = 60_000) => lastEvent(env.events['maintenance.progress']!, jobId, (p) => p.finished, limitMs);
export const copyDone = (env: SettingsEnv, jobId: string, limitMs = 120_000) => lastEvent(env.events['backup.progress']!, jobId, (p) => p.done, limitMs);

export const ADMIN_CHANNELS = [
  ['settings.getConnection', {}],
  ['settings.testConnection', { kind: 'database', host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', sslMode: 'disable' }],
  ['settings.saveConnection', { database: null, redis: null }],
  ['settings.copyToServer', { target: { host: '127.0.0.1', port: 1, database: 'x', user: 'x' }, confirm: false }],
  ['settings.systemConfig.list', {}],
  ['settings.systemConfig.set', { key: 'session.idleHours', value: 4 }],
  ['health.get', {}],
  ['health.vacuum', { table: null }],
] as const;
