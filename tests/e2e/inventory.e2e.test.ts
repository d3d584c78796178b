// Inventory end to end, in English: an ADMIN adds a car with two pictures, equipment and
// specifications; finds it with a misspelled search; opens it from the keyboard; reserves
// and sells it; moves it to the trash, finds it there and restores it; imports a CSV with a
// bad row (the error listed with its line, Import disabled) and then a good one. A VIEWER
// sees no edit controls. The list and the editor are screenshotted and scanned with axe.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fi } from '../../renderer/src/i18n/fi';
import type { ChannelInput, ChannelOutput } from '../../electron/core/api/contract';
import { createCars } from '../inventory/fixtures';
import { createRoleUsers, TEST_PASSWORD, type RoleClients } from '../support/users';
import { expectAccessible, screenshot, startHarness, type Harness } from './support';

const inv = en.inventory;
const ed = inv.editor;
const CAR = {
  name: 'Toyota Corolla 1.8 Hybrid Active',
  slug: 'toyota-corolla-1-8-hybrid-active',
  images: ['https://images.kroiautocenter.fi/cars/corolla/1.jpg', 'https://images.kroiautocenter.fi/cars/corolla/2.jpg'],
  features: ['Lohkolämmitin', 'Peruutuskamera'],
  specs: [
    ['Moottori', '1.8 Hybrid'],
    ['Teho', '90 kW'],
  ],
};
/** A 1×1 PNG. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const CSV_HEADER = 'name,brand,model,year,price_eur,mileage_km,fuel_type,transmission,category';

let h: Harness;
let users: RoleClients;
let admin: Page;
let carId = '';

beforeAll(async () => {
  h = await startHarness();
  users = await createRoleUsers(h.t.core);
  // Other stock, so the search has something to leave out and the table has rows to scroll.
  await createCars(users.ADMIN, 30);
  admin = await openApp();
  await signIn(admin, 'admin@kroi.test');
}, 120_000);

afterAll(async () => {
  await admin?.context().close();
  await h?.close();
});

type Texts = typeof en;

/** A fresh browser context (its own harness client) in the given language, on the sign-in screen. */
async function openApp(texts: Texts = en): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fi-FI' });
  const lang = texts === en ? 'en' : 'fi';
  await context.addInitScript((value) => window.localStorage.setItem('kroi.lang', value), lang);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[renderer error]', error.message));
  await page.goto(h.server.url);
  await page.getByRole('heading', { level: 1, name: texts.login.title }).waitFor();
  return page;
}

async function signIn(page: Page, email: string, texts: Texts = en): Promise<void> {
  await page.getByLabel(texts.login.email).fill(email);
  await page.getByLabel(texts.login.password, { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: texts.login.submit }).click();
  await page.getByRole('heading', { level: 1, name: texts.screens.inventory.title }).waitFor();
}

const toast = (page: Page, text: string) => page.getByTestId('toasts').getByText(text).first().waitFor();
const rows = (page: Page) => page.getByTestId('car-row');
const resultCount = (page: Page) => page.getByTestId('result-count').textContent();
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** At 1366×768 the frame never scrolls as a whole: only the list's table or the editor's main area does. */
async function expectNoWindowScroll(page: Page): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? 0, viewport: window.innerHeight }));
  expect(scroll).toBeLessThanOrEqual(viewport);
}

