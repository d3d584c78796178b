// A PC without a keychain (Linux without a Secret Service): the shared server's and Redis's
// passwords are asked at start on a script-free page, held in memory for the run and never
// written down. Covers what to ask, the wrapped secret store through loadConfig, the page in
// real Chromium (its POST fed to the parser), the whole chain with the real keychain adapter
// and no Secret Service (a child process), and bad input.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS_FILE, type CoreConfig, type SettingsFile } from '../../electron/core/config';
import { createCore } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import { noSecretStore, SECRET, type SecretStore } from '../../electron/core/secrets';
import {
  parseStartupPasswords,
  passwordsToAsk,
  STARTUP_PASSWORD_MAX,
  withStartupPasswords,
  type StartupAsk,
  type StartupAskKind,
} from '../../electron/core/startup-passwords';
import { createKeychain } from '../../electron/platform/keychain';
import { STARTUP_PASSWORDS_URL, startupPasswordHtml, startupPasswordUrl } from '../../electron/platform/startup-password-page';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { REDIS_URL } from '../support/env';
import { startKeyring, useKeyringBus, type PrivateKeyring } from '../support/keyring';
import { tempDirs } from '../support/temp-dirs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NO_KEYCHAIN = fileURLToPath(new URL('./fixtures/startup-passwords-no-keychain.ts', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the page posts in the browser tests: an http URL page.route can intercept (Chromium here has no app://). */
const ACTION = 'http://kroi.test/__kroi/startup-passwords';

// Characters a form encoding can get wrong: &, =, +, %, spaces, non-ASCII, astral.
const SERVER_PASSWORD = `Pälvelin & sala=sana+%20 /#?😀-${randomBytes(4).toString('hex')}`;
const REDIS_PASSWORD = `välimuisti:${randomBytes(4).toString('hex')} +&`;

let database: TestDatabase;
let browser: Browser;
let keyring: PrivateKeyring;
let restoreBus = (): void => undefined;
const temps = tempDirs('kroi-startup-pw-');
const tempDir = () => temps.make();


function userDataWith(settings: SettingsFile): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, SETTINGS_FILE), JSON.stringify(settings));
  return dir;
}

const sharedSettings = (): SettingsFile => ({
  database: { host: '127.0.0.1', port: 5432, database: database.name, user: 'postgres', sslMode: 'disable' },
  redis: { host: '127.0.0.1', port: 6379, db: 0, tls: false },
});

beforeAll(async () => {
  [database, keyring, browser] = await Promise.all([
    createTestDatabase(),
    startKeyring(),
    chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] }),
  ]);
  // keytar reads the bus address when it first connects: set before the first keychain call.
  restoreBus = useKeyringBus(keyring);
});

afterAll(async () => {
  await browser?.close();
  restoreBus();
  await keyring?.stop();
  await database?.drop();
  temps.removeAll();
});

describe('passwordsToAsk', () => {
  it('without a keychain asks the server and Redis passwords, naming what they are for', async () => {
    const asks = await passwordsToAsk({ userDataDir: userDataWith(sharedSettings()), env: {}, secrets: noSecretStore });
    expect(asks).toEqual([
      { kind: 'server', host: '127.0.0.1', port: 5432, database: database.name, user: 'postgres' },
      { kind: 'redis', host: '127.0.0.1', port: 6379 },
    ]);
  });

  it('asks nothing for a connection the environment gives in full', async () => {
    const userDataDir = userDataWith(sharedSettings());
    expect(await passwordsToAsk({ userDataDir, env: { DATABASE_URL: database.url, REDIS_URL }, secrets: noSecretStore })).toEqual([]);
    expect((await passwordsToAsk({ userDataDir, env: { DATABASE_URL: database.url }, secrets: noSecretStore })).map((a) => a.kind)).toEqual(['redis']);
    expect((await passwordsToAsk({ userDataDir, env: { REDIS_URL }, secrets: noSecretStore })).map((a) => a.kind)).toEqual(['server']);
  });

  it('asks nothing for the built-in database (no settings file) or a server saved without Redis', async () => {
    expect(await passwordsToAsk({ userDataDir: tempDir(), env: {}, secrets: noSecretStore })).toEqual([]);
    const { database: db } = sharedSettings();
    expect((await passwordsToAsk({ userDataDir: userDataWith({ database: db }), env: {}, secrets: noSecretStore })).map((a) => a.kind)).toEqual(['server']);
  });

  it('asks nothing where a keychain works (a real Secret Service)', async () => {
    const keychain = createKeychain();
    expect(await keychain.available()).toBe(true);
    expect(await passwordsToAsk({ userDataDir: userDataWith(sharedSettings()), env: {}, secrets: keychain })).toEqual([]);
  });

  it('a broken settings file is a start-up failure, not a question', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, SETTINGS_FILE), '{ not json');
    await expect(passwordsToAsk({ userDataDir: dir, env: {}, secrets: noSecretStore })).rejects.toMatchObject({ problem: 'INVALID_SETTINGS' });
  });
});

