// Leads: the intake on several PCs at once (round-robin fairness, each lead processed
// exactly once, catch-up of leads that came in while no app ran), duplicate detection and merge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { createUser, insertProcessed, leadsAnnounced, seedLead, setConfig, startCore, uid, uniqueEmail, waitFor, websiteInsert } from './helpers';

let t: TestCore;
let u: RoleClients;
/** The three active ADMINs, in the order round-robin takes them (by id). */
let sales: string[];
let inactive: string;
const cores: Core[] = [];

const DAY = 86_400_000;

beforeAll(async () => {
  // No listener here: the cores that process leads are started by the tests themselves.
  t = await createTestCore({ background: false });
  // Before any core reads it: the setting is cached per core for 30 s.
  await setConfig(t.core, 'leads.roundRobin', true);
  u = await createRoleUsers(t.core);
  sales = [u.ids.ADMIN, await createUser(t.core, { role: 'ADMIN' }), await createUser(t.core, { role: 'ADMIN' })].sort();
  inactive = await createUser(t.core, { role: 'ADMIN', isActive: false });
  // Every change of processed_at, seen by the database itself: "processed once" is checked here.
  await t.core.pool.query(`
    CREATE TABLE test_processed_log (lead_id text NOT NULL, old_at timestamp, new_at timestamp);
    CREATE FUNCTION test_log_processed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.processed_at IS DISTINCT FROM OLD.processed_at THEN
        INSERT INTO test_processed_log VALUES (NEW.id, OLD.processed_at, NEW.processed_at);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_log_processed AFTER UPDATE ON contact_submissions FOR EACH ROW EXECUTE FUNCTION test_log_processed();`);
});
afterAll(async () => {
  for (const c of cores) await c.close();
  await t?.close();
});

async function startListening(): Promise<Core> {
  const core = await startCore(t);
  cores.push(core);
  return core;
}

const assignmentsOf = async (ids: string[]) =>
  (
    await t.core.pool.query<{ contact_id: string; to: string; n: number }>(
      `SELECT contact_id, min(metadata->>'to') AS to, count(*)::int AS n FROM contact_activities
       WHERE type = 'ASSIGNMENT' AND contact_id = ANY($1) GROUP BY contact_id`,
      [ids],
    )
  ).rows;

const processedLog = async (ids: string[]) =>
  (await t.core.pool.query<{ lead_id: string; n: number; from_null: boolean }>(
    'SELECT lead_id, count(*)::int AS n, bool_and(old_at IS NULL) AS from_null FROM test_processed_log WHERE lead_id = ANY($1) GROUP BY lead_id',
    [ids],
  )).rows;

describe('catch-up', () => {
  it('leads inserted while no app ran are processed when a core starts', async () => {
    const ids = await websiteInsert(
      t.database.url,
      { message: 'Onko auto vielä myynnissä? Koeajo kiinnostaisi.', phone: '+358 50 999 0001' },
      { message: 'Rahoitus?', created_at: new Date(Date.now() - 2 * 3_600_000) },
      { message: 'Kiitos tiedoista' },
    );
    const { rows: waiting } = await t.core.pool.query('SELECT id FROM contact_submissions WHERE id = ANY($1) AND processed_at IS NULL', [ids]);
    expect(waiting).toHaveLength(3);

    // Subscribing needs the core, and the core catches up as it starts: poll the rows instead.
    const first = await startListening();
    await waitFor('catch-up', async () => {
      const { rows } = await t.core.pool.query('SELECT 1 FROM contact_submissions WHERE id = ANY($1) AND processed_at IS NOT NULL', [ids]);
      return rows.length === 3;
    });
    const leads = await Promise.all(ids.map((id) => u.VIEWER.ok('leads.get', { id })));
    expect(leads[0]!.scoreReasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['phone', 'testDrive', 'fresh']));
    expect(leads[1]!.scoreReasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['financing', 'fresh']));
    expect(leads.every((l) => l.assignedToId !== null && sales.includes(l.assignedToId))).toBe(true);
    expect((await processedLog(ids)).map((r) => r.n)).toEqual([1, 1, 1]);
    // A later insert is heard live by the same core.
    const [live] = await insertProcessed(t, first, { message: 'Vielä yksi kysymys' });
    expect((await u.VIEWER.ok('leads.get', { id: live! })).assignedToId).not.toBeNull();
  });
});

