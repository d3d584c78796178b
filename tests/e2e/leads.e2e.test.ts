// The leads CRM end to end: with the inbox open, a lead the website inserts by plain SQL from
// its own connection arrives as a toast, a badge and a new row without a reload; it is opened,
// assigned, noted, called, qualified (through a stale-version conflict) and won, and the
// timeline shows all of it. Also the board with its keyboard "Move to…" menu and a pointer
// drag, a VIEWER who only reads, and in Finnish a SUPER_ADMIN's follow-up reminder, LOST with
// its reason, a merge, an unsubscribe and an erase. Inbox, board and lead page are screenshotted;
// every view is scanned with axe.
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fi } from '../../renderer/src/i18n/fi';
import { corolla } from '../inventory/fixtures';
import { createRoleUsers, TEST_PASSWORD, type RoleClients } from '../support/users';
import { expectAccessible, screenshot, startHarness, type Harness } from './support';

const WEB_LEAD = { name: 'Matti Meikäläinen', email: 'matti.e2e@example.fi', phone: '+358 40 765 4321', message: 'Hei! Haluaisin koeajaa auton ensi viikolla. Onko rahoitus mahdollista?' };

let h: Harness;
let u: RoleClients;
let carId: string;

/** i18next-style {{name}} filling, for comparing with what the UI shows. */
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** The website writes a lead on its own connection, as it does in production. */
async function websiteInsert(lead: typeof WEB_LEAD, car: string | null): Promise<string> {
  const client = new pg.Client({ connectionString: h.t.database.url });
  await client.connect();
  try {
    const id = `web${Math.random().toString(36).slice(2, 12)}`;
    await client.query('INSERT INTO contact_submissions (id, name, email, phone, message, car_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())', [
      id,
      lead.name,
      lead.email,
      lead.phone,
      lead.message,
      car,
    ]);
    return id;
  } finally {
    await client.end();
  }
}

async function openApp(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  // English labels for stable selectors; the app reads the choice from here at start.
  await context.addInitScript(() => window.localStorage.setItem('kroi.lang', 'en'));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[renderer error]', error.message));
  await page.goto(h.server.url);
  await page.getByLabel(en.login.email).fill(email);
  await page.getByLabel(en.login.password).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: en.login.submit }).click();
  await page.getByRole('navigation', { name: en.nav.label }).waitFor();
  return { context, page };
}

const toastWith = (page: Page, text: string) => page.getByTestId('toasts').getByText(text, { exact: false });
async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByTestId('toasts').getByRole('button', { name: en.common.dismiss });
  while ((await close.count()) > 0) await close.first().click();
}

const row = (page: Page, name: string) => page.locator('[data-testid="lead-row"]', { hasText: name });

