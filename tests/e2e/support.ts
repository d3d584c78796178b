// End-to-end: the real renderer (built by Vite) in Debian's Chromium, through the browser
// harness, against a real core on a test database and the real Redis.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/web-server';
import type { CoreConfig } from '../../electron/core/config';
import { createTestCore, type TestCore } from '../support/core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-results/screenshots');

export interface Harness {
  t: TestCore;
  server: WebServer;
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `background: true` starts the core's LISTEN listener (needed for pushed 'leads.new');
 * `core` overrides more of the core's config (e.g. a user data folder of the test's own).
 */
export async function startHarness(options: { background?: boolean; core?: Partial<CoreConfig> } = {}): Promise<Harness> {
  const t = await createTestCore({ ...(options.background ? { background: true } : {}), ...options.core });
  const server = await startWebServer({ core: t.core });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update', '--disable-quic'],
  });
  return {
    t,
    server,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fi-FI' });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[renderer error]', error.message));
      await page.goto(server.url);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await t.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