describe('round-robin among active sales users', () => {
  it('30 leads one after another: 10/10/10, in turn, only active ADMINs', async () => {
    const [a] = cores;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(...(await insertProcessed(t, a!, { message: `Kysymys numero ${i}` })));
    const { rows } = await t.core.pool.query<{ id: string; assigned_to_id: string }>('SELECT id, assigned_to_id FROM contact_submissions WHERE id = ANY($1) ORDER BY created_at, id', [ids]);
    const order = rows.map((r) => r.assigned_to_id);
    const tally = Object.fromEntries(sales.map((s) => [s, order.filter((x) => x === s).length]));
    expect(tally).toEqual(Object.fromEntries(sales.map((s) => [s, 10])));
    expect(order).not.toContain(inactive);
    expect(order).not.toContain(u.ids.VIEWER);
    expect(order).not.toContain(u.ids.SUPER_ADMIN);
    // In turn: the id-ordered users, cycling, wherever the turn stood before.
    const start = sales.indexOf(order[0]!);
    expect(order).toEqual(order.map((_, i) => sales[(start + i) % 3]));
    for (const r of await assignmentsOf(ids)) expect(r).toMatchObject({ n: 1 });
  });

  it('two cores hearing the same burst process each lead exactly once, and stay fair', async () => {
    const [a] = cores;
    const b = await startListening();
    const ids = Array.from({ length: 30 }, () => `burst${uid()}`);
    const heardA = leadsAnnounced(a!, () => ids, 15_000);
    const heardB = leadsAnnounced(b, () => ids, 15_000);
    // Three website connections at once, ten leads each.
    await Promise.all([0, 1, 2].map((k) => websiteInsert(t.database.url, ...ids.slice(k * 10, k * 10 + 10).map((id, i) => ({ id, message: `Purske ${k}-${i}` })))));
    const [seenA, seenB] = await Promise.all([heardA, heardB]);
    // Each core announces each lead once: a second processing would announce it again.
    await new Promise((r) => setTimeout(r, 300));
    const repeated = (seen: Map<string, number>) => [...seen].filter(([, n]) => n !== 1);
    expect(repeated(seenA)).toEqual([]);
    expect(repeated(seenB)).toEqual([]);

    const log = await processedLog(ids);
    expect(log).toHaveLength(30);
    for (const r of log) expect(r).toMatchObject({ n: 1, from_null: true });
    const assignments = await assignmentsOf(ids);
    expect(assignments).toHaveLength(30);
    for (const r of assignments) expect(r.n).toBe(1);
    const tally = Object.fromEntries(sales.map((s) => [s, assignments.filter((x) => x.to === s).length]));
    expect(tally).toEqual(Object.fromEntries(sales.map((s) => [s, 10])));
    // The round-robin activity agrees with the row.
    const { rows } = await t.core.pool.query<{ id: string; assigned_to_id: string }>('SELECT id, assigned_to_id FROM contact_submissions WHERE id = ANY($1)', [ids]);
    const byId = new Map(assignments.map((x) => [x.contact_id, x.to]));
    for (const r of rows) expect(r.assigned_to_id).toBe(byId.get(r.id));
  });

  it('a lead the website already assigned keeps its assignee and gets no round-robin entry', async () => {
    const [a] = cores;
    const id = `pre${uid()}`;
    const announced = leadsAnnounced(a!, () => [id]);
    const client = await t.core.pool.connect();
    try {
      await client.query(`INSERT INTO contact_submissions (id, name, email, message, assigned_to_id, updated_at) VALUES ($1, 'Valmiiksi jaettu', $2, 'Hei', $3, now())`, [id, uniqueEmail(), u.ids.SUPER_ADMIN]);
    } finally {
      client.release();
    }
    await announced;
    expect((await u.VIEWER.ok('leads.get', { id })).assignedToId).toBe(u.ids.SUPER_ADMIN);
    expect(await assignmentsOf([id])).toEqual([]);
  });
});

