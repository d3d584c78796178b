// A real core on a test database and the real Redis (keys isolated by a prefix), and a
// transport-like caller that keeps the session token the way the main process does.
import { randomBytes } from 'node:crypto';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/core/api/contract';
import type { ApiResult } from '../../electron/core/api/errors';
import type { CallContext } from '../../electron/core/api/router';
import type { CoreConfig } from '../../electron/core/config';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { createTestDatabase, type TestDatabase } from './db';
import { REDIS_URL } from './env';

export interface TestCore {
  core: Core;
  database: TestDatabase;
  keyPrefix: string;
  close(): Promise<void>;
}

export async function createTestCore(overrides: Partial<CoreConfig> = {}): Promise<TestCore> {
  const database = await createTestDatabase();
  const keyPrefix = `test:${randomBytes(4).toString('hex')}:`;
  const config: CoreConfig = {
    appVersion: 'test',
    userDataDir: '/tmp',
    database: { mode: 'server', url: database.url },
    redis: { url: REDIS_URL, password: null, keyPrefix },
    pool: { ...DEFAULT_POOL, max: 4 },
    background: false,
    // A background core would otherwise run the scheduled backups it finds missed.
    scheduledJobs: false,
    // On a loaded CI box a healthy Redis can miss the app's 50 ms budget now and then; tests
    // of what gets cached should not flake on that. The Redis-down tests use the real budget.
    cacheCommandTimeoutMs: 1000,
    ...overrides,
  };
  const core = await createCore(config, { logger: quietLogger() });
  return {
    core,
    database,
    keyPrefix,
    async close() {
      await core.close();
      await database.drop();
    },
  };
}

/** One caller (one window): holds its session token like the main process does. */
export class TestClient implements CallContext {
  sessionToken: string | null = null;
  remembered: string | null = null;
  constructor(
    private readonly core: Core,
    public keychainAvailable = false,
  ) {}

  async setSessionToken(token: string | null, remember: boolean): Promise<void> {
    this.sessionToken = token;
    this.remembered = remember ? token : token === null ? null : this.remembered;
  }

  async rememberedToken(): Promise<string | null> {
    return this.remembered;
  }

  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
    return this.core.router.call(channel, input, this) as Promise<ApiResult<ChannelOutput<C>>>;
  }

  /** Calls and unwraps, failing loudly on an error answer. */
  async ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.call(channel, input);
    if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
    return result.data;
  }
}