const altOrder = (page: Page) => page.getByTestId('image-item').locator('input[id^="alt-"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

/** A car as cars.update takes it (the contract's strict schema refuses the DTO's read-only fields). */
function updateInputOf(car: ChannelOutput<'cars.get'>): ChannelInput<'cars.update'> {
  const { id, version, name, slug, brand, model, variant, year, priceEur, mileageKm, fuelType, transmission, category, driveType, color, doors, seats } = car;
  const { engineSizeCc, powerKw, co2GPerKm, vin, registrationNumber, description, descriptionEn, featured, metaTitle, metaDescription, purchasePriceEur, stockedAt, features, specifications } = car;
  return {
    ...{ id, version, name, slug, brand, model, variant, year, priceEur, mileageKm, fuelType, transmission, category, driveType, color, doors, seats },
    ...{ engineSizeCc, powerKw, co2GPerKm, vin, registrationNumber, description, descriptionEn, featured, metaTitle, metaDescription, purchasePriceEur, stockedAt, features, specifications },
    images: car.images.map(({ url, alt, isPrimary }) => ({ url, alt, isPrimary })),
  };
}

async function carInDb() {
  return h.t.core.db.car.findUniqueOrThrow({ where: { id: carId }, include: { images: { orderBy: { sortOrder: 'asc' } }, features: { orderBy: { sortOrder: 'asc' } }, specifications: { orderBy: { sortOrder: 'asc' } } } });
}

async function chooseCsv(page: Page, name: string, lines: string[]): Promise<void> {
  await page.getByTestId('import-dialog').locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
}

describe('inventory as an ADMIN', () => {
  it('lists the stock in a virtualized table with counts in the filters', async () => {
    await expect.poll(() => resultCount(admin)).toBe(inv.count_other.replace('{{formatted}}', '30'));
    // Only the rows in view are in the DOM.
    const rendered = await rows(admin).count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(30);
    await admin.getByRole('button', { name: inv.filters.toggle }).click();
    const filters = admin.getByTestId('filters-panel');
    await filters.getByRole('group', { name: inv.filters.brand }).getByRole('checkbox', { name: 'Toyota' }).waitFor();
    await expectNoWindowScroll(admin);
    await screenshot(admin, 'inventory-list');
    await expectAccessible(admin, 'inventory list');
  }, 60_000);

  it('adds a car with two pictures, equipment and specifications', async () => {
    await admin.keyboard.press('n');
    await admin.getByRole('heading', { level: 1, name: ed.newTitle }).waitFor();

    await field(admin, ed.name).fill(CAR.name);
    await field(admin, ed.brand).fill('Toyota');
    await field(admin, ed.model).fill('Corolla');
    await field(admin, ed.variant).fill('1.8 Hybrid Active');
    await field(admin, ed.year).fill('2021');
    await field(admin, ed.price).fill('21 900');
    await field(admin, ed.mileage).fill('45 000');
    await field(admin, ed.category).selectOption('HATCHBACK');
    await field(admin, ed.fuel).selectOption('HYBRID');
    await field(admin, ed.transmission).selectOption('AUTOMATIC');
    await field(admin, ed.descriptionFi).fill('Hyväkuntoinen ja taloudellinen hybridi, lohkolämmitin ja peruutuskamera.');

    // Saving too early shows the contract's messages on the fields (alt text is required).
    for (const url of CAR.images) {
      await field(admin, ed.imageUrl).fill(url);
      await admin.getByRole('button', { name: ed.addImage, exact: true }).click();
    }
    await expect.poll(() => admin.getByTestId('image-item').count()).toBe(2);
    // A local file goes through media.upload and comes back as a URL; then it is removed again.
    await admin.getByTestId('images-section').locator('input[type="file"]').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: Buffer.from(PIXEL_PNG, 'base64') });
    await expect.poll(() => admin.getByTestId('image-item').nth(2).textContent()).toMatch(/\/media\/[0-9a-f]{32}\.png/);
    await admin.getByRole('button', { name: 'Remove Picture 3' }).click();
    await expect.poll(() => admin.getByTestId('image-item').count()).toBe(2);
    await admin.getByRole('button', { name: ed.create }).click();
    await admin.getByText(inv.validation.altRequired).first().waitFor();
    await field(admin, 'Alt text of Picture 1').fill('Corolla from the front');
    await field(admin, 'Alt text of Picture 2').fill('Corolla from behind');

    for (const [index, feature] of CAR.features.entries()) {
      await admin.getByRole('button', { name: ed.addFeature }).click();
      await field(admin, `Equipment ${index + 1}`).fill(feature);
    }
    for (const [index, [label, value]] of CAR.specs.entries()) {
      await admin.getByRole('button', { name: ed.addSpec }).click();
      await field(admin, `Name of specification ${index + 1}`).fill(label!);
      await field(admin, `Value of specification ${index + 1}`).fill(value!);
    }
    await field(admin, inv.seo.metaTitle).fill('Toyota Corolla Hybrid 2021 | Kroi Auto Center');
    // The server previews the slug (ä/ö/å and spaces handled there).
    await expect.poll(() => admin.getByTestId('slug-preview').textContent()).toContain(`https://kroiautocenter.fi/autot/${CAR.slug}`);
    await expect.poll(() => admin.getByTestId('serp-preview').textContent()).toContain('Toyota Corolla Hybrid 2021');

    await admin.getByRole('button', { name: ed.create }).click();
    await toast(admin, ed.created);
    await admin.waitForURL(/#\/inventory\/[A-Za-z0-9_-]+$/);
    carId = new URL(admin.url()).hash.split('/').pop()!;
    await admin.getByRole('heading', { level: 1, name: CAR.name }).waitFor();

    const car = await carInDb();
    expect(car.slug).toBe(CAR.slug);
    expect(car.priceEur.toNumber()).toBe(21900);
    expect(car.mileageKm).toBe(45000);
    expect(car.images.map((i) => [i.url, i.alt, i.isPrimary])).toEqual([
      [CAR.images[0], 'Corolla from the front', true],
      [CAR.images[1], 'Corolla from behind', false],
    ]);
    expect(car.features.map((f) => f.feature)).toEqual(CAR.features);
    expect(car.specifications.map((s) => [s.label, s.value])).toEqual(CAR.specs);
  }, 60_000);

  it('reorders pictures by dragging and with the buttons, and saves with the loaded version', async () => {
    const stockedAt = (await carInDb()).stockedAt.toISOString();
    // Drag picture 1's handle below picture 2 (dnd-kit's pointer sensor).
    const handle = admin.getByRole('button', { name: 'Drag Picture 1 to reorder' });
    const target = admin.getByTestId('image-item').nth(1);
    await target.scrollIntoViewIfNeeded();
    await handle.scrollIntoViewIfNeeded();
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await admin.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await admin.mouse.down();
    await admin.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 10, { steps: 3 });
    await admin.mouse.move(from.x + from.width / 2, to.y + to.height - 5, { steps: 12 });
    await admin.mouse.up();
    await expect.poll(() => altOrder(admin)).toEqual(['Corolla from behind', 'Corolla from the front']);
    // The items slide into place after the drop; click the buttons only once they stand still.
    await expect
      .poll(() => admin.getByTestId('image-item').evaluateAll((items) => items.every((item) => !(item as HTMLElement).style.transform)))
      .toBe(true);
    await admin.waitForTimeout(300);
    await admin.getByText(ed.unsaved).waitFor();
    // And back and forth with the keyboard's buttons.
    await admin.getByRole('button', { name: 'Move Picture 2 up' }).click();
    await expect.poll(() => altOrder(admin)).toEqual(['Corolla from the front', 'Corolla from behind']);
    await admin.getByRole('button', { name: 'Move Picture 1 down' }).click();
    await expect.poll(() => altOrder(admin)).toEqual(['Corolla from behind', 'Corolla from the front']);
    await admin.getByRole('button', { name: ed.save, exact: true }).click();
    await toast(admin, ed.saved);
    const car = await carInDb();
    expect(car.version).toBe(2);
    // Only what was changed is written: the stock date keeps its time of day.
    expect(car.stockedAt.toISOString()).toBe(stockedAt);
    expect(car.images.map((i) => i.alt)).toEqual(['Corolla from behind', 'Corolla from the front']);
    // The primary picture stays the one chosen, wherever it is in the order.
    expect(car.images.find((i) => i.isPrimary)?.alt).toBe('Corolla from the front');
    await admin.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await expectNoWindowScroll(admin);
    await screenshot(admin, 'inventory-editor');
    await expectAccessible(admin, 'inventory editor');
  }, 60_000);

  it('finds the car with a misspelled search and opens it from the keyboard', async () => {
    await admin.getByRole('button', { name: ed.back }).click();
    await admin.getByRole('heading', { level: 1, name: en.screens.inventory.title }).waitFor();
    await admin.keyboard.press('/');
    await admin.keyboard.type('toyta corola');
    await expect.poll(() => resultCount(admin)).toBe(inv.count_one.replace('{{formatted}}', '1'));
    await expect.poll(() => rows(admin).first().textContent()).toContain(CAR.name);
    // The corrected words are shown, so nobody wonders why "toyta" found a Toyota.
    await expect.poll(() => admin.getByTestId('searched-for').textContent()).toBe(inv.searchedFor.replace('{{words}}', 'toyota corolla'));
    await screenshot(admin, 'inventory-search');

    await rows(admin).first().focus();
    await admin.keyboard.press('Enter');
    await admin.waitForURL(new RegExp(`#/inventory/${carId}$`));
    await admin.getByRole('heading', { level: 1, name: CAR.name }).waitFor();
  }, 60_000);

  it('reserves the car, then sells it with a sale price', async () => {
    const status = admin.getByTestId('status-panel');
    await status.getByRole('button', { name: inv.statusPanel.moveTo.RESERVED }).click();
    await toast(admin, 'Status changed: Reserved.');
    expect((await carInDb()).status).toBe('RESERVED');

    await status.getByRole('button', { name: inv.statusPanel.moveTo.SOLD }).click();
    const dialog = admin.getByTestId('sold-dialog');
    await dialog.getByLabel(inv.statusPanel.soldPrice).fill('20 500');
    await dialog.getByRole('button', { name: inv.statusPanel.sellConfirm }).click();
    await toast(admin, 'Status changed: Sold.');
    const car = await carInDb();
    expect(car.status).toBe('SOLD');
    expect(car.soldPriceEur?.toNumber()).toBe(20500);
    expect(car.soldAt).not.toBeNull();
    // Only the moves allowed from SOLD are offered.
    await expect.poll(() => status.getByRole('button').allTextContents()).toEqual([inv.statusPanel.moveTo.AVAILABLE, inv.statusPanel.moveTo.ARCHIVED]);

    await admin.getByRole('tab', { name: ed.tab.history }).click();
    await admin.getByTestId('history').getByText(inv.history.actions.status).first().waitFor();
    await screenshot(admin, 'inventory-history');
    await admin.getByRole('tab', { name: ed.tab.details }).click();
  }, 60_000);

  it('moves the car to the trash, finds it there and restores it', async () => {
    await admin.getByRole('button', { name: ed.moveToTrash }).click();
    await admin.getByRole('dialog', { name: ed.trashTitle }).getByRole('button', { name: ed.moveToTrash }).click();
    await toast(admin, ed.trashed);
    await admin.getByTestId('trash-notice').waitFor();
    expect((await carInDb()).deletedAt).not.toBeNull();

    await admin.getByRole('button', { name: ed.back }).click();
    // Still searching "toyta corola": the car has left the stock…
    await expect.poll(() => resultCount(admin)).toBe(inv.count_other.replace('{{formatted}}', '0'));
    // …and is in the trash.
    await admin.getByTestId('trash-toggle').click();
    await expect.poll(() => resultCount(admin)).toBe(inv.trash.count_one.replace('{{formatted}}', '1'));
    await admin.getByRole('checkbox', { name: `Select ${CAR.name}` }).click();
    await admin.getByTestId('trash-bar').getByRole('button', { name: inv.trash.restore }).click();
    await toast(admin, '1 car restored.');
    await expect.poll(() => resultCount(admin)).toBe(inv.trash.count_other.replace('{{formatted}}', '0'));
    expect((await carInDb()).deletedAt).toBeNull();

    await admin.getByTestId('trash-toggle').click();
    await expect.poll(() => resultCount(admin)).toBe(inv.count_one.replace('{{formatted}}', '1'));
    await admin.getByRole('searchbox', { name: inv.search.label }).fill('');
    await expect.poll(() => resultCount(admin)).toBe(inv.count_other.replace('{{formatted}}', '31'));
  }, 60_000);

  it('imports a CSV: a bad row is listed with its line and blocks the import; a good file imports', async () => {
    const before = await h.t.core.db.car.count();
    await admin.getByRole('button', { name: inv.import.open }).click();
    const dialog = admin.getByTestId('import-dialog');
    await dialog.waitFor();
    await chooseCsv(admin, 'bad.csv', [CSV_HEADER, 'Skoda Fabia 1.0 TSI,Skoda,Fabia,2019,11900,62000,PETROL,MANUAL,HATCHBACK', 'Kia Ceed 1.6 CRDi,Kia,Ceed,20x9,13900,98000,DIESEL,MANUAL,ESTATE']);
    const errors = dialog.getByTestId('import-errors');
    await errors.waitFor();
    const errorRow = errors.locator('tbody tr').first();
    expect(await errorRow.locator('td').allTextContents()).toEqual(['3', 'year', inv.validation.yearRequired]);
    const importButton = dialog.getByRole('button', { name: /^Import \d+ cars?$/ });
    expect(await importButton.isDisabled()).toBe(true);
    await screenshot(admin, 'inventory-import-errors');
    await expectAccessible(admin, 'inventory import dialog');

    await chooseCsv(admin, 'good.csv', [CSV_HEADER, 'Skoda Fabia 1.0 TSI,Skoda,Fabia,2019,11900,62000,PETROL,MANUAL,HATCHBACK', 'Kia Ceed 1.6 CRDi,Kia,Ceed,2019,13900,98000,DIESEL,MANUAL,ESTATE']);
    await expect.poll(() => dialog.getByTestId('import-summary').textContent()).toBe(inv.import.summaryOk_other.replace('{{count}}', '2'));
    const enabled = dialog.getByRole('button', { name: 'Import 2 cars' });
    expect(await enabled.isDisabled()).toBe(false);
    await enabled.click();
    await toast(admin, '2 cars imported.');
    await dialog.waitFor({ state: 'hidden' });
    expect(await h.t.core.db.car.count()).toBe(before + 2);
    await expect.poll(() => resultCount(admin)).toBe(inv.count_other.replace('{{formatted}}', '33'));

    // Export of the current filter: Skoda only.
    const skoda = admin.getByTestId('filters-panel').getByRole('group', { name: inv.filters.brand }).getByRole('checkbox', { name: 'Skoda' });
    await skoda.check();
    await expect.poll(() => resultCount(admin)).toBe(inv.count_other.replace('{{formatted}}', '7'));
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: inv.export.button }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    // One BOM (for spreadsheets), then the header.
    expect(csv.startsWith('\uFEFFname,brand,model,')).toBe(true);
    const lines = csv.slice(1).trim().split(/\r?\n/);
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).every((line) => line.includes(',Skoda,'))).toBe(true);
    await skoda.uncheck();
    await expect.poll(() => resultCount(admin)).toBe(inv.count_other.replace('{{formatted}}', '33'));
  }, 60_000);
});