beforeAll(async () => {
  h = await startHarness({ background: true });
  u = await createRoleUsers(h.t.core);
  carId = (await u.ADMIN.ok('cars.create', corolla())).id;
  // Some leads already in the inbox, of different kinds.
  await u.ADMIN.ok('leads.create', { name: 'Liisa Virtanen', email: 'liisa@example.fi', phone: '040 111 2222', message: 'Kiinnostaa vaihtoauto, onko Corolla vielä myynnissä?', carId, source: 'PHONE' });
  await u.ADMIN.ok('leads.create', { name: 'Pekka Korhonen', email: 'pekka@example.fi', message: 'Voisinko tulla koeajolle lauantaina?', source: 'WALK_IN' });
  await u.ADMIN.ok('leads.create', { name: 'Anna Nieminen', email: 'anna@example.fi', message: 'Paljonko on rahoituksen kuukausierä?', source: 'EMAIL' });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the leads inbox and a lead', () => {
  let context: BrowserContext;
  let page: Page;
  let leadId: string;

  afterAll(async () => {
    await context?.close();
  });

  it('shows the inbox as a list with counts per status', async () => {
    ({ context, page } = await openApp('admin@kroi.test'));
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.leads }).click();
    await page.waitForURL(/#\/leads$/);
    await row(page, 'Liisa Virtanen').waitFor();
    await expect.poll(() => page.locator('[data-testid="status-counts"] [data-status="NEW"]').textContent()).toContain('3');
    expect(await page.getByTestId('leads-badge').count()).toBe(0);
    await screenshot(page, 'leads-inbox-list');
    await expectAccessible(page, 'leads inbox');
  });

  it('a lead the website inserts by SQL appears at once with a toast and a badge', async () => {
    leadId = await websiteInsert(WEB_LEAD, carId);
    await toastWith(page, fill(en.leads.toast.new, { name: WEB_LEAD.name })).waitFor({ timeout: 5000 });
    await expect.poll(() => page.getByTestId('leads-badge').textContent(), { timeout: 5000 }).toContain('1');
    // The row came without a reload: the page's own list refreshed on the push.
    await row(page, WEB_LEAD.name).waitFor({ timeout: 5000 });
    expect(await row(page, WEB_LEAD.name).textContent()).toContain(en.leads.table.new);
    await expect.poll(() => page.locator('[data-testid="status-counts"] [data-status="NEW"]').textContent()).toContain('4');
  });

  it('shows the board, and moves a card with the keyboard "Move to…" menu and by drag', async () => {
    await page.getByTestId('view-board').click();
    const column = (status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
    await column('NEW').locator('[data-testid="board-card"]', { hasText: WEB_LEAD.name }).waitFor();
    await screenshot(page, 'leads-board');
    await expectAccessible(page, 'leads board');

    // Keyboard: open the menu with ArrowDown, go to "Qualified", Enter. Only allowed moves are offered.
    const menuButton = page.getByRole('button', { name: fill(en.leads.move.menuFor, { name: 'Anna Nieminen' }) });
    await menuButton.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: fill(en.leads.move.menuFor, { name: 'Anna Nieminen' }) });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Contacted', 'Qualified', 'Lost', 'Spam', 'Archived']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await column('QUALIFIED').locator('[data-testid="board-card"]', { hasText: 'Anna Nieminen' }).waitFor();
    // Keyboard focus followed the card to its new column.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="board-column"]')?.getAttribute('data-status'))).toBe('QUALIFIED');

    // Pointer: drag Pekka's card by its grip from New to Contacted, once the columns have
    // settled after the move above (a card leaving New shifts the ones below it).
    await expect.poll(() => column('NEW').locator('[data-testid="board-card"]', { hasText: 'Anna Nieminen' }).count()).toBe(0);
    const grip = column('NEW').locator('[data-testid="board-card"]', { hasText: 'Pekka Korhonen' }).locator('.board-card__grip');
    await grip.hover();
    const from = await grip.boundingBox();
    const to = await column('CONTACTED').boundingBox();
    if (!from || !to) throw new Error('board not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 10 });
    await page.mouse.up();
    await column('CONTACTED').locator('[data-testid="board-card"]', { hasText: 'Pekka Korhonen' }).waitFor();
    const pekka = await h.t.core.db.contactSubmission.findFirstOrThrow({ where: { name: 'Pekka Korhonen' } });
    expect(pekka.status).toBe('CONTACTED');

    await page.getByTestId('view-list').click();
    await row(page, WEB_LEAD.name).waitFor();
  }, 60_000);

  it('opens the new lead: score with reasons, the car, and the badge is cleared', async () => {
    await row(page, WEB_LEAD.name).getByRole('link', { name: WEB_LEAD.name }).click();
    await page.waitForURL(new RegExp(`#/leads/${leadId}$`));
    await page.getByRole('heading', { level: 1, name: WEB_LEAD.name }).waitFor();
    await expect.poll(() => page.getByTestId('leads-badge').count()).toBe(0);
    const score = page.getByTestId('score-panel');
    for (const rule of ['car', 'phone', 'testDrive', 'financing', 'fresh'] as const) await score.getByText(en.leads.rules[rule]).waitFor();
    expect(await page.getByTestId('lead-car-link').getAttribute('href')).toBe(`#/inventory/${carId}`);
    expect(await page.getByTestId('lead-message').textContent()).toBe(WEB_LEAD.message);
  });

  it('is assigned, noted, called, qualified (after a stale-version conflict) and won; the timeline shows it all', async () => {
    // Assign to the admin.
    await page.getByTestId('assignee-panel').getByLabel(en.leads.assign.label).selectOption({ label: 'Test ADMIN' });
    await page.getByTestId('assignee-panel').getByRole('button', { name: en.leads.assign.save }).click();
    await toastWith(page, fill(en.leads.assign.done, { name: 'Test ADMIN' })).waitFor();

    // A note.
    await page.getByLabel(en.leads.notes.new).fill('Asiakas haluaa koeajon lauantaina.');
    await page.getByRole('button', { name: en.leads.notes.add }).click();
    await page.getByTestId('lead-note').filter({ hasText: 'Asiakas haluaa koeajon lauantaina.' }).waitFor();
    // Own note: editable.
    await page.getByTestId('lead-note').getByRole('button', { name: new RegExp(`^${en.leads.notes.edit}`) }).waitFor();

    // A call.
    const form = page.getByTestId('activity-form');
    await form.getByLabel(en.leads.activity.type).selectOption('CALL');
    await form.getByLabel(en.leads.activity.description).fill('Soitettu, sovittu koeajo lauantaille klo 10.');
    await form.getByRole('button', { name: en.leads.activity.add }).click();
    await page.locator('[data-testid="timeline-entry"][data-type="CALL"]').waitFor();

    // Someone else changes the lead meanwhile (another PC): this page's version is now stale.
    const current = await u.ADMIN.ok('leads.get', { id: leadId });
    await u.ADMIN.ok('leads.setFollowUp', { id: leadId, version: current.version, nextContactAt: new Date(Date.now() + 86_400_000).toISOString() });
    await page.getByTestId('move-QUALIFIED').click();
    await toastWith(page, en.leads.conflict.stale).waitFor();
    await expect.poll(() => page.getByTestId('lead-page').getAttribute('data-version')).toBe(String(current.version + 1));
    // Reloaded: the same move now goes through.
    await page.getByTestId('move-QUALIFIED').click();
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe(en.leads.status.QUALIFIED);

    await page.getByTestId('move-WON').click();
    await expect.poll(() => page.getByTestId('lead-status').textContent()).toBe(en.leads.status.WON);

    const timeline = page.getByTestId('timeline');
    await expect.poll(async () => (await timeline.locator('[data-testid="timeline-entry"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-type')))).sort()).toEqual(
      ['ASSIGNMENT', 'CALL', 'NOTE', 'STATUS_CHANGE', 'STATUS_CHANGE'],
    );
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain(fill(en.leads.timeline.assigned, { name: 'Test ADMIN' }));
    expect(text).toContain('Asiakas haluaa koeajon lauantaina.');
    expect(text).toContain('Soitettu, sovittu koeajo lauantaille klo 10.');
    expect(text).toContain(`${en.leads.status.NEW} → ${en.leads.status.QUALIFIED}`);
    expect(text).toContain(`${en.leads.status.QUALIFIED} → ${en.leads.status.WON}`);

    const saved = await h.t.core.db.contactSubmission.findUniqueOrThrow({ where: { id: leadId } });
    expect(saved.status).toBe('WON');
    expect(saved.assignedToId).toBe(u.ids.ADMIN);
    expect(saved.closedAt).not.toBeNull();

    // The frame scrolls inside <main>: a tall window shows the whole page in one picture.
    await dismissToasts(page);
    await page.setViewportSize({ width: 1366, height: 1900 });
    await screenshot(page, 'leads-lead-page');
    await expectAccessible(page, 'lead page');
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 60_000);
});

