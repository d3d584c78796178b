// Leads: the seed's contacts:* cache keys (filled by the inbox, dropped by every change so
// the next read is fresh) and LISTEN/NOTIFY reaching every open app within a second.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadCountsDto } from '../../electron/core/api/dto-leads';
import { LEAD_STATUSES } from '../../electron/core/api/enums';
import type { Core } from '../../electron/core/index';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { helsinkiMidnightAfter, leadsAnnounced, redisClient, scanKeys, seedLead, startCore, uid, uniqueEmail, websiteInsert } from './helpers';

let t: TestCore;
let u: RoleClients;
let redis: Redis;
const cores: Core[] = [];

beforeAll(async () => {
  // No listener on this core: its own writes must invalidate, not a NOTIFY echo arriving later.
  t = await createTestCore({ background: false });
  u = await createRoleUsers(t.core);
  redis = redisClient();
});
afterAll(async () => {
  redis?.disconnect();
  for (const c of cores) await c.close();
  await t?.close();
});

const contactKeys = () => scanKeys(redis, t.keyPrefix, 'contacts:*');

/** The inbox as the screens read it: counts, my leads, follow-ups, the NEW column. */
async function read() {
  const [all, mine, due, fresh] = await Promise.all([
    u.ADMIN.ok('leads.counts', {}),
    u.ADMIN.ok('leads.counts', { assignee: 'me' }),
    u.ADMIN.ok('leads.counts', { due: 'today' }),
    u.ADMIN.ok('leads.list', { status: ['NEW'], sort: 'score', limit: 200 }),
  ]);
  return { all, mine, due, newIds: fresh.items.map((l) => l.id).sort(), newTotal: fresh.total };
}