describe('withStartupPasswords', () => {
  it('gives loadConfig the typed passwords: in the server URL and as the Redis password', async () => {
    const userDataDir = userDataWith(sharedSettings());
    const secrets = withStartupPasswords(noSecretStore, { server: SERVER_PASSWORD, redis: REDIS_PASSWORD });
    const config = await loadConfig({ userDataDir, env: {}, secrets });
    expect(config.database.mode).toBe('server');
    const url = new URL((config.database as { url: string }).url);
    expect([url.hostname, url.port, url.pathname, url.username]).toEqual(['127.0.0.1', '5432', `/${database.name}`, 'postgres']);
    expect(decodeURIComponent(url.password)).toBe(SERVER_PASSWORD);
    // The driver reads the same password back out of the URL.
    const client = new pg.Client({ connectionString: url.toString() });
    expect((client as unknown as { password: string }).password).toBe(SERVER_PASSWORD);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379/0', password: REDIS_PASSWORD });
    // Without them the same store and settings connect with no password at all.
    const bare = await loadConfig({ userDataDir, env: {}, secrets: noSecretStore });
    expect(new URL((bare.database as { url: string }).url).password).toBe('');
    expect(bare.redis?.password).toBeNull();
  });

  it('is still no keychain: unavailable, saving refuses, other accounts are not invented, nothing is written', async () => {
    const userDataDir = userDataWith(sharedSettings());
    const before = readFileSync(path.join(userDataDir, SETTINGS_FILE), 'utf8');
    const secrets: SecretStore = withStartupPasswords(noSecretStore, { server: SERVER_PASSWORD });
    expect(await secrets.available()).toBe(false);
    await expect(secrets.set(SECRET.serverPassword, 'new')).rejects.toThrow(/keychain/i);
    expect(await secrets.get(SECRET.serverPassword)).toBe(SERVER_PASSWORD);
    expect(await secrets.get(SECRET.redisPassword)).toBeNull(); // left empty: Redis without a password
    expect(await secrets.get(SECRET.sessionToken)).toBeNull();
    expect(await secrets.get(SECRET.embeddedPassword)).toBeNull();
    await loadConfig({ userDataDir, env: {}, secrets });
    expect(readdirSync(userDataDir)).toEqual([SETTINGS_FILE]);
    expect(readFileSync(path.join(userDataDir, SETTINGS_FILE), 'utf8')).toBe(before);
  });

  it('an environment URL still wins over a typed password', async () => {
    const secrets = withStartupPasswords(noSecretStore, { server: SERVER_PASSWORD, redis: REDIS_PASSWORD });
    const config = await loadConfig({ userDataDir: userDataWith(sharedSettings()), env: { DATABASE_URL: database.url, REDIS_URL }, secrets });
    expect(config.database).toEqual({ mode: 'server', url: database.url });
    expect(config.redis).toEqual({ url: REDIS_URL, password: null });
  });
});

// ---- the page in real Chromium ----

interface Posted {
  method: string;
  contentType: string | undefined;
  body: string;
}

/** Opens the page as the app does (a data: URL) with its form posting to ACTION, answered 204 like the app:// hook. */
async function openPage(opts: { asks: StartupAsk[]; locale?: string; error?: string }): Promise<{ page: Page; posts: Posted[]; nextPost: () => Promise<Posted> }> {
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  const posts: Posted[] = [];
  await page.route('http://kroi.test/**', async (route) => {
    const request: Request = route.request();
    posts.push({ method: request.method(), contentType: (await request.allHeaders())['content-type'], body: request.postData() ?? '' });
    await route.fulfill({ status: 204 });
  });
  await page.goto(startupPasswordUrl({ asks: opts.asks, locale: opts.locale ?? 'en-US', action: ACTION, ...(opts.error ? { error: opts.error } : {}) }));
  /** The oldest post not taken yet (waits for one). */
  const nextPost = async (): Promise<Posted> => {
    await expect.poll(() => posts.length, { timeout: 10_000 }).toBeGreaterThan(0);
    return posts.shift()!;
  };
  return { page, posts, nextPost };
}

