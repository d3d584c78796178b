// Backups and the admin's settings end to end, in English: a backup with its progress shown,
// verified; a car deleted after it comes back through a restore confirmed by typing the
// database's name; Settings → Connection tests 127.0.0.1:5432; System configuration refuses
// a value that does not fit; Health runs VACUUM ANALYZE on one table with progress. Each
// screen is screenshotted and scanned for accessibility problems.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { seed } from '../../scripts/seed/index';
import { createRoleUsers, TEST_PASSWORD } from '../support/users';
import { expectAccessible, screenshot, startHarness, type Harness } from './support';

const SLOW = { timeout: 180_000 };

let h: Harness;
let userDataDir: string;
let context: BrowserContext;
let page: Page;

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: h.t.database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  userDataDir = await mkdtemp(path.join(tmpdir(), 'kroi-e2e-backups-'));
  h = await startHarness({ core: { userDataDir } });
  await seed(h.t.database.url, { cars: 20, leads: 20, views: 200, seed: 7, now: '2026-11-25T00:00:00Z', analyze: false });
  await createRoleUsers(h.t.core);
  context = await h.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(() => window.localStorage.setItem('kroi.lang', 'en'));
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[renderer error]', error.message));
  await page.goto(h.server.url);
  await page.getByLabel(en.login.email).fill('super_admin@kroi.test');
  await page.getByLabel(en.login.password).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: en.login.submit }).click();
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await h?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

const toast = (text: string) => page.getByTestId('toasts').getByText(text, { exact: false });

describe('the Backups screen', () => {
  let carId: string;
  let carName: string;

  it('backs up with progress, lists the backup and verifies it', SLOW, async () => {
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.backups }).click();
    await page.getByRole('heading', { level: 1, name: en.screens.backups.title }).waitFor();
    await page.getByTestId('backup-tools').getByText('pg_dump', { exact: true }).waitFor();
    await page.getByText(en.backups.emptyTitle).waitFor();

    // Every phase the progress line shows, recorded as it changes (a small backup is quick).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { phases: string[] }).phases = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="job-phase"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: en.backups.runFull, exact: true }).click();
    await toast(en.backups.finished).waitFor({ timeout: 60_000 });
    const phases = await page.evaluate(() => (window as unknown as { phases: string[] }).phases);
    expect(phases.length).toBeGreaterThan(0);
    expect(phases.some((p) => [en.backups.phase.counting, en.backups.phase.dumping, en.backups.phase.verifying, en.backups.phase.starting].includes(p))).toBe(true);

    const rows = page.getByTestId('backup-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    await row.getByText(en.backups.kind.FULL).waitFor();
    await row.getByText(en.backups.notVerified).waitFor();
    expect(await row.textContent()).toContain('Test SUPER_ADMIN');
    expect(await row.locator('code').textContent()).toMatch(/^[0-9a-f]{12}$/);

    await row.getByRole('button', { name: /^Verify / }).click();
    await row.getByText(new RegExp(`^✓\\s*${en.backups.verifiedOk}$`)).waitFor();
    await screenshot(page, 'backups');
    await expectAccessible(page, 'backups');
    // The schedule shows the seed's policy with its next run times, and the tools their versions.
    const schedule = page.getByTestId('backup-schedule');
    await schedule.scrollIntoViewIfNeeded();
    await schedule.getByText(/^Next \(local time\): /).first().waitFor();
    await screenshot(page, 'backups-schedule-tools');
  });

  it('restores after the typed confirmation: a car deleted after the backup is back', SLOW, async () => {
    const [car] = await sql<{ id: string; name: string }>('SELECT id, name FROM cars ORDER BY id LIMIT 1');
    carId = car!.id;
    carName = car!.name;
    await sql('DELETE FROM cars WHERE id = $1', [carId]);
    expect(await sql('SELECT 1 FROM cars WHERE id = $1', [carId])).toHaveLength(0);

    const row = page.getByTestId('backup-table').locator('tbody tr').first();
    await row.getByRole('button', { name: /^Restore / }).click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByText(en.backups.restoreDialog.stepSafety).waitFor();
    const name = h.t.database.name;
    const field = dialog.getByLabel(fill(en.backups.restoreDialog.typeLabel, { name }));
    const confirm = dialog.getByRole('button', { name: en.backups.restoreDialog.confirm, exact: true });
    await field.fill('kroi');
    expect(await confirm.isDisabled()).toBe(true);
    await field.fill(name);
    await screenshot(page, 'backups-restore-dialog');
    await expectAccessible(page, 'restore dialog');
    await confirm.click();
    await dialog.getByTestId('restore-done').waitFor({ timeout: 120_000 });

    expect(await sql<{ name: string }>('SELECT name FROM cars WHERE id = $1', [carId])).toEqual([{ name: carName }]);
    await dialog.getByRole('button', { name: en.backups.restoreDialog.close }).click();
    // The safety backup made before the restore is listed too.
    await page.getByTestId('backup-table').getByText(en.backups.kind.SAFETY).waitFor();
  });

  it('says what failed when a restore is refused', SLOW, async () => {
    // The file changed since the backup: the checksum no longer matches, nothing is restored.
    const [b] = await sql<{ id: string; file: string; dir: string }>("SELECT id, file_name AS file, directory AS dir FROM backups WHERE kind = 'FULL' LIMIT 1");
    await sql("UPDATE backups SET sha256 = repeat('0', 64) WHERE id = $1", [b!.id]);
    await page.getByRole('button', { name: en.backups.refresh }).click();
    await page.getByTestId(`backup-row-${b!.id}`).getByRole('button', { name: /^Restore / }).click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByLabel(fill(en.backups.restoreDialog.typeLabel, { name: h.t.database.name })).fill(h.t.database.name);
    await dialog.getByRole('button', { name: en.backups.restoreDialog.confirm, exact: true }).click();
    await dialog.getByTestId('restore-failed').getByText(/SHA-256/).waitFor({ timeout: 60_000 });
    expect(await sql('SELECT 1 FROM cars WHERE id = $1', [carId])).toHaveLength(1);
    await dialog.getByRole('button', { name: en.backups.restoreDialog.close }).click();
  });
});

