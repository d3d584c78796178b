// List totals stop counting at 10,000 (a lead name search at 500): the inventory and the lead
// inbox say "10 000+" rather than count every match, and a total below the cap is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_TOTAL_CAP, TOTAL_CAP } from '../electron/core/services/capped-count';
import { createTestCore, type TestCore } from './support/core';
import { createRoleUsers, type RoleClients } from './support/users';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  u = await createRoleUsers(t.core);
  // Written the way the website and an import would: plain SQL, one statement.
  await t.core.pool.query(
    `INSERT INTO contact_submissions (id, name, email, message, source, status, updated_at)
     SELECT 'cap' || g, 'Asiakas ' || g, 'cap' || g || '@example.fi', 'Hei', 'WEBSITE', 'NEW', now() FROM generate_series(1, $1::int) g`,
    [TOTAL_CAP + 5],
  );
  await t.core.pool.query(
    `INSERT INTO cars (id, slug, name, brand, model, year, price_eur, mileage_km, fuel_type, transmission, category, updated_at)
     SELECT 'capcar' || g, 'skoda-octavia-' || g, 'Skoda Octavia ' || g, 'Skoda', 'Octavia', 2015 + g % 10, 9000 + g, 1000 * g, 'DIESEL', 'MANUAL', 'ESTATE', now()
     FROM generate_series(1, $1::int) g`,
    [TOTAL_CAP + 1],
  );
}, 120_000);
afterAll(async () => t?.close());

describe('lead inbox', () => {
  it('counts up to the cap and says there are more', async () => {
    const page = await u.VIEWER.ok('leads.list', { status: ['NEW'], limit: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(TOTAL_CAP);
    expect(page.totalCapped).toBe(true);
  });

  it('a later page does not count again', async () => {
    const first = await u.VIEWER.ok('leads.list', { status: ['NEW'], limit: 50 });
    const second = await u.VIEWER.ok('leads.list', { status: ['NEW'], limit: 50, cursor: first.nextCursor });
    expect(second.total).toBe(-1);
    expect(second.totalCapped).toBe(false);
    expect(second.items.map((l) => l.id)).not.toContain(first.items[0]!.id);
  });

  it('a name search stops counting sooner, and says so', async () => {
    const page = await u.VIEWER.ok('leads.list', { q: 'asiakas', limit: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(SEARCH_TOTAL_CAP);
    expect(page.totalCapped).toBe(true);
  });

  it('gives the exact total below the cap', async () => {
    // cap1000, cap10000 … cap10005: seven names.
    const page = await u.VIEWER.ok('leads.list', { q: 'cap1000', limit: 50 });
    expect(page.total).toBe(7);
    expect(page.totalCapped).toBe(false);
    expect(page.items).toHaveLength(7);
  });
});

describe('inventory', () => {
  it('counts up to the cap and says there are more', async () => {
    const page = await u.VIEWER.ok('cars.list', { brand: ['Skoda'], limit: 100 });
    expect(page.total).toBe(TOTAL_CAP);
    expect(page.totalCapped).toBe(true);
  });

  it('a search by relevance counts in the same pass, capped too', async () => {
    const first = await u.VIEWER.ok('cars.list', { q: 'octavia', sort: 'relevance', limit: 100 });
    expect(first.items).toHaveLength(100);
    expect(first.total).toBe(TOTAL_CAP);
    expect(first.totalCapped).toBe(true);
    const second = await u.VIEWER.ok('cars.list', { q: 'octavia', sort: 'relevance', limit: 100, cursor: first.nextCursor });
    expect(second.total).toBe(-1);
    expect(second.items.map((c) => c.id)).not.toContain(first.items[0]!.id);
    const few = await u.VIEWER.ok('cars.list', { q: 'octavia', sort: 'relevance', yearMin: 2015, yearMax: 2015, priceMax: 9000 + 100 });
    expect(few.total).toBe(10);
    expect(few.totalCapped).toBe(false);
    const none = await u.VIEWER.ok('cars.list', { q: 'octavia', sort: 'relevance', priceMax: 100 });
    expect(none.total).toBe(0);
  });

  it('gives the exact total below the cap', async () => {
    const page = await u.VIEWER.ok('cars.list', { brand: ['Skoda'], yearMin: 2015, yearMax: 2015, priceMax: 9000 + 100, limit: 100 });
    // g % 10 = 0 and g ≤ 100: g = 10, 20 … 100.
    expect(page.total).toBe(10);
    expect(page.totalCapped).toBe(false);
  });
});
