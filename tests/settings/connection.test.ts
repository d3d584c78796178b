// Settings → Connection on a core without a keychain: where it is connected (never a
// password), testing PostgreSQL and Redis (quick, plain failures, no password leaking into
// the answer or the log), saving settings.json atomically and refusing to save a password.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_FILE } from '../../electron/core/config';
import { ADMIN_CHANNELS, startSettingsEnv, type SettingsEnv } from './helpers';

const WRONG_PASSWORD = 'Väärä-Salasana_42!';

let env: SettingsEnv;
beforeAll(async () => {
  env = await startSettingsEnv();
});
afterAll(async () => env?.close());

const admin = () => env.users.SUPER_ADMIN;
const settingsFile = () => path.join(env.userDataDir, SETTINGS_FILE);
const target = (over: Record<string, unknown> = {}) => ({ kind: 'database' as const, host: '127.0.0.1', port: 5432, database: env.database.name, user: 'postgres', sslMode: 'disable' as const, ...over });

describe('settings.getConnection', () => {
  it('describes the database and Redis in use, with no password anywhere', async () => {
    const c = await admin().ok('settings.getConnection', {});
    expect(c.database).toEqual({ mode: 'server', host: '127.0.0.1', port: 5432, database: env.database.name, user: 'postgres', sslMode: 'prefer' }); // libpq's default when the URL names none
    expect(c.redis).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0, tls: false });
    expect(c.keychainAvailable).toBe(false);
    expect(c.databasePasswordSaved).toBe(false);
    // settings.json says "built-in database" while the core uses a server: a restart would switch.
    expect(c.saved).toEqual({ database: null, redis: null });
    expect(c.restartPending).toBe(true);
    expect(JSON.stringify(c)).not.toMatch(/password"\s*:\s*"/i);
  });
});