describe('inventory as an ADMIN: bulk work, conflicts and unsaved changes', () => {
  it('selects a range with Shift, sets featured and changes status, listing the car it skips', async () => {
    // Newest first: the two imported cars, then the sold Corolla.
    await expect.poll(() => rows(admin).nth(2).textContent()).toContain(CAR.name);
    await rows(admin).nth(0).getByRole('checkbox').click();
    await rows(admin).nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
    const bar = admin.getByTestId('bulk-bar');
    await bar.getByText('3 selected').waitFor();
    await screenshot(admin, 'inventory-bulk');

    await bar.getByRole('button', { name: inv.bulk.feature }).click();
    await toast(admin, '3 cars updated.');
    expect((await carInDb()).featured).toBe(true);

    // The selection stays for the next action.
    await bar.getByLabel(inv.bulk.statusLabel).selectOption('RESERVED');
    await bar.getByRole('button', { name: inv.bulk.applyStatus }).click();
    await toast(admin, '2 cars updated, 1 skipped.');
    await bar.getByRole('alert').getByText(`${CAR.name}: Sold → Reserved is not allowed`).waitFor();
    expect((await carInDb()).status).toBe('SOLD');
    await bar.getByRole('button', { name: inv.bulk.clear }).click();
    await bar.waitFor({ state: 'detached' });
  }, 60_000);

  it("never overwrites another PC's save: the conflict lists the differing fields and reloads theirs", async () => {
    await rows(admin).nth(2).click();
    await admin.getByRole('heading', { level: 1, name: CAR.name }).waitFor();

    // Another PC saves a new price meanwhile.
    const theirs = await users.ADMIN.ok('cars.get', { id: carId });
    await users.ADMIN.ok('cars.update', { ...updateInputOf(theirs), priceEur: 19900 });

    await field(admin, ed.mileage).fill('46 000');
    await admin.getByRole('button', { name: ed.save, exact: true }).click();
    const dialog = admin.getByTestId('conflict-dialog');
    await dialog.waitFor();
    // fi-FI money and numbers group with no-break spaces.
    const rowsText = (await dialog.locator('tbody tr').allTextContents()).map((text) => text.replace(/\s/g, ' '));
    expect(rowsText).toEqual([`${inv.fields.priceEur}21 900 €19 900 €`, `${inv.fields.mileageKm}46 000 km45 000 km`]);
    await screenshot(admin, 'inventory-conflict');
    await expectAccessible(admin, 'inventory conflict dialog');

    // Keep editing: saving again still refuses to overwrite theirs.
    await dialog.getByRole('button', { name: inv.conflict.keep }).click();
    await admin.getByText(inv.conflict.outdated).waitFor();
    await admin.getByRole('button', { name: ed.save, exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: inv.conflict.reload }).click();
    await expect.poll(() => field(admin, ed.price).inputValue()).toBe('19900');
    expect(await field(admin, ed.mileage).inputValue()).toBe('45000');
    const car = await carInDb();
    expect(car.priceEur.toNumber()).toBe(19900);
    expect(car.mileageKm).toBe(45000);
  }, 60_000);

  it('asks before leaving unsaved changes', async () => {
    await field(admin, ed.color).fill('Valkoinen');
    await admin.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: new RegExp(en.nav.leads) }).click();
    const leave = admin.getByRole('dialog', { name: ed.leaveTitle });
    await leave.waitFor();
    await leave.getByRole('button', { name: en.common.cancel }).click();
    expect(new URL(admin.url()).hash).toBe(`#/inventory/${carId}`);
    expect(await field(admin, ed.color).inputValue()).toBe('Valkoinen');

    await admin.getByRole('button', { name: ed.back }).click();
    await leave.waitFor();
    await leave.getByRole('button', { name: ed.leave }).click();
    await admin.getByRole('heading', { level: 1, name: en.screens.inventory.title }).waitFor();
    expect((await carInDb()).color).toBeNull();
  }, 60_000);
});

