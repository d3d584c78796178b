// The router: validation, authentication, authorization and error mapping for every channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../electron/core/api/contract';
import { createRouter } from '../electron/core/api/router';
import { createLogger } from '../electron/core/logger';
import { hashToken } from '../electron/core/services/auth';
import { createTestCore, TestClient, type TestCore } from './support/core';
import { createRoleUsers, type RoleClients } from './support/users';

let t: TestCore;
let users: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  users = await createRoleUsers(t.core);
});
afterAll(async () => t?.close());

const channels = Object.keys(contract) as ChannelName[];
const MEGABYTE = 'x'.repeat(1024 * 1024);

async function auditCount(): Promise<number> {
  return t.core.db.activityLog.count();
}

describe('every channel refuses bad input with VALIDATION and writes nothing', () => {
  it.each(channels)('%s', async (channel) => {
    const before = await auditCount();
    const client = users.SUPER_ADMIN;
    const bad: unknown[] = [
      'not an object',
      42,
      [1, 2],
      { unknownField: 1 },
      { __proto__: { polluted: true }, extra: MEGABYTE },
    ];
    for (const input of bad) {
      const result = await t.core.router.call(channel, input, client);
      expect(result.ok, `${channel} accepted ${JSON.stringify(input).slice(0, 40)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    }
    // Each field of the schema: a wrong type and a 1 MB string.
    const shape = (contract[channel].input as { shape?: Record<string, unknown> }).shape ?? {};
    for (const field of Object.keys(shape)) {
      for (const value of [MEGABYTE, { nested: true }, Number.NaN]) {
        const result = await t.core.router.call(channel, { [field]: value }, client);
        expect(result.ok, `${channel}.${field} accepted a bad value`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('VALIDATION');
      }
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('sessions', () => {
  const guarded = channels.filter((c) => contract[c].access !== 'public');

  it.each(guarded)('%s without a session answers UNAUTHENTICATED', async (channel) => {
    const result = await t.core.router.call(channel, {}, new TestClient(t.core));
    // Channels with required fields fail validation first; give them nothing to complain about is not possible,
    // so accept VALIDATION only where the schema has required fields.
    const required = !contract[channel].input.safeParse({}).success;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(required ? 'VALIDATION' : 'UNAUTHENTICATED');
  });

  it('an expired session answers UNAUTHENTICATED and is removed', async () => {
    const client = new TestClient(t.core);
    await client.ok('auth.signIn', { email: 'viewer@kroi.test', password: 'Vaihtoauto-Koeajo-77', remember: false });
    await t.core.db.session.updateMany({ where: { userId: users.ids.VIEWER }, data: { expires: new Date(Date.now() - 1000) } });
    const result = await client.call('system.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.core.db.session.count({ where: { sessionToken: hashToken(client.sessionToken!) } })).toBe(0);
    // The shared VIEWER client signs in again for the other tests.
    await users.VIEWER.ok('auth.signIn', { email: 'viewer@kroi.test', password: 'Vaihtoauto-Koeajo-77', remember: false });
  });

  it('a forged token answers UNAUTHENTICATED', async () => {
    const client = new TestClient(t.core);
    client.sessionToken = 'forged-token-value';
    expect(await client.call('system.status', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('unknown channels and malformed calls', () => {
  it.each([undefined, null, 42, 'cars.drop', '__proto__', 'constructor', 'toString'])('channel %s answers VALIDATION', async (channel) => {
    const result = await t.core.router.call(channel, {}, users.SUPER_ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Unknown channel.' } });
  });
});

describe('errors', () => {
  it('a handler that throws answers INTERNAL without its stack, and the stack is logged', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', sink: (l) => lines.push(l) });
    const boom = new Error('secret detail: password=hunter2 at db.ts:42');
    const router = createRouter({
      handlers: { ...Object.fromEntries(channels.map((c) => [c, async () => { throw boom; }])) } as never,
      auth: { authenticate: async () => null },
      logger,
    });
    const result = await router.call('auth.setupState', {}, new TestClient(t.core));
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. The error was logged.' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(lines.join('\n')).toContain('auth.setupState failed');
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});

describe('system.status', () => {
  it('reports the database and the cache', async () => {
    const status = await users.VIEWER.ok('system.status', {});
    expect(status.database).toMatchObject({ kind: 'server', up: true, name: t.database.name });
    expect(status.database.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(status.schemaVersion).toMatch(/^\d{14}_/);
    expect(status.cache.configured).toBe(true);
  });
});
