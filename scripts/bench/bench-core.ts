// A real core on the benchmark database, the local Redis (keys under "bench:"), and a
// signed-in caller that goes through the router exactly as a window does.
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/core/api/contract';
import type { CallContext } from '../../electron/core/api/router';
import type { Role } from '../../electron/core/api/dto';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { hashPassword } from '../../electron/core/services/passwords';

const PASSWORD = 'bench-Koeajo-2026-pw';

export class BenchClient implements CallContext {
  sessionToken: string | null = null;
  readonly keychainAvailable = false;
  constructor(private readonly core: Core) {}
  async setSessionToken(token: string | null): Promise<void> {
    this.sessionToken = token;
  }
  async rememberedToken(): Promise<string | null> {
    return null;
  }
  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.core.router.call(channel, input, this);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  }
}

export async function benchCore(url: string): Promise<Core> {
  return createCore(
    {
      appVersion: 'bench',
      userDataDir: '/tmp',
      database: { mode: 'server', url },
      redis: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', password: null, keyPrefix: 'bench:' },
      pool: DEFAULT_POOL,
      background: false,
    },
    { logger: quietLogger() },
  );
}

/** A bench user of the role, created once, signed in through auth.signIn. */
export async function signedIn(core: Core, role: Role): Promise<BenchClient> {
  const email = `bench-${role.toLowerCase()}@kroi.local`;
  const existing = await core.db.user.findUnique({ where: { email } });
  if (!existing) await core.db.user.create({ data: { email, name: `Bench ${role}`, role, passwordHash: await hashPassword(PASSWORD) } });
  else await core.db.authAttempt.deleteMany({ where: { email } });
  const client = new BenchClient(core);
  await client.call('auth.signIn', { email, password: PASSWORD, remember: false });
  return client;
}