describe('inventory as a SUPER_ADMIN', () => {
  it('deletes a car in the trash permanently', async () => {
    const victim = await users.ADMIN.ok('cars.create', { name: 'Fiat Punto 1.2 Trash', brand: 'Fiat', model: 'Punto', year: 2009, priceEur: 1900, mileageKm: 240000, fuelType: 'PETROL', transmission: 'MANUAL', category: 'HATCHBACK' });
    await users.ADMIN.ok('cars.delete', { id: victim.id, version: victim.version });
    const boss = await openApp();
    await signIn(boss, 'super_admin@kroi.test');
    await boss.getByTestId('trash-toggle').click();
    await boss.getByRole('checkbox', { name: 'Select Fiat Punto 1.2 Trash' }).click();
    await boss.getByTestId('trash-bar').getByRole('button', { name: inv.trash.purge }).click();
    const confirm = boss.getByRole('dialog', { name: 'Delete 1 car permanently?' });
    await confirm.getByRole('button', { name: inv.trash.purge }).click();
    await toast(boss, '1 car deleted permanently.');
    expect(await h.t.core.db.car.findUnique({ where: { id: victim.id } })).toBeNull();
    await boss.context().close();
  }, 60_000);
});

describe('inventory as a VIEWER (in Finnish)', () => {
  it('shows the stock and the car but no edit controls', async () => {
    const viewer = await openApp(fi);
    await signIn(viewer, 'viewer@kroi.test', fi);
    await expect.poll(() => rows(viewer).count()).toBeGreaterThan(0);
    for (const name of [fi.inventory.newCar, fi.inventory.import.open]) expect(await viewer.getByRole('button', { name }).count()).toBe(0);
    expect(await viewer.getByRole('checkbox', { name: fi.inventory.table.selectAll }).count()).toBe(0);
    expect(await viewer.getByRole('checkbox', { name: /^Valitse / }).count()).toBe(0);
    expect(await viewer.getByTestId('bulk-bar').count()).toBe(0);
    // "n" does nothing for a viewer.
    await viewer.keyboard.press('n');
    expect(new URL(viewer.url()).hash).toBe('#/inventory');
    await screenshot(viewer, 'inventory-list-viewer-fi');

    await viewer.goto(`${h.server.url}/#/inventory/${carId}`);
    await viewer.getByRole('heading', { level: 1, name: CAR.name }).waitFor();
    await viewer.getByText(fi.inventory.editor.readOnly).waitFor();
    expect(await viewer.getByTestId('save-bar').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: fi.inventory.editor.moveToTrash }).count()).toBe(0);
    expect(await viewer.getByTestId('status-panel').getByRole('button').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: fi.inventory.editor.addFeature }).count()).toBe(0);
    expect(await field(viewer, fi.inventory.editor.name).isDisabled()).toBe(true);
    await viewer.getByTestId('stats-panel').waitFor();
    await screenshot(viewer, 'inventory-editor-viewer-fi');
    await expectAccessible(viewer, 'inventory editor (viewer)');
    // A viewer cannot reach the new-car page by its address either.
    await viewer.goto(`${h.server.url}/#/inventory/new`);
    await viewer.getByRole('heading', { level: 1, name: fi.screens.forbidden.title }).waitFor();
    await viewer.context().close();
  }, 60_000);
});