describe('a VIEWER', () => {
  it('reads the inbox and a lead without any controls to change them', async () => {
    const { context, page } = await openApp('viewer@kroi.test');
    await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.leads }).click();
    await row(page, 'Liisa Virtanen').waitFor();
    expect(await page.locator('[data-testid="lead-table"] input[type="checkbox"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: en.leads.export.button }).count()).toBe(0);
    await page.getByTestId('view-board').click();
    await page.locator('[data-testid="board-card"]').first().waitFor();
    expect(await page.getByRole('button', { name: new RegExp(`^${en.leads.move.menu}`) }).count()).toBe(0);

    await page.getByTestId('view-list').click();
    await row(page, 'Liisa Virtanen').getByRole('link', { name: 'Liisa Virtanen' }).click();
    await page.getByTestId('lead-page').waitFor();
    await page.getByText(en.leads.lead.readOnly).waitFor();
    expect(await page.locator('[data-testid^="move-"]').count()).toBe(0);
    expect(await page.getByTestId('activity-form').count()).toBe(0);
    expect(await page.getByLabel(en.leads.notes.new).count()).toBe(0);
    expect(await page.getByTestId('assignee-panel').locator('select').count()).toBe(0);
    await context.close();
  }, 60_000);
});

describe('a SUPER_ADMIN, in Finnish', () => {
  let page: Page;

  beforeAll(async () => {
    const kalle = await u.ADMIN.ok('leads.create', { name: 'Kalle Kotilainen', email: 'kalle@example.fi', message: 'Soittakaa iltapäivällä', source: 'PHONE' });
    const assigned = await u.ADMIN.ok('leads.assign', { id: kalle.id, version: kalle.version, userId: u.ids.SUPER_ADMIN });
    await u.ADMIN.ok('leads.setFollowUp', { id: kalle.id, version: assigned.version, nextContactAt: new Date(Date.now() - 3_600_000).toISOString() });
    await u.ADMIN.ok('leads.create', { name: 'Ville Vaihtaja', email: 'ville@example.fi', message: 'Vaihtoauton hinta-arvio?', source: 'EMAIL' });
    await websiteInsert({ name: 'Sanna Salo', email: 'sanna@example.fi', phone: '+358 50 222 3333', message: 'Koeajo?' }, null);
    await websiteInsert({ name: 'Sanna S.', email: 'SANNA@example.fi', phone: '050 222 3333', message: 'Soittakaa' }, null);
    // Both processed by the listener, the second flagged as the first one's duplicate.
    await vi.waitFor(
      async () => {
        const processed = await h.t.core.db.contactSubmission.count({ where: { email: { in: ['sanna@example.fi', 'SANNA@example.fi'] }, processedAt: { not: null } } });
        if (processed !== 2) throw new Error(`${processed} of 2 processed`);
      },
      { timeout: 5000, interval: 100 },
    );
    for (const [i, status] of (['ACTIVE', 'ACTIVE', 'UNSUBSCRIBED'] as const).entries()) {
      await h.t.core.db.newsletterSubscriber.create({ data: { email: `tilaaja${i}@example.fi`, status, subscribedAt: new Date(), source: 'footer' } });
    }
    page = await h.newPage();
    await page.getByLabel(fi.login.email).fill('super_admin@kroi.test');
    await page.getByLabel(fi.login.password).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: fi.login.submit }).click();
    await page.getByRole('navigation', { name: fi.nav.label }).getByRole('link', { name: fi.nav.leads }).click();
    await row(page, 'Kalle Kotilainen').waitFor();
  }, 60_000);

  afterAll(async () => {
    await page?.context().close();
  });

  it('is reminded of a follow-up that is due, and finds it under Follow-ups', async () => {
    await toastWith(page, fill(fi.leads.reminder.summary_one, { count: 1 })).waitFor();
    await page.getByTestId('leads-tab-followUps').click();
    await page.waitForURL(/#\/leads\/follow-ups$/);
    const table = page.getByRole('table', { name: fi.leads.followUps.caption });
    await table.getByRole('link', { name: 'Kalle Kotilainen' }).waitFor();
    expect(await table.locator('[data-testid="lead-row"]').count()).toBe(1);
    await expectAccessible(page, 'follow-ups');
  });

  /** Each step starts from the inbox, whatever the one before left on screen. */
  async function toInbox(): Promise<void> {
    await page.getByTestId('leads-tab-inbox').click();
    await page.waitForURL(/#\/leads$/);
  }

  it('moves a lead to LOST from the board, giving the reason', async () => {
    await toInbox();
    await page.getByRole('searchbox', { name: fi.leads.search.label }).fill('Ville');
    await page.getByTestId('view-board').click();
    await page.getByRole('button', { name: fill(fi.leads.move.menuFor, { name: 'Ville Vaihtaja' }) }).click();
    await page.getByRole('menuitem', { name: fi.leads.status.LOST }).click();
    const dialog = page.getByTestId('lost-dialog');
    await dialog.getByLabel(fi.leads.lost.reason).waitFor();
    await expectAccessible(page, 'lost dialog');
    await dialog.getByRole('button', { name: fi.leads.lost.confirm }).click();
    await dialog.getByText(fi.leads.lost.required).waitFor();
    await dialog.getByLabel(fi.leads.lost.reason).fill('Osti muualta');
    await dialog.getByRole('button', { name: fi.leads.lost.confirm }).click();
    await page.locator('[data-testid="board-column"][data-status="LOST"] [data-testid="board-card"]', { hasText: 'Ville Vaihtaja' }).waitFor();
    const ville = await h.t.core.db.contactSubmission.findFirstOrThrow({ where: { name: 'Ville Vaihtaja' } });
    expect([ville.status, ville.lostReason]).toEqual(['LOST', 'Osti muualta']);
    await page.getByTestId('view-list').click();
  });

  it('merges a duplicate into the lead kept', async () => {
    await toInbox();
    await page.getByRole('searchbox', { name: fi.leads.search.label }).fill('sanna');
    await row(page, 'Sanna S.').getByRole('link', { name: 'Sanna S.' }).click();
    const panel = page.getByTestId('duplicates-panel');
    await panel.getByRole('link', { name: 'Sanna Salo' }).waitFor();
    await panel.getByRole('button', { name: fi.leads.duplicates.merge }).click();
    await page.getByRole('dialog', { name: fi.leads.duplicates.confirmTitle }).getByRole('button', { name: fi.leads.duplicates.merge }).click();
    await page.locator('[data-testid="timeline-entry"][data-type="MERGE"]').waitFor();
    const first = await h.t.core.db.contactSubmission.findFirstOrThrow({ where: { name: 'Sanna Salo' } });
    expect(first.status).toBe('ARCHIVED');
    await page.getByRole('link', { name: fi.leads.lead.back }).click();
  });

  it('unsubscribes a newsletter subscriber', async () => {
    await toInbox();
    await page.getByTestId('leads-tab-newsletter').click();
    await page.waitForURL(/#\/leads\/newsletter$/);
    await page.locator('[data-testid="subscriber-row"]').first().waitFor();
    await expectAccessible(page, 'newsletter');
    await page.getByRole('button', { name: fill(fi.leads.newsletter.unsubscribeFor, { email: 'tilaaja0@example.fi' }) }).click();
    await page.getByRole('dialog', { name: fi.leads.newsletter.confirmTitle }).getByRole('button', { name: fi.leads.newsletter.unsubscribe }).click();
    await expect.poll(async () => (await h.t.core.db.newsletterSubscriber.findUniqueOrThrow({ where: { email: 'tilaaja0@example.fi' } })).status).toBe('UNSUBSCRIBED');
  });

  it('erases a person on request, after a confirmation', async () => {
    await toInbox();
    await page.getByTestId('erase-open').click();
    const dialog = page.getByTestId('erase-dialog');
    await dialog.getByRole('button', { name: fi.leads.erase.next }).click();
    await dialog.getByText(fi.leads.erase.needOne).waitFor();
    await expectAccessible(page, 'erase dialog');
    await dialog.getByLabel(fi.leads.erase.email).fill('sanna@example.fi');
    await dialog.getByLabel(fi.leads.erase.reason).fill('Pyyntö 2026-11-25');
    await dialog.getByRole('button', { name: fi.leads.erase.next }).click();
    await page.getByRole('dialog', { name: fi.leads.erase.confirmTitle }).getByRole('button', { name: fi.leads.erase.confirm }).click();
    await toastWith(page, fill(fi.leads.erase.done_other, { count: 2 })).waitFor();
    expect(await h.t.core.db.contactSubmission.count({ where: { email: { contains: 'sanna', mode: 'insensitive' } } })).toBe(0);
    const audit = await h.t.core.db.activityLog.findFirstOrThrow({ where: { action: 'lead.erase' } });
    expect(audit.userId).toBe(u.ids.SUPER_ADMIN);
  });
});
