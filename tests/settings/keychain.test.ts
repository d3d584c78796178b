// Settings → Connection with a real Secret Service (a private D-Bus and gnome-keyring, see
// tests/support/keyring.ts): passwords go to the keychain and never into settings.json,
// the answer or the audit log; null forgets one, and a missing one is kept as it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_FILE } from '../../electron/core/config';
import { SECRET, type SecretStore } from '../../electron/core/secrets';
import { createKeychain, KEYCHAIN_SERVICE } from '../../electron/platform/keychain';
import { startKeyring, type PrivateKeyring } from '../support/keyring';
import { startSettingsEnv, type SettingsEnv } from './helpers';

const DB_PASSWORD = 'Palvelin:salasana/ä@1';
const REDIS_PASSWORD = 'Välimuisti-salasana#2';

let keyring: PrivateKeyring;
let secrets: SecretStore;
let env: SettingsEnv;
let savedBus: string | undefined;

beforeAll(async () => {
  keyring = await startKeyring();
  // keytar reads the bus address when it first connects: set before the first keychain call.
  savedBus = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.address;
  secrets = createKeychain();
  env = await startSettingsEnv({ secrets });
});

afterAll(async () => {
  await env?.close();
  if (savedBus === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
  else process.env.DBUS_SESSION_BUS_ADDRESS = savedBus;
  await keyring?.stop();
});

const admin = () => env.users.SUPER_ADMIN;
const server = { host: '127.0.0.1', port: 5432, user: 'postgres', sslMode: 'disable' as const };

describe('saving passwords', () => {
  it('puts them in the keychain and nowhere else', async () => {
    const r = await admin().ok('settings.saveConnection', {
      database: { ...server, database: env.database.name, password: DB_PASSWORD },
      redis: { host: '127.0.0.1', port: 6379, db: 0, tls: false, password: REDIS_PASSWORD },
    });
    expect(r.connection).toMatchObject({ keychainAvailable: true, databasePasswordSaved: true, redisPasswordSaved: true });
    expect(await secrets.get(SECRET.serverPassword)).toBe(DB_PASSWORD);
    expect(await secrets.get(SECRET.redisPassword)).toBe(REDIS_PASSWORD);
    expect(keyring.hasItem(KEYCHAIN_SERVICE, SECRET.serverPassword)).toBe(true);

    const file = readFileSync(path.join(env.userDataDir, SETTINGS_FILE), 'utf8');
    expect(JSON.parse(file)).toEqual({ database: { ...server, database: env.database.name }, redis: { host: '127.0.0.1', port: 6379, db: 0, tls: false } });
    for (const text of [file, JSON.stringify(r), env.logs.join('\n')]) {
      expect(text).not.toContain(DB_PASSWORD);
      expect(text).not.toContain(REDIS_PASSWORD);
    }
    const audit = await env.core.db.activityLog.findMany({ where: { action: 'settings.connection' } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit.map((a) => [a.changes, a.metadata]))).not.toContain(DB_PASSWORD);
    expect(audit[0]!.metadata).toMatchObject({ databasePasswordChange: 'changed', redisPasswordChange: 'changed' });
    // The core now runs on what was saved (same server, same database, same Redis).
    expect(r.connection.restartPending).toBe(false);
  });

  it('a test of the saved server uses the saved password without the renderer sending it', async () => {
    // The test server trusts local connections, so the proof is that the saved target still connects.
    const r = await admin().ok('settings.testConnection', { kind: 'database', ...server, database: env.database.name });
    expect(r.ok).toBe(true);
  });

  it('keeps a password that is not sent, and forgets one sent as null', async () => {
    await admin().ok('settings.saveConnection', { database: { ...server, database: env.database.name, sslMode: 'require' }, redis: { host: '127.0.0.1', port: 6379, db: 0, tls: false, password: null } });
    expect(await secrets.get(SECRET.serverPassword)).toBe(DB_PASSWORD);
    expect(await secrets.get(SECRET.redisPassword)).toBeNull();
    const c = await admin().ok('settings.getConnection', {});
    expect(c).toMatchObject({ databasePasswordSaved: true, redisPasswordSaved: false });
    await secrets.delete(SECRET.serverPassword);
  });
});