/** The same, straight from PostgreSQL. */
async function truth() {
  const counts = async (where: string, values: unknown[] = []) => {
    const { rows } = await t.core.pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM contact_submissions WHERE ${where} GROUP BY status`, values);
    const c = Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0])) as LeadCountsDto;
    for (const r of rows) c[r.status as keyof LeadCountsDto] = r.n;
    return c;
  };
  const { rows } = await t.core.pool.query<{ id: string }>("SELECT id FROM contact_submissions WHERE status = 'NEW' ORDER BY id");
  return {
    all: await counts('TRUE'),
    mine: await counts('assigned_to_id = $1', [u.ids.ADMIN]),
    due: await counts('next_contact_at < $1', [helsinkiMidnightAfter()]),
    newIds: rows.map((r) => r.id).sort(),
    newTotal: rows.length,
  };
}

/** Fills the cache, makes the change, and checks the keys went and the next read is the database's. */
async function expectInvalidated(change: () => Promise<unknown>): Promise<void> {
  await read();
  const warm = await contactKeys();
  expect(warm.length).toBeGreaterThanOrEqual(4);
  await change();
  expect(await contactKeys()).toEqual([]);
  expect(await read()).toEqual(await truth());
}

describe('contacts:* cache keys', () => {
  it('the inbox fills contacts:* keys of the 1-minute class, and a repeat read is served from them', async () => {
    await seedLead(t.core, {});
    await t.core.cache.delPattern('contacts:*');
    const first = await read();
    const found = await contactKeys();
    expect(found.length).toBe(4);
    for (const key of found) {
      expect(key.startsWith(`${t.keyPrefix}contacts:`)).toBe(true);
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    }
    expect(found.some((k) => k.startsWith(`${t.keyPrefix}contacts:NEW:`))).toBe(true);
    expect(found.some((k) => k.startsWith(`${t.keyPrefix}contacts:counts:`))).toBe(true);
    // A row written behind the app's back (no invalidation) is not seen: the read came from Redis.
    await t.core.pool.query("UPDATE contact_submissions SET status = 'CONTACTED' WHERE id = (SELECT id FROM contact_submissions WHERE status = 'NEW' LIMIT 1)");
    expect(await read()).toEqual(first);
    await t.core.cache.delPattern('contacts:*');
  });

  it('"me" is resolved per user: two users never share a key', async () => {
    await seedLead(t.core, { assignedToId: u.ids.ADMIN });
    const admin = await u.ADMIN.ok('leads.counts', { assignee: 'me' });
    const boss = await u.SUPER_ADMIN.ok('leads.counts', { assignee: 'me' });
    expect(Object.values(admin).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Object.values(boss).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('leads.create', async () => {
    await expectInvalidated(() => u.ADMIN.ok('leads.create', { name: 'Uusi Asiakas', email: uniqueEmail(), message: 'Soitti kysyäkseen hinnasta', source: 'PHONE' }));
  });

  it('leads.setStatus', async () => {
    const id = await seedLead(t.core, {});
    await expectInvalidated(() => u.ADMIN.ok('leads.setStatus', { id, version: 1, status: 'CONTACTED' }));
  });

  it('leads.assign', async () => {
    const id = await seedLead(t.core, {});
    await expectInvalidated(() => u.ADMIN.ok('leads.assign', { id, version: 1, userId: u.ids.ADMIN }));
  });

  it('leads.addNote', async () => {
    const id = await seedLead(t.core, {});
    await expectInvalidated(() => u.ADMIN.ok('leads.addNote', { leadId: id, content: 'Muistiinpano' }));
  });

  it('leads.addActivity', async () => {
    const id = await seedLead(t.core, {});
    await expectInvalidated(() => u.ADMIN.ok('leads.addActivity', { leadId: id, type: 'EMAIL', description: 'Lähetetty tarjous' }));
  });

  it('leads.setFollowUp', async () => {
    const id = await seedLead(t.core, {});
    await expectInvalidated(() => u.ADMIN.ok('leads.setFollowUp', { id, version: 1, nextContactAt: new Date(Date.now() - 60_000).toISOString() }));
  });

  it('leads.merge', async () => {
    const email = uniqueEmail();
    const source = await seedLead(t.core, { email });
    const target = await seedLead(t.core, { email });
    await expectInvalidated(() => u.ADMIN.ok('leads.merge', { sourceId: source, targetId: target }));
  });

  it('leads.bulk', async () => {
    const ids = [await seedLead(t.core, {}), await seedLead(t.core, {})];
    await expectInvalidated(() => u.ADMIN.ok('leads.bulk', { ids, action: { type: 'status', status: 'QUALIFIED' } }));
    await expectInvalidated(() => u.ADMIN.ok('leads.bulk', { ids, action: { type: 'assign', userId: u.ids.ADMIN } }));
  });

  it('leads.erase', async () => {
    const email = uniqueEmail();
    await seedLead(t.core, { email });
    await expectInvalidated(() => u.SUPER_ADMIN.ok('leads.erase', { email, reason: 'Pyyntö #1' }));
  });

  it('a lead the website inserts (invalidated by the PC that processes it)', async () => {
    // Another PC with a listener, sharing the Redis: it processes the insert and drops the keys.
    const other = await startCore(t);
    cores.push(other);
    const id = `web${uid()}`;
    await expectInvalidated(async () => {
      const announced = leadsAnnounced(other, () => [id]);
      await websiteInsert(t.database.url, { id });
      await announced;
    });
    expect((await read()).newIds).toContain(id);
  });
});

describe('LISTEN/NOTIFY', () => {
  it('a lead inserted by plain SQL from another connection reaches two subscribed cores within a second', async () => {
    while (cores.length < 2) cores.push(await startCore(t));
    const id = `web${uid()}`;
    const arrivals = cores.map(
      (core) =>
        new Promise<number>((resolve) => {
          const off = core.events.on('leads.new', (e) => {
            if (e.id !== id) return;
            off();
            resolve(performance.now());
          });
        }),
    );
    const started = performance.now();
    await websiteInsert(t.database.url, { id, name: 'Nopea Asiakas' });
    const times = await Promise.all(arrivals);
    for (const at of times) expect(at - started).toBeLessThan(1000);
    const lead = await u.VIEWER.ok('leads.get', { id });
    expect(lead.name).toBe('Nopea Asiakas');
  });

  it('an UPDATE by the website is not announced as a new lead', async () => {
    const core = cores[0]!;
    const insertAnnounced = async () => {
      const id = `web${uid()}`;
      const announced = leadsAnnounced(core, () => [id]);
      await websiteInsert(t.database.url, { id });
      await announced;
      return id;
    };
    const id = await insertAnnounced();
    let heard = 0;
    const off = core.events.on('leads.new', () => heard++);
    try {
      await t.core.pool.query("UPDATE contact_submissions SET message = 'muutettu' WHERE id = $1", [id]);
      // Notifications arrive in commit order: once the marker is announced, the update's turn has passed.
      await insertAnnounced();
      expect(heard).toBe(1);
    } finally {
      off();
    }
  });
});
