// The managers' dashboards end to end, in English, on seeded traffic that the roll-up job has
// rolled up: the dashboard opens with its key figures and charts, the period changes (a
// preset, a custom range, a range without data), a chart shows values on hover, a chart's
// numbers download as CSV and its picture as PNG, the web vitals switch metric and pages.
// The dashboard is screenshotted and scanned with axe.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { seed } from '../../scripts/seed/index';
import { createRoleUsers, TEST_PASSWORD } from '../support/users';
import { expectAccessible, screenshot, startHarness, type Harness } from './support';

const a = en.analytics;
const DAY = 86_400_000;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let h: Harness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  await seed(h.t.database.url, { cars: 40, leads: 200, views: 3000, pageViews: 6000, vitals: 1500, seed: 5, now: new Date(Date.now() - 120_000), analyze: false });
  await createRoleUsers(h.t.core);
  await h.t.core.analytics.rollup.run();
  context = await h.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', acceptDownloads: true });
  await context.addInitScript(() => window.localStorage.setItem('kroi.lang', 'en'));
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('[renderer error]', error.message));
  await page.goto(h.server.url);
  await page.getByLabel(en.login.email).fill('viewer@kroi.test');
  await page.getByLabel(en.login.password).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: en.login.submit }).click();
  await page.getByRole('navigation', { name: en.nav.label }).getByRole('link', { name: en.nav.analytics }).click();
  await page.getByRole('heading', { level: 1, name: a.title }).waitFor();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await h?.close();
});

const kpiValue = (key: string) => page.getByTestId(`kpi-${key}`).locator('.kpi__value').textContent();
const card = (id: string) => page.getByTestId(`chart-${id}`);
const periodText = () => page.getByTestId('analytics-period').textContent();
const settled = () => page.locator('.analytics__body:not(.analytics__body--stale)').waitFor();

describe('analytics dashboard', () => {
  it('opens on 30 days with the key figures and every chart', async () => {
    await settled();
    expect(await kpiValue('visits')).toMatch(/\d/);
    expect(await kpiValue('leads')).toMatch(/\d/);
    for (const id of ['views-over-time', 'top-cars-by-views', 'top-cars-by-leads', 'leads-by-status', 'leads-by-source', 'pages-by-path', 'top-referrers', 'web-vitals', 'stock-age']) {
      await expect.poll(() => card(id).locator('svg.recharts-surface').count(), { message: id }).toBeGreaterThan(0);
    }
    expect(await page.getByRole('button', { name: a.range.days30, pressed: true }).count()).toBe(1);
    await screenshot(page, 'analytics-dashboard');
    await expectAccessible(page, 'analytics dashboard');
  }, 60_000);

  it('changes the period: a preset, a custom range and a range without data', async () => {
    const before = await kpiValue('visits');
    const text30 = await periodText();
    await page.getByRole('button', { name: a.range.days90 }).click();
    await expect.poll(periodText).not.toBe(text30);
    await settled();
    await expect.poll(() => kpiValue('visits')).not.toBe(before);
    // 90 days hold at least as many page views as the 30 within them.
    const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));
    expect(digits(await kpiValue('visits'))).toBeGreaterThan(digits(before));

    await page.getByRole('button', { name: a.range.custom }).click();
    const today = new Date();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await page.getByLabel(a.range.from, { exact: true }).fill(day(today.getTime() - 20 * DAY));
    await page.getByLabel(a.range.to, { exact: true }).fill(day(today.getTime() - 30 * DAY));
    await page.getByRole('button', { name: a.range.apply }).click();
    await page.getByRole('alert').getByText(a.range.endBeforeStart).waitFor();
    await page.getByLabel(a.range.to, { exact: true }).fill(day(today.getTime() - 6 * DAY));
    await page.getByRole('button', { name: a.range.apply }).click();
    await expect.poll(periodText).toContain(String(new Date(today.getTime() - 6 * DAY).getUTCDate()));
    await settled();
    expect(await card('views-over-time').locator('svg.recharts-surface').count()).toBe(1);

    await page.getByLabel(a.range.from, { exact: true }).fill('2015-01-01');
    await page.getByLabel(a.range.to, { exact: true }).fill('2015-01-31');
    await page.getByRole('button', { name: a.range.apply }).click();
    await card('views-over-time').getByText(a.chart.empty).waitFor();
    expect(await kpiValue('visits')).toBe('0');
    expect(await card('views-over-time').getByRole('button', { name: /CSV/ }).isDisabled()).toBe(true);
    await expectAccessible(page, 'analytics without data');

    await page.getByRole('button', { name: a.range.days30 }).click();
    await settled();
    await card('views-over-time').locator('svg.recharts-surface').waitFor();
  }, 60_000);

  it('shows the values of a day when the chart is hovered', async () => {
    const plot = card('views-over-time').locator('.chart-card__plot');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.5);
    const tooltip = plot.locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tooltip.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain(a.views.pageViews);
    expect(text).toMatch(/\d/);
    await screenshot(page, 'analytics-tooltip');
  });

  it('downloads a chart’s numbers as CSV and its picture as PNG', async () => {
    const views = card('views-over-time');
    const [csv] = await Promise.all([page.waitForEvent('download'), views.getByRole('button', { name: a.chart.csvFor.replace('{{title}}', a.views.title) }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^kroi-views-over-time-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(`${a.views.day},${a.views.pageViews},${a.views.carViews},${a.views.sessions}`);
    expect(lines).toHaveLength(31);
    expect(lines.slice(1).every((l) => /^\d{4}-\d{2}-\d{2},\d+,\d+,\d+$/.test(l))).toBe(true);

    const [png] = await Promise.all([page.waitForEvent('download'), views.getByRole('button', { name: a.chart.pngFor.replace('{{title}}', a.views.title) }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await readFile((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(5_000);

    // Another chart, a bar chart: its numbers and picture too.
    const [stockCsv] = await Promise.all([page.waitForEvent('download'), card('stock-age').getByRole('button', { name: /CSV/ }).click()]);
    const stockLines = (await readFile((await stockCsv.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(stockLines[0]).toBe(`${a.stock.bucket},${a.stock.count}`);
    expect(stockLines).toHaveLength(5);
    const [stockPng] = await Promise.all([page.waitForEvent('download'), card('stock-age').getByRole('button', { name: /PNG/ }).click()]);
    expect([...(await readFile((await stockPng.path())!)).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  }, 60_000);

  it('switches the web vitals between metrics and pages', async () => {
    const vitals = card('web-vitals');
    const plot = vitals.locator('.chart-card__plot');
    const label = () => plot.getAttribute('aria-label');
    const lcp = await label();
    expect(lcp).toContain('LCP');
    await vitals.getByRole('button', { name: 'INP' }).click();
    await expect.poll(label).toContain('INP');
    await vitals.getByRole('combobox', { name: a.vitals.path }).selectOption('/autot/*');
    await expect.poll(label).toContain(a.vitals.carPages);
    await settled();
    await vitals.locator('svg.recharts-surface').waitFor();
    await vitals.scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-web-vitals');
    await expectAccessible(page, 'analytics web vitals');
  });
});
