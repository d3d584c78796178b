// The OS keychain through keytar against a real Secret Service (a private D-Bus and
// gnome-keyring, see tests/support/keyring.ts), and the app's behaviour without one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS_FILE } from '../../electron/core/config';
import { SECRET, type SecretStore } from '../../electron/core/secrets';
import { createKeychain, KEYCHAIN_SERVICE } from '../../electron/platform/keychain';
import { createTestCore, type TestCore } from '../support/core';
import { KeychainClient, startKeyring, useKeyringBus, type PrivateKeyring } from '../support/keyring';
import { tempDirs } from '../support/temp-dirs';
import { TEST_PASSWORD } from '../support/users';
import { makeUser } from './fixtures/channels';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NO_KEYCHAIN = fileURLToPath(new URL('./fixtures/no-keychain.ts', import.meta.url));
/** keychain.ts gives a keyring that does not answer this long before calling it unavailable. */
const PROBE_TIMEOUT_MS = 3000;

let keyring: PrivateKeyring;
let secrets: SecretStore;
let t: TestCore;
let restoreBus = (): void => undefined;
const temps = tempDirs('kroi-userdata-');
const tempDir = () => temps.make();


beforeAll(async () => {
  [keyring, t] = await Promise.all([startKeyring(), createTestCore()]);
  // keytar (libsecret) reads the bus address when it first connects: set it before the
  // first keychain call, which is what loads keytar (createKeychain imports it lazily).
  restoreBus = useKeyringBus(keyring);
  secrets = createKeychain();
});

afterAll(async () => {
  restoreBus();
  await keyring?.stop();
  await t?.close();
  temps.removeAll();
});

describe('with a Secret Service', () => {
  it('is available', async () => {
    expect(await secrets.available()).toBe(true);
  });

  it.each([SECRET.sessionToken, SECRET.serverPassword])('keeps %s: set, get (also after a restart), delete', async (account) => {
    const value = `pä$s:w/ord@${randomBytes(8).toString('hex')}`;
    expect(await secrets.get(account)).toBeNull();
    await secrets.set(account, value);
    expect(await secrets.get(account)).toBe(value);
    // Really in the Secret Service (looked up over D-Bus, not through keytar).
    expect(keyring.hasItem(KEYCHAIN_SERVICE, account)).toBe(true);
    // A new store, as after the app restarts.
    expect(await createKeychain().get(account)).toBe(value);
    await secrets.delete(account);
    expect(await secrets.get(account)).toBeNull();
    expect(keyring.hasItem(KEYCHAIN_SERVICE, account)).toBe(false);
  });

  it('loadConfig builds the server URL from settings.json and the keychain passwords', async () => {
    const dir = tempDir();
    const database = t.database.name;
    writeFileSync(
      path.join(dir, SETTINGS_FILE),
      JSON.stringify({ database: { host: '127.0.0.1', port: Number(new URL(t.core.databaseUrl).port || 5432), database, user: 'postgres', sslMode: 'disable' }, redis: { host: 'cache.kroi.local' } }),
    );
    const password = `S3rv:er/p@ss wörd#${randomBytes(4).toString('hex')}`;
    const redisPassword = `r3dis&${randomBytes(4).toString('hex')}`;
    await secrets.set(SECRET.serverPassword, password);
    await secrets.set(SECRET.redisPassword, redisPassword);
    try {
      const config = await loadConfig({ userDataDir: dir, env: {}, secrets });
      expect(config.database.mode).toBe('server');
      const url = new URL((config.database as { url: string }).url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.pathname).toBe(`/${database}`);
      expect(url.username).toBe('postgres');
      expect(decodeURIComponent(url.password)).toBe(password);
      expect(config.redis).toMatchObject({ url: 'redis://cache.kroi.local:6379/0', password: redisPassword });
      // The driver reads the same password out of the URL, and the URL reaches the server.
      const client = new pg.Client({ connectionString: (config.database as { url: string }).url });
      expect((client as unknown as { password: string }).password).toBe(password);
      await client.connect();
      expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(database);
      await client.end();
    } finally {
      await secrets.delete(SECRET.serverPassword);
      await secrets.delete(SECRET.redisPassword);
    }
  });

  it('loadConfig for the built-in database makes its password once, in the keychain only', async () => {
    const dir = tempDir();
    const first = await loadConfig({ userDataDir: dir, env: {}, secrets });
    expect(first.database).toMatchObject({ mode: 'embedded', dataDir: path.join(dir, 'database') });
    const secret = (first.database as { secret: string }).secret;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await secrets.get(SECRET.embeddedPassword)).toBe(secret);
    expect(keyring.hasItem(KEYCHAIN_SERVICE, SECRET.embeddedPassword)).toBe(true);

    const second = await loadConfig({ userDataDir: tempDir(), env: {}, secrets: createKeychain() });
    expect((second.database as { secret: string }).secret).toBe(secret);
    expect(readdirSync(dir)).toEqual([]); // nothing written to a file
    await secrets.delete(SECRET.embeddedPassword);
  });

  it('"keep me signed in" keeps the token in the keychain, resumes from it, and forgets it on sign-out', async () => {
    const user = await makeUser(t.core);
    const window1 = await KeychainClient.create(t.core, secrets);
    expect(await window1.ok('auth.setupState', {})).toMatchObject({ keychainAvailable: true });
    const session = await window1.ok('auth.signIn', { email: user.email, password: TEST_PASSWORD, remember: true });
    expect(session.remembered).toBe(true);
    expect(await secrets.get(SECRET.sessionToken)).toBe(window1.sessionToken);
    expect(keyring.hasItem(KEYCHAIN_SERVICE, SECRET.sessionToken)).toBe(true);

    // The app starts again: a new keychain store and a window without a token.
    const window2 = await KeychainClient.create(t.core, createKeychain());
    expect(window2.sessionToken).toBeNull();
    expect(await window2.ok('auth.resume', {})).toMatchObject({ user: { id: user.id }, remembered: true });
    expect(await window2.ok('auth.me', {})).toMatchObject({ user: { id: user.id } });

    await window2.ok('auth.signOut', {});
    expect(await secrets.get(SECRET.sessionToken)).toBeNull();
    expect(keyring.hasItem(KEYCHAIN_SERVICE, SECRET.sessionToken)).toBe(false);
    const window3 = await KeychainClient.create(t.core, secrets);
    expect(await window3.ok('auth.resume', {})).toBeNull();
    expect(window3.sessionToken).toBeNull();
  });

  it('a remembered session that ended elsewhere does not resume, and its token is removed', async () => {
    const user = await makeUser(t.core);
    const window1 = await KeychainClient.create(t.core, secrets);
    await window1.ok('auth.signIn', { email: user.email, password: TEST_PASSWORD, remember: true });
    await t.core.db.session.deleteMany({ where: { userId: user.id } }); // e.g. deactivated by an admin
    const window2 = await KeychainClient.create(t.core, secrets);
    expect(await window2.ok('auth.resume', {})).toBeNull();
    expect(await secrets.get(SECRET.sessionToken)).toBeNull();
  });

  it('signing in without "keep me signed in" keeps nothing in the keychain', async () => {
    const user = await makeUser(t.core);
    const window = await KeychainClient.create(t.core, secrets);
    const session = await window.ok('auth.signIn', { email: user.email, password: TEST_PASSWORD, remember: false });
    expect(session.remembered).toBe(false);
    expect(await secrets.get(SECRET.sessionToken)).toBeNull();
    expect(keyring.hasItem(KEYCHAIN_SERVICE, SECRET.sessionToken)).toBe(false);
  });
});

