// The app frame end to end: first-run setup on an empty database, the frame and its status
// bar, every screen by Alt+1..5 and by the command palette, the Settings sections, and the
// language switch surviving a reload. Each screen is screenshotted and scanned with axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fi } from '../../renderer/src/i18n/fi';
import { expectAccessible, screenshot, startHarness, type Harness } from './support';

const ADMIN = { name: 'Aino Pääkäyttäjä', email: 'aino@kroi.test', password: 'Tuulilasi-Kesärengas-42' };
const SCREEN_IDS = ['inventory', 'leads', 'analytics', 'backups', 'settings'] as const;

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
});

afterAll(async () => {
  await page?.context().close();
  await h?.close();
});

const sidebar = () => page.getByRole('navigation', { name: fi.nav.label });
const currentLink = (label: string) => page.getByRole('navigation', { name: label }).locator('a[aria-current="page"]');
const h1 = () => page.locator('h1');

async function expectScreen(id: (typeof SCREEN_IDS)[number]) {
  await page.waitForURL(new RegExp(`#/${id}(/|$)`));
  await expect.poll(() => currentLink(fi.nav.label).textContent()).toContain(fi.nav[id]);
  await expect.poll(() => h1().textContent()).toBeTruthy();
}

describe('the app frame', () => {
  it('starts on the setup screen of an empty database and creates the first super admin', async () => {
    await page.getByRole('heading', { level: 1, name: fi.setup.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    await expectAccessible(page, 'setup');
    await screenshot(page, 'setup');

    await page.getByLabel(fi.setup.name).fill(ADMIN.name);
    await page.getByLabel(fi.setup.email).fill(ADMIN.email);
    await page.getByLabel(fi.setup.password, { exact: true }).fill(ADMIN.password);
    await page.getByLabel(fi.setup.confirm).fill(ADMIN.password);
    await page.getByRole('button', { name: fi.setup.submit }).click();

    await sidebar().waitFor();
    const user = await h.t.core.db.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    expect(user.role).toBe('SUPER_ADMIN');
  });

  it('shows the sidebar and a status bar with the database host, Redis and the user', async () => {
    await expect.poll(() => sidebar().getByRole('link').allTextContents()).toEqual(SCREEN_IDS.map((id) => expect.stringContaining(fi.nav[id])));
    const host = new URL(h.t.database.url).hostname;
    await expect.poll(() => page.getByTestId('status-database').textContent()).toContain(host);
    await expect.poll(() => page.getByTestId('status-cache').textContent()).toContain(fi.status.cacheUp);
    const userText = await page.getByTestId('status-user').textContent();
    expect(userText).toContain(ADMIN.name);
    expect(userText).toContain(fi.roles.SUPER_ADMIN);
  });

  it('opens all five screens with Alt+1..5', async () => {
    for (const [index, id] of SCREEN_IDS.entries()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      await expectScreen(id);
      await screenshot(page, `screen-${index + 1}-${id}`);
      await expectAccessible(page, id);
    }
  }, 60_000);

  it('opens every screen from the Ctrl+K command palette', async () => {
    const palette = page.getByTestId('command-palette');
    await page.keyboard.press('Control+K');
    await palette.getByRole('combobox').waitFor();
    await screenshot(page, 'palette');
    await expectAccessible(page, 'palette');
    await page.keyboard.press('Escape');
    await palette.getByRole('combobox').waitFor({ state: 'detached' });

    for (const id of [...SCREEN_IDS].reverse()) {
      await page.keyboard.press('Control+K');
      await page.keyboard.type(fi.nav[id]);
      await page.keyboard.press('Enter');
      await expectScreen(id);
    }
  }, 60_000);

  it('has Users and Audit log sections in Settings', async () => {
    await page.keyboard.press('Alt+5');
    await page.getByTestId('settings-tab-users').click();
    await page.waitForURL(/#\/settings\/users$/);
    await page.locator('[data-testid="user-row"]').first().waitFor();
    expect(await page.locator(`[data-testid="user-row"][data-email="${ADMIN.email}"]`).count()).toBe(1);
    await screenshot(page, 'settings-users');
    await expectAccessible(page, 'users');

    const createButton = page.getByRole('button', { name: fi.users.create });
    const isFocused = (locator: typeof createButton) => locator.evaluate((element) => element === document.activeElement);
    await createButton.click();
    const nameField = page.getByTestId('create-user-dialog').getByLabel(fi.users.name);
    await nameField.waitFor();
    expect(await isFocused(nameField)).toBe(true);
    await screenshot(page, 'settings-users-create');
    await expectAccessible(page, 'users: create dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('create-user-dialog').waitFor({ state: 'detached' });
    expect(await isFocused(createButton)).toBe(true);

    await page.getByTestId('settings-tab-audit').click();
    await page.waitForURL(/#\/settings\/audit$/);
    // The first-run setup wrote the creation of the first user.
    await page.locator('[data-testid="audit-row"][data-action="user.create"]').first().waitFor();
    await screenshot(page, 'settings-audit');
    await expectAccessible(page, 'audit');
  }, 60_000);

  it('switches Finnish ⇄ English, and the choice survives a reload', async () => {
    await page.getByTestId('settings-tab-general').click();
    await page.getByRole('radio', { name: 'English' }).check();
    await expect.poll(() => sidebar().count()).toBe(0);
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.inventory }).waitFor();
    expect(await h1().textContent()).toBe(en.settings.title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'settings-general-en');

    await page.reload();
    // The browser harness keeps no session across a reload (no keychain), so sign-in shows, in English.
    await page.getByRole('heading', { level: 1, name: en.login.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'login-en');
    await expectAccessible(page, 'login');

    await page.getByLabel(en.login.email).fill(ADMIN.email);
    await page.getByLabel(en.login.password).fill(ADMIN.password);
    await page.getByRole('button', { name: en.login.submit }).click();
    await page.getByRole('navigation', { name: en.nav.label }).waitFor();

    // And back to Finnish from the palette.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('Suomi');
    await page.keyboard.press('Enter');
    await sidebar().getByRole('link', { name: fi.nav.inventory }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
  }, 60_000);
});
