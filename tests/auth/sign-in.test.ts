// First-run setup, sign-in and lockout, sessions, user management rules and the password
// reset flow, through the real router on a real database. The tests of this file build on
// each other in order (one database: setup first, then everything else).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../../electron/core/api/contract';
import type { ApiResult } from '../../electron/core/api/errors';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { createTestCore, TestClient, type TestCore } from '../support/core';
import { TEST_PASSWORD } from '../support/users';
import { CHANNEL_CASES, makeUser, sessionClient } from './fixtures/channels';

// bcrypt at cost 12 takes ~0.3 s per sign-in, several seconds on a busy machine.
const SLOW = { timeout: 120_000 };

let t: TestCore;
/** A second core (another PC) on the same database. */
let other: Core;

// Exactly 72 bytes with multi-byte letters: the limit counts UTF-8 bytes, not characters.
const ADMIN_PASSWORD = 'Ä'.repeat(20) + 'Kroi-Autokeskus-2026-Vahva-Avain';
const INVALID = { code: 'UNAUTHENTICATED', message: 'The email or password is not right.' };
// Session idle time for this file, set before the first call (the core caches settings briefly).
const IDLE_HOURS = 0.5;

let admin: TestClient;
let adminEmail: string;
let adminId: string;

beforeAll(async () => {
  t = await createTestCore();
  await t.core.db.systemConfig.create({ data: { key: 'session.idleHours', value: IDLE_HOURS } });
  other = await createCore(t.core.config, { logger: quietLogger() });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function counts(): Promise<{ users: number; sessions: number; logs: number; attempts: number }> {
  const { rows } = await t.core.pool.query(`
    SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM sessions)::int AS sessions,
           (SELECT count(*) FROM activity_logs)::int AS logs, (SELECT count(*) FROM auth_attempts)::int AS attempts`);
  return rows[0];
}

function signIn(client: TestClient, email: string, password: string) {
  return client.call('auth.signIn', { email, password, remember: false });
}

const sessionsOf = (userId: string) => t.core.db.session.count({ where: { userId } });
const errorOf = (r: ApiResult<unknown>) => (r.ok ? null : r.error);

describe('first-run setup', SLOW, () => {
  it('an empty users table needs setup', async () => {
    expect(await new TestClient(t.core).ok('auth.setupState', {})).toEqual({ needsSetup: true, keychainAvailable: false });
    expect(await new TestClient(t.core, true).ok('auth.setupState', {})).toEqual({ needsSetup: true, keychainAvailable: true });
  });

  it('refuses a common password on the field password and writes nothing', async () => {
    const before = await counts();
    for (const password of ['salasana123', 'Salasana123!']) {
      const r = await new TestClient(t.core).call('auth.setup', { email: 'eka@kroi.test', name: 'Eka', password });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a password of 73 bytes, counted in bytes', async () => {
    expect(new TextEncoder().encode(ADMIN_PASSWORD).length).toBe(72);
    const before = await counts();
    // 37 characters but 73 bytes: a character count would let it through.
    for (const password of ['ä'.repeat(36) + 'x', ADMIN_PASSWORD + 'x']) {
      expect(new TextEncoder().encode(password).length).toBe(73);
      const r = await new TestClient(t.core).call('auth.setup', { email: 'eka@kroi.test', name: 'Eka', password });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
    }
    expect(await counts()).toEqual(before);
  });

  it('creates one SUPER_ADMIN when two PCs set up at once', async () => {
    const a = new TestClient(t.core);
    const b = new TestClient(other);
    const [ra, rb] = await Promise.all([
      a.call('auth.setup', { email: 'paakayttaja@kroi.test', name: 'Pää Käyttäjä', password: ADMIN_PASSWORD }),
      b.call('auth.setup', { email: 'toinen@kroi.test', name: 'Toinen', password: ADMIN_PASSWORD }),
    ]);
    const wins = [ra, rb].filter((r) => r.ok);
    expect(wins).toHaveLength(1);
    expect([ra, rb].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const session = (wins[0] as Extract<typeof ra, { ok: true }>).data;
    expect(session.user).toMatchObject({ role: 'SUPER_ADMIN', isActive: true, mustChangePassword: false });
    admin = ra.ok ? a : new TestClient(t.core);
    if (!ra.ok) admin.sessionToken = b.sessionToken; // sessions are shared: the same database
    adminEmail = session.user.email;
    adminId = session.user.id;
    expect(await counts()).toMatchObject({ users: 1, sessions: 1 });
    expect(await t.core.db.activityLog.findFirst({ where: { action: 'user.create', entityId: adminId } })).toMatchObject({ userId: adminId });
    expect(await admin.ok('auth.me', {})).toMatchObject({ user: { id: adminId } });
    expect(await new TestClient(t.core).ok('auth.setupState', {})).toMatchObject({ needsSetup: false });
  });

  it('refuses a later setup with CONFLICT and writes nothing', async () => {
    const before = await counts();
    const r = await new TestClient(t.core).call('auth.setup', { email: 'myohassa@kroi.test', name: 'Myöhässä', password: 'Myohastynyt-Asennus-42' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await counts()).toEqual(before);
  });
});

describe('sign-in', SLOW, () => {
  it('signs in with the 72-byte password and keeps lastLoginAt', async () => {
    const before = (await t.core.db.user.findUniqueOrThrow({ where: { id: adminId } })).lastLoginAt!;
    await new Promise((r) => setTimeout(r, 20));
    const session = await new TestClient(t.core).ok('auth.signIn', { email: adminEmail, password: ADMIN_PASSWORD, remember: false });
    const after = (await t.core.db.user.findUniqueOrThrow({ where: { id: adminId } })).lastLoginAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
    expect(Math.abs(after.getTime() - Date.now())).toBeLessThan(10_000);
    expect(session.user.lastLoginAt).toBe(after.toISOString());
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await makeUser(t.core);
    const wrong = await signIn(new TestClient(t.core), user.email, 'Vaara-Salasana-99');
    const unknown = await signIn(new TestClient(t.core), 'ei-ketaan@kroi.test', TEST_PASSWORD);
    expect(errorOf(wrong)).toEqual(INVALID);
    expect(errorOf(unknown)).toEqual(errorOf(wrong));
  });

  let knownLock: NonNullable<ReturnType<typeof errorOf>>;

  it('locks an account after 5 failures in 15 minutes, even for the right password', async () => {
    const user = await makeUser(t.core);
    for (let i = 0; i < 5; i++) expect(errorOf(await signIn(new TestClient(t.core), user.email, `Vaara-Salasana-${i}0`))).toEqual(INVALID);
    const before = await counts();
    const locked = await signIn(new TestClient(t.core), user.email, TEST_PASSWORD);
    expect(locked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const retry = errorOf(locked)!.details!.retryAfterSeconds as number;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(900);
    expect(errorOf(locked)!.message).not.toContain(user.email);
    knownLock = errorOf(locked)!;
    expect((await counts()).sessions).toBe(before.sessions);

    // Once the failures are older than the window, the right password works again.
    await t.core.pool.query(`UPDATE auth_attempts SET created_at = created_at - interval '16 minutes' WHERE email = $1`, [user.email]);
    expect((await signIn(new TestClient(t.core), user.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it('locks an unknown email the same way (no hint that it does not exist)', async () => {
    const unknownEmail = 'ei-tunnettu@kroi.test';
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await signIn(new TestClient(t.core), unknownEmail, `Arvaus-Salasana-${i}0`))).toEqual(INVALID);
    }
    const forUnknown = errorOf(await signIn(new TestClient(t.core), unknownEmail, TEST_PASSWORD))!;
    expect(forUnknown.code).toBe('RATE_LIMITED');
    // Compared with the known account's lock above (the minutes left may differ by one).
    const shape = (e: typeof forUnknown) => ({ code: e.code, message: e.message.replace(/\d+/g, 'N'), details: Object.keys(e.details ?? {}) });
    expect(shape(forUnknown)).toEqual(shape(knownLock));
  });

  it('shares the lockout between two PCs on one database', async () => {
    const user = await makeUser(t.core);
    // 3 failures on this PC and 2 on the other: 5 in all.
    for (let i = 0; i < 3; i++) await signIn(new TestClient(t.core), user.email, `Vaara-Salasana-${i}0`);
    for (let i = 0; i < 2; i++) await signIn(new TestClient(other), user.email, `Vaara-Salasana-${i}1`);
    expect(await signIn(new TestClient(t.core), user.email, TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await signIn(new TestClient(other), user.email, TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('takes as long for an unknown email as for a wrong password', async () => {
    const user = await makeUser(t.core);
    // Wall time shows what an attacker sees; this process's CPU time is the work done
    // (bcryptjs runs here, the database elsewhere) and stays steady on a busy machine.
    const timed = async (email: string) => {
      const [wall0, cpu0] = [performance.now(), process.cpuUsage()];
      const r = await signIn(new TestClient(t.core), email, 'Vaara-Salasana-77');
      const cpu = process.cpuUsage(cpu0);
      expect(errorOf(r)).toEqual(INVALID);
      return { wall: performance.now() - wall0, cpu: (cpu.user + cpu.system) / 1000 };
    };
    await timed('lammittely@kroi.test'); // warm-up
    const unknown: { wall: number; cpu: number }[] = [];
    const known: { wall: number; cpu: number }[] = [];
    // Interleaved so that load drifts affect both alike.
    for (let i = 0; i < 5; i++) {
      unknown.push(await timed(`tuntematon-${i}@kroi.test`));
      known.push(await timed(user.email));
    }
    // Medians: one spike must not decide.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const of = (runs: typeof known, key: 'wall' | 'cpu') => median(runs.map((r) => r[key]));
    const report = `unknown ${of(unknown, 'wall').toFixed(0)} ms (cpu ${of(unknown, 'cpu').toFixed(0)}), known ${of(known, 'wall').toFixed(0)} ms (cpu ${of(known, 'cpu').toFixed(0)})`;
    // Both pay a full bcrypt compare (a skipped one takes a few ms)…
    for (const runs of [unknown, known]) {
      expect(of(runs, 'wall'), report).toBeGreaterThan(100);
      expect(of(runs, 'cpu'), report).toBeGreaterThan(100);
    }
    // …and the work differs by much less than the cost of one.
    const [u, k] = [of(unknown, 'cpu'), of(known, 'cpu')];
    expect(Math.abs(u - k) / Math.max(u, k), report).toBeLessThan(0.35);
  });
});

describe('sessions', SLOW, () => {
  it('stores only a SHA-256 of the token', async () => {
    const user = await makeUser(t.core);
    const client = new TestClient(t.core);
    await client.ok('auth.signIn', { email: user.email, password: TEST_PASSWORD, remember: false });
    const token = client.sessionToken!;
    const rows = await t.core.db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sessionToken).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.sessionToken).toBe(sha256(token));
    const { rows: raw } = await t.core.pool.query(`SELECT count(*)::int AS n FROM sessions WHERE position($1 in row_to_json(sessions)::text) > 0`, [token]);
    expect(raw[0].n).toBe(0);
  });

  it('lasts session.idleHours from system_config', async () => {
    const user = await makeUser(t.core);
    const session = await new TestClient(t.core).ok('auth.signIn', { email: user.email, password: TEST_PASSWORD, remember: false });
    const expected = Date.now() + IDLE_HOURS * 3600_000;
    expect(Math.abs(new Date(session.expiresAt).getTime() - expected)).toBeLessThan(60_000);
  });

  it('ends after the idle time (UNAUTHENTICATED, row removed) and slides with use before that', async () => {
    const user = await makeUser(t.core);
    const client = await sessionClient(t.core, user.id);
    const row = { sessionToken: sha256(client.sessionToken!) };

    // Used 5 minutes ago, 1 minute left: a call slides the expiry to a full idle time.
    await t.core.db.session.update({ where: row, data: { lastSeenAt: new Date(Date.now() - 300_000), expires: new Date(Date.now() + 60_000) } });
    await client.ok('auth.me', {});
    const slid = await t.core.db.session.findUniqueOrThrow({ where: row });
    expect(Math.abs(slid.expires.getTime() - (Date.now() + IDLE_HOURS * 3600_000))).toBeLessThan(60_000);

    await t.core.db.session.update({ where: row, data: { expires: new Date(Date.now() - 1000) } });
    expect(await client.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.core.db.session.count({ where: row })).toBe(0);
  });

  it('sign-out deletes the session and only that one', async () => {
    const user = await makeUser(t.core);
    const a = await sessionClient(t.core, user.id);
    const b = await sessionClient(t.core, user.id);
    const token = a.sessionToken!;
    await a.ok('auth.signOut', {});
    expect(a.sessionToken).toBeNull();
    expect(await t.core.db.session.count({ where: { sessionToken: sha256(token) } })).toBe(0);
    a.sessionToken = token; // a stolen copy of the old token is worthless
    expect(await a.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await b.ok('auth.me', {});
  });

  it('deactivating a user ends their sessions at once; the user cannot sign in until reactivated', async () => {
    const user = await makeUser(t.core);
    const a = new TestClient(t.core);
    await a.ok('auth.signIn', { email: user.email, password: TEST_PASSWORD, remember: false });
    const b = await sessionClient(t.core, user.id);
    const updated = await admin.ok('users.update', { id: user.id, version: user.version, isActive: false });
    expect(updated.isActive).toBe(false);
    expect(await sessionsOf(user.id)).toBe(0);
    for (const c of [a, b]) expect(await c.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Same answer as a wrong password: a deactivated account is not revealed either.
    expect(errorOf(await signIn(new TestClient(t.core), user.email, TEST_PASSWORD))).toEqual(INVALID);

    await admin.ok('users.update', { id: user.id, version: updated.version, isActive: true });
    expect((await signIn(new TestClient(t.core), user.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it('a user deactivated by another PC is signed out on the next call here', async () => {
    const user = await makeUser(t.core);
    const client = await sessionClient(t.core, user.id);
    await t.core.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await client.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a role change ends the sessions, a name change does not', async () => {
    const user = await makeUser(t.core, { role: 'ADMIN' });
    const client = await sessionClient(t.core, user.id);
    const renamed = await admin.ok('users.update', { id: user.id, version: user.version, name: 'Uusi Nimi' });
    await client.ok('auth.me', {});
    await admin.ok('users.update', { id: user.id, version: renamed.version, role: 'VIEWER' });
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await client.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('user management rules', SLOW, () => {
  const me = () => t.core.db.user.findUniqueOrThrow({ where: { id: adminId } });

  it('the last active SUPER_ADMIN cannot be deactivated or demoted', async () => {
    const before = await me();
    for (const change of [{ isActive: false }, { role: 'ADMIN' as const }, { role: 'VIEWER' as const }]) {
      const r = await admin.call('users.update', { id: adminId, version: before.version, ...change });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect(await me()).toMatchObject({ version: before.version, role: 'SUPER_ADMIN', isActive: true });
    await admin.ok('auth.me', {});
  });

  it('an inactive SUPER_ADMIN does not count; an active second one does', async () => {
    const second = await makeUser(t.core, { role: 'SUPER_ADMIN', isActive: false });
    expect(await admin.call('users.update', { id: adminId, version: (await me()).version, role: 'ADMIN' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const active = await admin.ok('users.update', { id: second.id, version: second.version, isActive: true });
    const secondClient = await sessionClient(t.core, second.id);
    // Now the first one can be demoted (by the second), and its sessions end.
    const demoted = await secondClient.ok('users.update', { id: adminId, version: (await me()).version, role: 'ADMIN' });
    expect(demoted.role).toBe('ADMIN');
    expect(await admin.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The second is the last one now.
    expect(await secondClient.call('users.update', { id: second.id, version: active.version, isActive: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await secondClient.ok('users.update', { id: adminId, version: demoted.version, role: 'SUPER_ADMIN' });
    admin = new TestClient(t.core);
    await admin.ok('auth.signIn', { email: adminEmail, password: ADMIN_PASSWORD, remember: false });
    // Two active SUPER_ADMINs: either may be deactivated.
    const off = await admin.ok('users.update', { id: second.id, version: active.version, isActive: false });
    expect(off.isActive).toBe(false);
  });

  it('a stale version answers CONFLICT with the current user and changes nothing', async () => {
    const user = await makeUser(t.core);
    const fresh = await admin.ok('users.update', { id: user.id, version: user.version, name: 'Ensimmäinen' });
    expect(fresh.version).toBe(user.version + 1);
    const stale = await admin.call('users.update', { id: user.id, version: user.version, name: 'Vanhentunut' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { current: { version: fresh.version, name: 'Ensimmäinen' } } } });
    expect(await t.core.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: 'Ensimmäinen', version: fresh.version });

    // Two PCs saving the same version at once: one wins, one is told.
    const onOther = new TestClient(other);
    onOther.sessionToken = admin.sessionToken;
    const results = await Promise.all([
      admin.call('users.update', { id: user.id, version: fresh.version, name: 'PC 1' }),
      onOther.call('users.update', { id: user.id, version: fresh.version, name: 'PC 2' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.core.db.user.findUniqueOrThrow({ where: { id: user.id } })).version).toBe(fresh.version + 1);
  });
});

describe('password reset', SLOW, () => {
  const TEMP = 'Tilapainen-Avain-4821';
  const NEW = 'Oma-Uusi-Avain-7305';
  let userId: string;
  let email: string;
  let first: TestClient;
  let second: TestClient;

  it('ends the user’s sessions and lets them in with the temporary password', async () => {
    // A SUPER_ADMIN, so that every channel is within its role and only the reset refuses.
    const user = await makeUser(t.core, { role: 'SUPER_ADMIN' });
    userId = user.id;
    email = user.email;
    const old = await sessionClient(t.core, userId);
    const reset = await admin.ok('users.resetPassword', { id: userId, temporaryPassword: TEMP });
    expect(reset).toMatchObject({ mustChangePassword: true, version: user.version + 1 });
    expect(await old.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(errorOf(await signIn(new TestClient(t.core), email, TEST_PASSWORD))).toEqual(INVALID);

    first = new TestClient(t.core);
    const session = await first.ok('auth.signIn', { email, password: TEMP, remember: false });
    expect(session.user.mustChangePassword).toBe(true);
    second = await sessionClient(t.core, userId);
  });

  it('refuses every other channel with FORBIDDEN and details.mustChangePassword until the password is changed', async () => {
    const open = new Set<ChannelName>(['auth.me', 'auth.signOut', 'auth.changePassword', 'system.status']);
    const guarded = (Object.keys(contract) as ChannelName[]).filter((c) => contract[c].access !== 'public' && !open.has(c));
    expect(guarded.length).toBeGreaterThan(0);
    for (const channel of guarded) {
      expect(CHANNEL_CASES[channel], `${channel} has no test input in tests/auth/fixtures/channels.ts`).toBeDefined();
      const input = await CHANNEL_CASES[channel].input(t.core, { role: 'SUPER_ADMIN', userId });
      const before = await counts();
      const r = await t.core.router.call(channel, input, first);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { mustChangePassword: true } } });
      expect(await counts(), channel).toEqual(before);
    }
    expect(await first.ok('auth.me', {})).toMatchObject({ user: { id: userId, mustChangePassword: true } });
    await first.ok('system.status', {});
    await first.ok('auth.setupState', {});
  });

  it('auth.changePassword checks the current password and the policy', async () => {
    const hashBefore = (await t.core.db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;
    expect(await first.call('auth.changePassword', { currentPassword: 'Ei-Oikea-Salasana-1', newPassword: NEW })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: expect.any(String) } },
    });
    for (const weak of ['Salasana123!', 'qwerty123456']) {
      expect(await first.call('auth.changePassword', { currentPassword: TEMP, newPassword: weak })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { newPassword: expect.any(String) } },
      });
    }
    expect(await first.call('auth.changePassword', { currentPassword: TEMP, newPassword: 'lyhyt' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ passwordHash: hashBefore, mustChangePassword: true });
  });

  it('then works, keeps this session, ends the others, and opens the other channels', async () => {
    await first.ok('auth.changePassword', { currentPassword: TEMP, newPassword: NEW });
    expect(await first.ok('auth.me', {})).toMatchObject({ user: { mustChangePassword: false } });
    expect((await first.ok('users.list', {})).length).toBeGreaterThan(1);
    expect(await second.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(errorOf(await signIn(new TestClient(t.core), email, TEMP))).toEqual(INVALID);
    expect((await signIn(new TestClient(t.core), email, NEW)).ok).toBe(true);
  });

  it('changing one’s own password keeps the current session and ends the others', async () => {
    const user = await makeUser(t.core);
    const here = await sessionClient(t.core, user.id);
    const elsewhere = await sessionClient(t.core, user.id);
    await here.ok('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'Katsastus-Huomenna-31' });
    await here.ok('auth.me', {});
    expect(await elsewhere.call('auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await sessionsOf(user.id)).toBe(1);
  });
});