const BOTH: StartupAsk[] = [
  { kind: 'server', host: 'db.kroi.local', port: 5432, database: 'kroi', user: 'kroi_app' },
  { kind: 'redis', host: 'cache.kroi.local', port: 6380 },
];

describe('the password page in Chromium', () => {
  it('posts what was typed, url-encoded, and the parser gives it back unchanged', async () => {
    const { page, nextPost } = await openPage({ asks: BOTH });
    try {
      await expect.poll(() => page.locator('script').count()).toBe(0);
      const server = page.getByLabel('Database server password');
      const redis = page.getByLabel('Redis password');
      for (const input of [server, redis]) {
        expect(await input.getAttribute('type')).toBe('password');
        expect(await input.getAttribute('autocomplete')).toBe('off');
      }
      const text = await page.locator('main').innerText();
      expect(text).toContain('No keychain works on this PC');
      expect(text).toContain('asked at every start');
      expect(text).toContain('never written down');
      expect(text).toContain('User kroi_app on db.kroi.local:5432, database kroi');
      expect(text).toContain('cache.kroi.local:6380');
      expect(await page.getByRole('link', { name: 'Quit' }).getAttribute('href')).toBe('app://bundle/__kroi/quit');

      await server.fill(SERVER_PASSWORD);
      await redis.fill(REDIS_PASSWORD);
      await page.getByRole('button', { name: 'Continue' }).click();
      const posted = await nextPost();
      expect(posted.method).toBe('POST');
      expect(posted.contentType).toBe('application/x-www-form-urlencoded');
      expect(posted.body).not.toContain(SERVER_PASSWORD); // encoded, as the hook receives it
      expect(parseStartupPasswords(posted.body, ['server', 'redis'])).toEqual({ ok: true, passwords: { server: SERVER_PASSWORD, redis: REDIS_PASSWORD } });
    } finally {
      await page.context().close();
    }
  });

  it('an empty Redis field means no Redis password; an empty server field is not sent', async () => {
    const { page, posts, nextPost } = await openPage({ asks: BOTH });
    try {
      await page.getByRole('button', { name: 'Continue' }).click();
      // The server field is required: the browser itself keeps the form back.
      expect(await page.getByLabel('Database server password').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
      expect(posts).toHaveLength(0);
      await page.getByLabel('Database server password').fill('s');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(parseStartupPasswords((await nextPost()).body, ['server', 'redis'])).toEqual({ ok: true, passwords: { server: 's' } });
    } finally {
      await page.context().close();
    }
  });

  it('escapes host names and users; nothing of them runs', async () => {
    const evil = '<script>document.title="pwned"</script><img src=x onerror="document.title=1">';
    const asks: StartupAsk[] = [
      { kind: 'server', host: `db${evil}`, port: 5432, database: `"'><b>k</b>`, user: evil },
      { kind: 'redis', host: evil, port: 6379 },
    ];
    const html = startupPasswordHtml({ asks, locale: 'en', action: ACTION });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&#60;script&#62;');
    const { page } = await openPage({ asks });
    try {
      expect(await page.locator('script, img, b').count()).toBe(0);
      expect(await page.title()).toBe('Passwords for the shared server');
      expect(await page.locator('main').innerText()).toContain(`User ${evil} on db${evil}:5432`);
    } finally {
      await page.context().close();
    }
  });

  it('its CSP lets the form post only to its own action', async () => {
    const { page, posts } = await openPage({ asks: [BOTH[0]!] });
    try {
      const refused = page.waitForEvent('console', { predicate: (m) => /form-action/.test(m.text()), timeout: 10_000 });
      await page.getByLabel('Database server password').fill('secret');
      // A form retargeted elsewhere (devtools can do that; a page script could not, there is none).
      await page.locator('form').evaluate((form) => ((form as HTMLFormElement).action = 'http://kroi.test/elsewhere'));
      // No waiting for the navigation after the click: the point is that none happens.
      await page.getByRole('button', { name: 'Continue' }).click({ noWaitAfter: true });
      expect((await refused).text()).toMatch(/violates the following Content Security Policy directive: "form-action http:\/\/kroi\.test\/__kroi\/startup-passwords"/);
      expect(posts).toHaveLength(0);
    } finally {
      await page.context().close();
    }
  });

  it('a password longer than the limit is refused by the parser with a clear message, and the page says it', async () => {
    const { page, nextPost } = await openPage({ asks: BOTH });
    try {
      const server = page.getByLabel('Database server password');
      expect(await server.getAttribute('maxlength')).toBe(String(STARTUP_PASSWORD_MAX));
      // Past the page's own maxlength, as a modified page could send it.
      await server.evaluate((el, n) => {
        el.removeAttribute('maxlength');
        (el as HTMLInputElement).value = 'x'.repeat(n);
      }, STARTUP_PASSWORD_MAX + 1);
      await page.getByRole('button', { name: 'Continue' }).click();
      const result = parseStartupPasswords((await nextPost()).body, ['server', 'redis']);
      expect(result).toEqual({ ok: false, message: `The database server password is longer than ${STARTUP_PASSWORD_MAX} characters.` });
    } finally {
      await page.context().close();
    }
    const again = await openPage({ asks: BOTH, locale: 'fi-FI', error: 'The database server password is longer than 512 characters.' });
    try {
      const alert = again.page.getByRole('alert');
      expect(await alert.innerText()).toContain('Tarkista lomake');
      expect(await alert.innerText()).toContain('longer than 512 characters');
      expect(await again.page.getByRole('button', { name: 'Jatka' }).count()).toBe(1);
      expect(await again.page.locator('main').innerText()).toContain('ei toimi avainnippua');
    } finally {
      await again.page.context().close();
    }
  });

  it('in the app it posts to the fixed app:// URL, and refuses a non-URL action', () => {
    const html = startupPasswordHtml({ asks: BOTH, locale: 'en' });
    expect(STARTUP_PASSWORDS_URL).toBe('app://bundle/__kroi/startup-passwords');
    expect(html).toContain(`<form method="post" action="${STARTUP_PASSWORDS_URL}"`);
    expect(html).toContain(`form-action ${STARTUP_PASSWORDS_URL};`);
    expect(() => startupPasswordHtml({ asks: BOTH, locale: 'en', action: "x; script-src 'unsafe-inline'" })).toThrow(/plain absolute URL/);
  });
});

// ---- the whole chain, with the real keychain adapter and no Secret Service ----

interface ChildResult {
  keychainAvailable: boolean;
  asks: StartupAsk[];
  parsed: { ok: true; fields: string[] } | { ok: false; message: string };
  wrappedAvailable?: boolean;
  setError?: string | null;
  sessionToken?: string | null;
  config?: CoreConfig;
}

function runWithoutKeychain(userDataDir: string, body: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', NO_KEYCHAIN, userDataDir], {
      cwd: ROOT,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(userDataDir, 'no-bus-here')}`, KROI_TEST_FORM_BODY: body },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as ChildResult);
      else reject(new Error(`fixture exited ${code} without a result: ${stderr.slice(-2000)}`));
    });
  });
}

async function redisAuthCalls(): Promise<number> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    const stats = await redis.info('commandstats');
    const line = stats.split('\n').find((l) => l.startsWith('cmdstat_auth:')) ?? '';
    return Number(/calls=(\d+)/.exec(line)?.[1] ?? 0);
  } finally {
    redis.disconnect();
  }
}

describe('end to end on a PC without a keychain', () => {
  it('page → POST → parser → wrapped keychain → loadConfig → a core on the real server and Redis', async () => {
    const settings = sharedSettings();
    const userDataDir = userDataWith(settings);

    // 1. What the user types on the page, as Chromium posts it.
    const { page, nextPost } = await openPage({ asks: await passwordsToAsk({ userDataDir, env: {}, secrets: noSecretStore }) });
    let body: string;
    try {
      await page.getByLabel('Database server password').fill(SERVER_PASSWORD);
      await page.getByLabel('Redis password').fill(REDIS_PASSWORD);
      await page.getByRole('button', { name: 'Continue' }).click();
      body = (await nextPost()).body;
    } finally {
      await page.context().close();
    }

    // 2. What main.ts does with it, with keytar finding no Secret Service.
    const r = await runWithoutKeychain(userDataDir, body);
    expect(r.keychainAvailable).toBe(false);
    expect(r.asks.map((a) => a.kind)).toEqual(['server', 'redis']);
    expect(r.parsed).toEqual({ ok: true, fields: ['server', 'redis'] });
    expect(r.wrappedAvailable).toBe(false);
    expect(r.setError).toMatch(/keychain/i);
    expect(r.sessionToken).toBeNull();
    const config = r.config!;
    const url = new URL((config.database as { url: string }).url);
    expect(url.username).toBe('postgres');
    expect(decodeURIComponent(url.password)).toBe(SERVER_PASSWORD);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379/0', password: REDIS_PASSWORD });
    // Nothing was written beside the settings file (no password file, no cache of them).
    expect(readdirSync(userDataDir).sort()).toEqual([SETTINGS_FILE]);
    expect(readFileSync(path.join(userDataDir, SETTINGS_FILE), 'utf8')).not.toContain(SERVER_PASSWORD.slice(0, 8));

    // 3. The core starts on that config. The test server trusts local connections, so it
    // cannot refuse a wrong password; the proof here is that the password is in the URL the
    // pool connects with and that the core sends the Redis one (AUTH) to the real Redis
    // (ioredis then warns that this Redis needs none, and carries on).
    const authBefore = await redisAuthCalls();
    const core = await createCore(
      { ...config, pool: { ...config.pool, max: 2 }, redis: { ...config.redis!, keyPrefix: `test:${randomBytes(4).toString('hex')}:` }, background: false, scheduledJobs: false },
      { logger: quietLogger() },
    );
    try {
      expect(decodeURIComponent(new URL(core.databaseUrl).password)).toBe(SERVER_PASSWORD);
      const { rows } = await core.pool.query<{ db: string; who: string }>('SELECT current_database() AS db, current_user AS who');
      expect(rows[0]).toEqual({ db: database.name, who: 'postgres' });
      await expect.poll(() => redisAuthCalls(), { timeout: 5000 }).toBeGreaterThan(authBefore);
    } finally {
      await core.close();
    }
  }, 60_000);
});

// ---- bad input ----

describe('parseStartupPasswords refuses bad forms with a clear message', () => {
  const both: readonly StartupAskKind[] = ['server', 'redis'];
  interface BadCase {
    name: string;
    body: string;
    message: RegExp;
    asked?: readonly StartupAskKind[];
  }
  it.each<BadCase>([
    { name: 'an unknown field', body: 'server=a&admin=1', message: /^Unknown field: "admin"\.$/ },
    { name: 'a field that was not asked', body: 'server=a&redis=b', message: /^Unknown field: "redis"\.$/, asked: ['server'] },
    { name: 'a repeated field', body: 'server=a&server=b', message: /^The field "server" was sent twice\.$/ },
    { name: 'a missing server password', body: 'redis=b', message: /^The database server password is required\.$/ },
    { name: 'an empty server password', body: 'server=&redis=b', message: /^The database server password is required\.$/ },
    { name: 'an oversized server password', body: `server=${'x'.repeat(STARTUP_PASSWORD_MAX + 1)}`, message: /^The database server password is longer than 512 characters\.$/ },
    { name: 'an oversized Redis password', body: `server=a&redis=${'y'.repeat(STARTUP_PASSWORD_MAX + 1)}`, message: /^The Redis password is longer than 512 characters\.$/ },
    { name: 'a NUL character', body: 'server=a%00b', message: /^The database server password contains a NUL character\.$/ },
    { name: 'a huge body', body: `server=${'%41'.repeat(20_000)}`, message: /^The form is too large\.$/ },
    { name: 'a field named __proto__', body: 'server=a&__proto__=x', message: /^Unknown field: "__proto__"\.$/ },
  ])('$name', ({ body, message, asked = both }) => {
    const result = parseStartupPasswords(body, asked);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
    // The message names fields, never what was typed.
    expect(result.ok ? '' : result.message).not.toMatch(/xxxx|yyyy|a\0b/);
  });

  it('accepts exactly the limit, and URLSearchParams as well as a body', () => {
    const max = 'ä'.repeat(STARTUP_PASSWORD_MAX);
    expect(parseStartupPasswords(new URLSearchParams({ server: max, redis: '' }), both)).toEqual({ ok: true, passwords: { server: max } });
    expect(parseStartupPasswords(new URLSearchParams({ server: max }).toString(), both)).toEqual({ ok: true, passwords: { server: max } });
    expect(parseStartupPasswords('redis=r', ['redis'])).toEqual({ ok: true, passwords: { redis: 'r' } });
    expect(parseStartupPasswords('', ['redis'])).toEqual({ ok: true, passwords: {} });
  });
});