describe('settings.testConnection', () => {
  it('connects to PostgreSQL and reports its version, the round trip and the app tables holding rows', async () => {
    const r = await admin().ok('settings.testConnection', target());
    expect(r.ok).toBe(true);
    expect(r.serverVersion).toMatch(/^1[5-9]\./);
    expect(r.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(r.message).toContain('127.0.0.1:5432');
    expect(r.tablesWithRows).toContain('users');
  });

  it.each([
    ['a closed port', { port: 1 }, /connection refused/],
    ['an unreachable address', { host: '127.0.0.2', port: 5999 }, /127\.0\.0\.2:5999/],
    ['a missing database', { database: 'kroi_no_such_db' }, /does not exist/],
  ])('fails quickly and plainly for %s', async (_label, over, pattern) => {
    const started = Date.now();
    const r = await admin().ok('settings.testConnection', target(over));
    expect(Date.now() - started).toBeLessThan(3500);
    expect(r).toMatchObject({ ok: false, serverVersion: null, roundTripMs: null });
    expect(r.message).toMatch(pattern);
    expect(r.message).not.toMatch(/\n\s+at /); // no stack
  });

  it('never puts the password in the answer or the log', async () => {
    env.logs.length = 0;
    for (const over of [{ port: 1 }, { database: 'kroi_no_such_db' }, { user: 'kroi_no_such_user' }, { host: 'no-such-host.invalid' }]) {
      const r = await admin().call('settings.testConnection', target({ ...over, password: WRONG_PASSWORD }));
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toContain(WRONG_PASSWORD);
      expect(JSON.stringify(r)).not.toContain(encodeURIComponent(WRONG_PASSWORD));
    }
    const r = await admin().call('settings.testConnection', { kind: 'redis', host: '127.0.0.1', port: 1, db: 0, tls: false, password: WRONG_PASSWORD });
    expect(JSON.stringify(r)).not.toContain(WRONG_PASSWORD);
    expect(env.logs.length).toBeGreaterThan(0);
    expect(env.logs.join('\n')).not.toContain(WRONG_PASSWORD);
    expect(env.logs.join('\n')).not.toContain(encodeURIComponent(WRONG_PASSWORD));
  });

  it('tests Redis with one PING, and fails quickly on a closed port', async () => {
    const ok = await admin().ok('settings.testConnection', { kind: 'redis', host: '127.0.0.1', port: 6379, db: 0, tls: false });
    expect(ok).toMatchObject({ ok: true, tablesWithRows: null });
    expect(ok.serverVersion).toMatch(/^\d+\./);
    const started = Date.now();
    const bad = await admin().ok('settings.testConnection', { kind: 'redis', host: '127.0.0.2', port: 1, db: 0, tls: false });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(bad).toMatchObject({ ok: false });
    expect(bad.message).toMatch(/127\.0\.0\.2:1/);
  });

  it('refuses bad input with field messages', async () => {
    for (const input of [
      target({ port: 70000 }),
      target({ host: 'db.example.fi/evil?sslmode=disable' }),
      target({ host: '' }),
      target({ database: 'x'.repeat(64) }),
      target({ sslMode: 'allow' }),
      { ...target(), extra: 1 },
      { kind: 'mongo', host: 'x', port: 1 },
      target({ password: 'x'.repeat(1001) }),
    ]) {
      const r = await admin().call('settings.testConnection', input as never);
      expect(r, JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

describe('settings.saveConnection without a keychain', () => {
  it('refuses a password with a clear message and writes nothing', async () => {
    const r = await admin().call('settings.saveConnection', { database: { host: 'db.kroi.local', port: 5432, database: 'kroi', user: 'kroi_app', sslMode: 'require', password: WRONG_PASSWORD }, redis: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', fields: { 'database.password': expect.any(String) } } });
    expect(!r.ok && r.error.message).toMatch(/keychain/i);
    expect(existsSync(settingsFile())).toBe(false);
    expect(env.logs.join('\n')).not.toContain(WRONG_PASSWORD);
  });

  it('saves the server and Redis (no password) atomically, keeping the other settings, and says a restart is needed', async () => {
    writeFileSync(settingsFile(), JSON.stringify({ backupDir: '/srv/kroi-backups', mediaBaseUrl: 'https://images.kroiautocenter.fi/media' }));
    const r = await admin().ok('settings.saveConnection', {
      database: { host: 'db.kroi.local', port: 5433, database: 'kroi', user: 'kroi_app', sslMode: 'verify-full' },
      redis: { host: 'cache.kroi.local', port: 6380, db: 2, tls: true },
    });
    expect(r.restartRequired).toBe(true);
    expect(r.connection.saved).toEqual({ database: { host: 'db.kroi.local', port: 5433, database: 'kroi', user: 'kroi_app', sslMode: 'verify-full' }, redis: { host: 'cache.kroi.local', port: 6380, db: 2, tls: true } });
    expect(r.connection.restartPending).toBe(true);
    const file = JSON.parse(readFileSync(settingsFile(), 'utf8'));
    expect(file).toEqual({
      backupDir: '/srv/kroi-backups',
      mediaBaseUrl: 'https://images.kroiautocenter.fi/media',
      database: { host: 'db.kroi.local', port: 5433, database: 'kroi', user: 'kroi_app', sslMode: 'verify-full' },
      redis: { host: 'cache.kroi.local', port: 6380, db: 2, tls: true },
    });
    // No temporary file left beside it.
    expect(readdirSync(env.userDataDir).filter((f) => f.startsWith(SETTINGS_FILE))).toEqual([SETTINGS_FILE]);
    const audit = await env.core.db.activityLog.findFirst({ where: { action: 'settings.connection' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ userId: env.users.ids.SUPER_ADMIN, entityType: 'Settings' });
    expect(JSON.stringify(audit?.changes)).toContain('db.kroi.local');
  });

  it('"use the built-in database" removes the server from settings.json', async () => {
    const r = await admin().ok('settings.saveConnection', { database: null, redis: null });
    expect(r.connection.saved).toEqual({ database: null, redis: null });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toEqual({ backupDir: '/srv/kroi-backups', mediaBaseUrl: 'https://images.kroiautocenter.fi/media' });
  });

  it('refuses a settings file that is not valid JSON instead of overwriting it', async () => {
    writeFileSync(settingsFile(), '{ "backupDir": ');
    const r = await admin().call('settings.saveConnection', { database: null, redis: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readFileSync(settingsFile(), 'utf8')).toBe('{ "backupDir": ');
    writeFileSync(settingsFile(), '{}');
  });
});

describe('roles', () => {
  it.each(ADMIN_CHANNELS)('%s answers FORBIDDEN to ADMIN and VIEWER, UNAUTHENTICATED without a session', async (channel, input) => {
    for (const role of ['ADMIN', 'VIEWER'] as const) {
      expect(await env.users[role].call(channel, input as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await env.users.anonymous.call(channel, input as never)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