describe('duplicates', () => {
  const core = () => cores[0]!;

  it('same email in another case, or the same phone in another format, within 30 days of an open lead', async () => {
    const email = uniqueEmail('Sanna.Korhonen');
    const [first] = await insertProcessed(t, core(), { email, phone: '+358 40 123 4567', created_at: new Date(Date.now() - 29 * DAY) });
    const [byEmail] = await insertProcessed(t, core(), { email: email.toUpperCase(), phone: null });
    const [byPhone] = await insertProcessed(t, core(), { email: uniqueEmail(), phone: '0401234567' });
    const [stranger] = await insertProcessed(t, core(), { email: uniqueEmail(), phone: '0401234568' });
    expect((await u.VIEWER.ok('leads.get', { id: byEmail! })).duplicateOfId).toBe(first);
    const phoneLead = await u.VIEWER.ok('leads.get', { id: byPhone! });
    expect(phoneLead.duplicateOfId).toBe(first);
    expect(phoneLead.scoreReasons).toContainEqual({ rule: 'repeat', points: 10 });
    expect(phoneLead.activities).toContainEqual(expect.objectContaining({ type: 'OTHER', metadata: { duplicateOf: first } }));
    expect((await u.VIEWER.ok('leads.get', { id: stranger! })).duplicateOfId).toBeNull();
  });

  it.each(['WON', 'LOST'])('a %s lead does not count as a duplicate target (the repeat still scores)', async (status) => {
    const email = uniqueEmail();
    await seedLead(t.core, { email, status, createdAt: new Date(Date.now() - 2 * DAY) });
    const [id] = await insertProcessed(t, core(), { email });
    const lead = await u.VIEWER.ok('leads.get', { id: id! });
    expect(lead.duplicateOfId).toBeNull();
    expect(lead.scoreReasons).toContainEqual({ rule: 'repeat', points: 10 });
  });

  it('an open lead older than 30 days does not count', async () => {
    const phone = `+358 44 ${String(Date.now() % 1000).padStart(3, '0')} 7788`;
    await seedLead(t.core, { phone, createdAt: new Date(Date.now() - 31 * DAY) });
    const [id] = await insertProcessed(t, core(), { phone: phone.replace('+358 ', '0').replace(/ /g, '-') });
    const lead = await u.VIEWER.ok('leads.get', { id: id! });
    expect(lead.duplicateOfId).toBeNull();
    expect(lead.possibleDuplicates).toEqual([]);
  });

  it('merge moves notes and activities, archives the source, and records a MERGE and an audit entry', async () => {
    const email = uniqueEmail();
    const [target] = await insertProcessed(t, core(), { email, message: 'Ensimmäinen viesti' });
    const [source] = await insertProcessed(t, core(), { email, message: 'Toinen viesti samalta asiakkaalta' });
    expect((await u.VIEWER.ok('leads.get', { id: source! })).duplicateOfId).toBe(target);
    await u.ADMIN.ok('leads.addNote', { leadId: target!, content: 'Kohteen muistiinpano' });
    await u.ADMIN.ok('leads.addActivity', { leadId: target!, type: 'EMAIL', description: 'Lähetetty hinnasto' });
    await u.SUPER_ADMIN.ok('leads.addNote', { leadId: source!, content: 'Lähteen muistiinpano' });
    await u.ADMIN.ok('leads.addActivity', { leadId: source!, type: 'CALL', description: 'Soitettu lähteelle' });
    const beforeTarget = await u.VIEWER.ok('leads.get', { id: target! });
    const beforeSource = await u.VIEWER.ok('leads.get', { id: source! });

    const merged = await u.ADMIN.ok('leads.merge', { sourceId: source!, targetId: target! });
    expect(merged.notes.map((n) => n.id).sort()).toEqual([...beforeTarget.notes, ...beforeSource.notes].map((n) => n.id).sort());
    const kept = [...beforeTarget.activities, ...beforeSource.activities].map((a) => a.id);
    expect(merged.activities.map((a) => a.id)).toEqual(expect.arrayContaining(kept));
    const merge = merged.activities.filter((a) => a.type === 'MERGE');
    expect(merge).toHaveLength(1);
    expect(merge[0]).toMatchObject({ userId: u.ids.ADMIN, metadata: { sourceId: source, notes: 1, activities: beforeSource.activities.length } });
    expect(merged.activities).toHaveLength(kept.length + 1);

    const archived = await u.VIEWER.ok('leads.get', { id: source! });
    expect(archived).toMatchObject({ status: 'ARCHIVED', duplicateOfId: target, notes: [], activities: [] });
    expect(archived.closedAt).not.toBeNull();
    const { rows } = await t.core.pool.query("SELECT user_id, entity_id, metadata FROM activity_logs WHERE action = 'lead.merge'");
    expect(rows).toEqual([{ user_id: u.ids.ADMIN, entity_id: target, metadata: { sourceId: source } }]);

    // A second merge of the same pair is refused and writes nothing.
    const again = await u.ADMIN.call('leads.merge', { sourceId: source!, targetId: target! });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await u.VIEWER.ok('leads.get', { id: target! })).activities).toHaveLength(merged.activities.length);
  });

  it('merge refuses a lead into itself, a missing lead, and a VIEWER', async () => {
    const a = await seedLead(t.core, {});
    expect(await u.ADMIN.call('leads.merge', { sourceId: a, targetId: a })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await u.ADMIN.call('leads.merge', { sourceId: a, targetId: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const b = await seedLead(t.core, {});
    expect(await u.VIEWER.call('leads.merge', { sourceId: a, targetId: b })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await u.VIEWER.ok('leads.get', { id: a })).status).toBe('NEW');
  });
});
