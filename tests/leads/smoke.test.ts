// Leads: the intake (score, duplicate, round-robin), the inbox and LISTEN/NOTIFY end to end.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../electron/core/api/events';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore({ background: true });
  u = await createRoleUsers(t.core);
});
afterAll(async () => t?.close());

const websiteInsert = async (over: Record<string, unknown> = {}) => {
  // The website's own connection, not the core's.
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  try {
    const row = { id: `web${Math.random().toString(36).slice(2, 12)}`, name: 'Matti Meikäläinen', email: 'matti@example.fi', phone: '+358 40 123 4567', message: 'Haluaisin koeajaa auton, onko rahoitus mahdollista?', ...over };
    await client.query(
      `INSERT INTO contact_submissions (id, name, email, phone, message, updated_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [row.id, row.name, row.email, row.phone, row.message],
    );
    return row.id;
  } finally {
    await client.end();
  }
};

describe('a lead inserted by the website', () => {
  it('reaches the subscribed core within a second, scored', async () => {
    const arrived = new Promise<EventMap['leads.new']>((resolve) => t.core.events.on('leads.new', resolve));
    const started = Date.now();
    const id = await websiteInsert();
    const event = await arrived;
    expect(event.id).toBe(id);
    expect(Date.now() - started).toBeLessThan(1000);
    const lead = await u.VIEWER.ok('leads.get', { id });
    expect(lead.leadScore).toBeGreaterThan(0);
    expect(lead.scoreReasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['phone', 'testDrive', 'financing', 'fresh']));
  });

  it('a second lead of the same person is flagged as a duplicate', async () => {
    const first = (await u.VIEWER.ok('leads.list', { q: 'matti@example.fi' })).items[0]!;
    const arrived = new Promise<EventMap['leads.new']>((resolve) => t.core.events.on('leads.new', resolve));
    const id = await websiteInsert({ email: 'MATTI@example.fi', phone: '040 123 4567', message: 'Soittakaa' });
    await arrived;
    const lead = await u.VIEWER.ok('leads.get', { id });
    expect(lead.duplicateOfId).toBe(first.id);
    expect(lead.possibleDuplicates.map((d) => d.id)).toContain(first.id);
  });
});

describe('working a lead', () => {
  it('assign, note, call, qualify, win: the timeline shows all of it', async () => {
    const created = await u.ADMIN.ok('leads.create', { name: 'Liisa Virtanen', email: 'liisa@example.fi', message: 'Kiinnostaa vaihtoauto', source: 'PHONE' });
    let lead = await u.ADMIN.ok('leads.assign', { id: created.id, version: created.version, userId: u.ids.ADMIN });
    lead = await u.ADMIN.ok('leads.addNote', { leadId: lead.id, content: 'Asiakas soittaa huomenna' });
    lead = await u.ADMIN.ok('leads.addActivity', { leadId: lead.id, type: 'CALL', description: 'Soitettu, sovittu koeajo' });
    lead = await u.ADMIN.ok('leads.setStatus', { id: lead.id, version: lead.version, status: 'QUALIFIED' });
    lead = await u.ADMIN.ok('leads.setStatus', { id: lead.id, version: lead.version, status: 'WON' });
    expect(lead.activities.map((a) => a.type)).toEqual(expect.arrayContaining(['ASSIGNMENT', 'NOTE', 'CALL', 'STATUS_CHANGE']));
    expect(lead.firstContactedAt).not.toBeNull();
    expect(lead.closedAt).not.toBeNull();
    const refused = await u.ADMIN.call('leads.setStatus', { id: lead.id, version: lead.version, status: 'NEW' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('counts and inbox pages', async () => {
    const counts = await u.VIEWER.ok('leads.counts', {});
    expect(counts.NEW).toBeGreaterThanOrEqual(2);
    const page = await u.VIEWER.ok('leads.list', { sort: 'score', limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await u.VIEWER.ok('leads.list', { sort: 'score', limit: 1, cursor: page.nextCursor });
    expect(next.items[0]!.id).not.toBe(page.items[0]!.id);
  });
});