describe('without a Secret Service', () => {
  interface ChildResult {
    available: boolean;
    probeMs: number;
    get: string | null;
    setError: string | null;
    embedded: { ok?: true; name?: string; problem?: string | null };
    setupState?: unknown;
    signIn?: { ok: boolean; data?: { remembered: boolean } };
    signedIn?: boolean;
    resume?: unknown;
  }

  /** Runs the fixture under tsx with the given bus address (keytar loads fresh there). */
  function runChild(busAddress: string, mode: 'full' | 'probe', extraEnv: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', NO_KEYCHAIN, mode, tempDir()], {
        cwd: ROOT,
        env: { ...process.env, ...extraEnv, DBUS_SESSION_BUS_ADDRESS: busAddress },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const complete = stdout.split('\n').slice(0, -1); // only lines already ended by a newline
        const line = complete.find((l) => l.startsWith('{'));
        if (!line) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as ChildResult);
        // After a keyring that never answered, Node's exit waits for keytar's blocked
        // worker thread forever (see the report): the fixture is done, so end it here.
        child.kill('SIGKILL');
      });
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`fixture exited ${code} without a result: ${stderr.slice(-2000)} ${stdout.slice(-500)}`));
      });
    });
  }

  it('a bus address that leads nowhere: unavailable at once, the built-in database refuses to start, the app still works on a server', async () => {
    const user = await makeUser(t.core);
    const dir = tempDir();
    const r = await runChild(`unix:path=${path.join(dir, 'no-bus-here')}`, 'full', {
      KROI_TEST_DATABASE_URL: t.database.url,
      KROI_TEST_EMAIL: user.email,
      KROI_TEST_PASSWORD: TEST_PASSWORD,
    });
    expect(r.available).toBe(false);
    expect(r.probeMs).toBeLessThan(PROBE_TIMEOUT_MS);
    expect(r.get).toBeNull();
    expect(r.setError).toMatch(/keychain/i);
    expect(r.embedded).toEqual({ name: 'ConfigError', problem: 'KEYCHAIN_UNAVAILABLE' });
    expect(r.setupState).toEqual({ ok: true, data: { needsSetup: false, keychainAvailable: false } });
    // "Keep me signed in" is asked for but cannot be kept: the session works, unremembered.
    expect(r.signIn).toMatchObject({ ok: true, data: { remembered: false } });
    expect(r.signedIn).toBe(true);
    expect(r.resume).toEqual({ ok: true, data: null });
  });

  it('a bus that never answers: unavailable after the probe timeout, not a hang', async () => {
    const dir = tempDir();
    const socket = path.join(dir, 'silent-bus');
    const held: net.Socket[] = [];
    const server = net.createServer((s) => held.push(s)); // accepts, never speaks
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const r = await runChild(`unix:path=${socket}`, 'probe');
      expect(r.available).toBe(false);
      expect(r.probeMs).toBeGreaterThanOrEqual(PROBE_TIMEOUT_MS - 100);
      expect(r.probeMs).toBeLessThan(PROBE_TIMEOUT_MS + 5000); // margin for a busy machine
      expect(r.embedded).toEqual({ name: 'ConfigError', problem: 'KEYCHAIN_UNAVAILABLE' });
    } finally {
      for (const s of held) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