describe('Settings', () => {
  it('Connection: tests the server at 127.0.0.1:5432', SLOW, async () => {
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.settings }).click();
    await page.getByTestId('settings-tab-connection').click();
    await page.getByRole('heading', { level: 2, name: en.connection.title }).waitFor();
    const current = page.getByTestId('connection-current');
    await current.getByText(`postgres@127.0.0.1:5432/${h.t.database.name}`).waitFor();

    const panel = page.getByTestId('database-panel');
    await panel.getByRole('radio', { name: new RegExp(en.connection.useServer) }).check();
    await panel.getByLabel(en.connection.host, { exact: true }).fill('127.0.0.1');
    await panel.getByLabel(en.connection.port, { exact: true }).fill('5432');
    await panel.getByLabel(en.connection.database, { exact: true }).fill(h.t.database.name);
    await panel.getByLabel(en.connection.user, { exact: true }).fill('postgres');
    await panel.getByLabel(en.connection.sslMode, { exact: true }).selectOption('disable');
    await panel.getByRole('button', { name: en.connection.test }).click();
    const result = panel.getByTestId('connection-test-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Connected: version 1\d\.\d+.*, round trip [\d.]+ ms/);

    // A closed port fails quickly with a plain reason.
    await panel.getByLabel(en.connection.port, { exact: true }).fill('1');
    await panel.getByRole('button', { name: en.connection.test }).click();
    await panel.getByTestId('connection-test-result').getByText(/connection refused/).waitFor({ timeout: 5000 });
    await panel.getByLabel(en.connection.port, { exact: true }).fill('5432');
    await panel.getByRole('button', { name: en.connection.test }).click();
    await panel.getByTestId('connection-test-result').getByText(/Connected/).waitFor();
    await page.getByRole('heading', { level: 2, name: en.connection.title }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-connection');
    await expectAccessible(page, 'settings connection');
  });

  it('System configuration: shows the keys and the schema message of a value that does not fit', SLOW, async () => {
    await page.getByTestId('settings-tab-config').click();
    await page.getByRole('heading', { level: 2, name: en.systemConfig.title }).waitFor();
    const row = page.getByTestId('config-row-session.idleHours');
    await row.waitFor();
    await screenshot(page, 'settings-system-config');
    await expectAccessible(page, 'settings system configuration');

    await row.getByRole('button', { name: fill(en.systemConfig.editLabel, { key: 'session.idleHours' }) }).click();
    const dialog = page.getByTestId('config-dialog');
    const json = dialog.getByLabel(en.systemConfig.jsonLabel);
    await json.fill('{ not json');
    await dialog.getByRole('button', { name: en.systemConfig.save }).click();
    await dialog.getByTestId('config-error').getByText(/not valid JSON/).waitFor();
    await json.fill('"kahdeksan"');
    await dialog.getByRole('button', { name: en.systemConfig.save }).click();
    await dialog.getByTestId('config-error').getByText(/number/).waitFor();
    await json.fill('10');
    await dialog.getByRole('button', { name: en.systemConfig.save }).click();
    await toast(fill(en.systemConfig.saved, { key: 'session.idleHours' })).waitFor();
    await row.getByText('10', { exact: true }).waitFor();
    expect(await sql<{ value: unknown }>("SELECT value FROM system_config WHERE key = 'session.idleHours'")).toEqual([{ value: 10 }]);
  });

  it('Health: shows the figures and runs VACUUM ANALYZE on one table with progress', SLOW, async () => {
    await page.getByTestId('settings-tab-health').click();
    await page.getByRole('heading', { level: 2, name: en.health.title }).waitFor();
    await page.getByTestId('health-connections').getByText(/in use on the server/).waitFor();
    await page.getByTestId('health-slow').getByText(/shared_preload_libraries/).waitFor();
    const row = page.getByTestId('maintenance-row-cars');
    await row.getByRole('button', { name: fill(en.health.vacuumOne, { table: 'cars' }) }).click();
    await toast(fill(en.health.vacuumDone_one, { count: 1 })).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await row.getByTestId('last-vacuum').textContent())?.trim()).not.toBe('–');
    await page.getByRole('heading', { level: 2, name: en.health.title }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-health');
    await expectAccessible(page, 'settings health');
  });
});
