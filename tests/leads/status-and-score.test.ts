// Leads: the allowed and refused status moves, optimistic concurrency, the timeline the app
// records by itself, and the score rules of scoring.ts (directly and through the intake).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_STATUSES, LEAD_STATUS_MOVES, type LeadStatus } from '../../electron/core/api/enums';
import { priorityOf, scoreLead, type ScoreInput } from '../../electron/core/services/leads/scoring';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { corolla } from '../inventory/fixtures';
import { createUser, insertProcessed, seedLead, snapshot, uniqueEmail, type WebsiteRow } from './helpers';

let t: TestCore;
let u: RoleClients;
let carId: string;

beforeAll(async () => {
  // background: website inserts are scored by the core's own listener, as in the app.
  t = await createTestCore({ background: true });
  u = await createRoleUsers(t.core);
  carId = (await u.ADMIN.ok('cars.create', corolla())).id;
});
afterAll(async () => t?.close());

const CLOSED: readonly LeadStatus[] = ['WON', 'LOST', 'SPAM', 'ARCHIVED'];
/** Moves that mean someone has been in touch with the customer. */
const CONTACTING: readonly LeadStatus[] = ['CONTACTED', 'QUALIFIED', 'NEGOTIATION', 'WON'];
const DAY = 86_400_000;

describe('status moves', () => {
  const pairs = LEAD_STATUSES.flatMap((from) => LEAD_STATUSES.map((to) => ({ from, to, allowed: LEAD_STATUS_MOVES[from].includes(to) })));

  it.each(pairs.filter((p) => p.allowed))('$from → $to is allowed and recorded', async ({ from, to }) => {
    const id = await seedLead(t.core, { status: from });
    const before = await u.ADMIN.ok('leads.get', { id });
    const lead = await u.ADMIN.ok('leads.setStatus', { id, version: before.version, status: to, ...(to === 'LOST' ? { lostReason: 'Osti auton muualta' } : {}) });
    expect(lead.status).toBe(to);
    expect(lead.version).toBe(before.version + 1);
    const change = lead.activities.filter((a) => a.type === 'STATUS_CHANGE');
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({ userId: u.ids.ADMIN, metadata: expect.objectContaining({ from, to }) });
    expect(lead.closedAt !== null).toBe(CLOSED.includes(to));
    expect(lead.lostReason).toBe(to === 'LOST' ? 'Osti auton muualta' : null);
    // Marking spam or archiving is not contacting the customer.
    expect(lead.firstContactedAt !== null).toBe(CONTACTING.includes(to));
    const { rows } = await t.core.pool.query("SELECT changes FROM activity_logs WHERE action = 'lead.status' AND entity_id = $1", [id]);
    expect(rows).toEqual([{ changes: { status: { before: from, after: to } } }]);
  });

  it.each(pairs.filter((p) => !p.allowed))('$from → $to is refused and writes nothing', async ({ from, to }) => {
    const id = await seedLead(t.core, { status: from });
    const before = await snapshot(t.core, id);
    const result = await u.ADMIN.call('leads.setStatus', { id, version: 1, status: to, ...(to === 'LOST' ? { lostReason: 'Hinta liian korkea' } : {}) });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await snapshot(t.core, id)).toEqual(before);
  });

  it('LOST needs a reason', async () => {
    const id = await seedLead(t.core, { status: 'CONTACTED' });
    const before = await snapshot(t.core, id);
    for (const lostReason of [undefined, '', '   ']) {
      const result = await u.ADMIN.call('leads.setStatus', { id, version: 1, status: 'LOST', ...(lostReason !== undefined ? { lostReason } : {}) });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { lostReason: expect.any(String) } } });
    }
    expect(await snapshot(t.core, id)).toEqual(before);
  });

  it('a stale version is refused with CONFLICT and writes nothing', async () => {
    const id = await seedLead(t.core, { status: 'NEW' });
    const moved = await u.ADMIN.ok('leads.setStatus', { id, version: 1, status: 'CONTACTED' });
    const before = await snapshot(t.core, id);
    // Another PC still shows version 1.
    const stale = [
      await u.ADMIN.call('leads.setStatus', { id, version: 1, status: 'QUALIFIED' }),
      await u.ADMIN.call('leads.assign', { id, version: 1, userId: u.ids.ADMIN }),
      await u.ADMIN.call('leads.setFollowUp', { id, version: 1, nextContactAt: new Date(Date.now() + DAY).toISOString() }),
    ];
    for (const r of stale) expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: moved.version } } });
    expect(await snapshot(t.core, id)).toEqual(before);
  });

  it('a missing lead is NOT_FOUND, and a VIEWER may not move leads', async () => {
    expect(await u.ADMIN.call('leads.setStatus', { id: 'no-such-lead', version: 1, status: 'CONTACTED' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const id = await seedLead(t.core, { status: 'NEW' });
    const before = await snapshot(t.core, id);
    expect(await u.VIEWER.call('leads.setStatus', { id, version: 1, status: 'CONTACTED' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await snapshot(t.core, id)).toEqual(before);
  });
});

describe('the timeline the app records itself', () => {
  it('assignments are ASSIGNMENT activities with from/to', async () => {
    const other = await createUser(t.core, { role: 'ADMIN' });
    const id = await seedLead(t.core, {});
    let lead = await u.ADMIN.ok('leads.assign', { id, version: 1, userId: u.ids.ADMIN });
    lead = await u.ADMIN.ok('leads.assign', { id, version: lead.version, userId: other });
    lead = await u.ADMIN.ok('leads.assign', { id, version: lead.version, userId: null });
    expect(lead.assignedToId).toBeNull();
    expect(lead.version).toBe(4);
    expect(lead.activities.filter((a) => a.type === 'ASSIGNMENT').map((a) => a.metadata)).toEqual([
      { from: null, to: u.ids.ADMIN },
      { from: u.ids.ADMIN, to: other },
      { from: other, to: null },
    ]);
  });

  it('only active sales users can be assigned', async () => {
    const inactive = await createUser(t.core, { role: 'ADMIN', isActive: false });
    const id = await seedLead(t.core, {});
    const before = await snapshot(t.core, id);
    for (const userId of [u.ids.VIEWER, inactive, 'nobody']) {
      expect(await u.ADMIN.call('leads.assign', { id, version: 1, userId })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { userId: expect.any(String) } } });
    }
    expect(await snapshot(t.core, id)).toEqual(before);
  });

  it('the first contact sets firstContactedAt once; closing sets closedAt, reopening clears it', async () => {
    const id = await seedLead(t.core, {});
    let lead = await u.ADMIN.ok('leads.get', { id });
    expect(lead.firstContactedAt).toBeNull();
    lead = await u.ADMIN.ok('leads.setStatus', { id, version: lead.version, status: 'CONTACTED' });
    const first = lead.firstContactedAt;
    expect(first).not.toBeNull();
    lead = await u.ADMIN.ok('leads.setStatus', { id, version: lead.version, status: 'LOST', lostReason: 'Ei vastannut yhteydenottoihin' });
    expect(lead.closedAt).not.toBeNull();
    lead = await u.ADMIN.ok('leads.setStatus', { id, version: lead.version, status: 'CONTACTED' });
    expect(lead.closedAt).toBeNull();
    expect(lead.lostReason).toBeNull();
    lead = await u.ADMIN.ok('leads.setStatus', { id, version: lead.version, status: 'QUALIFIED' });
    lead = await u.ADMIN.ok('leads.setStatus', { id, version: lead.version, status: 'WON' });
    expect(lead.closedAt).not.toBeNull();
    expect(lead.firstContactedAt).toBe(first);
    expect(lead.activities.filter((a) => a.type === 'STATUS_CHANGE').map((a) => [a.metadata?.from, a.metadata?.to])).toEqual([
      ['NEW', 'CONTACTED'],
      ['CONTACTED', 'LOST'],
      ['LOST', 'CONTACTED'],
      ['CONTACTED', 'QUALIFIED'],
      ['QUALIFIED', 'WON'],
    ]);
  });

  it('a logged call is a first contact too', async () => {
    const id = await seedLead(t.core, {});
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const lead = await u.ADMIN.ok('leads.addActivity', { leadId: id, type: 'CALL', description: 'Soitettu', occurredAt });
    expect(lead.firstContactedAt).toBe(occurredAt);
    expect(lead.status).toBe('NEW');
  });
});

// ─── Scores ──────────────────────────────────────────────────────────────────

const NOW = new Date('2026-11-25T10:00:00Z');
/** Earns no points: no car, no phone, a short plain question by email, a month old. */
const base: ScoreInput = { carId: null, phone: null, message: 'Hei, kysyisin autosta.', subject: null, source: 'EMAIL', createdAt: new Date(NOW.getTime() - 30 * DAY), earlierContacts: 0 };
const LONG = 'Hei! Olen kiinnostunut teidän autostanne ja haluaisin tietää lisää sen huoltohistoriasta, renkaista ja siitä, milloin sen voisi tulla katsomaan.';

interface RuleCase {
  rule: string;
  points: number;
  input: Partial<ScoreInput>;
  /** The same as the website would write it; `earlier` leads of the same person go in first. */
  row: (ctx: { email: string; carId: string }) => WebsiteRow;
  earlier?: boolean;
}

const RULES: RuleCase[] = [
  { rule: 'car', points: 20, input: { carId: 'car1' }, row: ({ carId }) => ({ car_id: carId }) },
  { rule: 'phone', points: 15, input: { phone: '+358 40 765 4321' }, row: () => ({ phone: '+358 40 765 4321' }) },
  { rule: 'testDrive', points: 20, input: { message: 'Voisinko tulla koeajolle huomenna?' }, row: () => ({ message: 'Voisinko tulla koeajolle huomenna?' }) },
  { rule: 'testDrive', points: 20, input: { subject: 'Test drive', message: 'Hello, is Saturday fine?' }, row: () => ({ subject: 'Test drive', message: 'Hello, is Saturday fine?' }) },
  { rule: 'financing', points: 15, input: { message: 'Onko osamaksu mahdollinen?' }, row: () => ({ message: 'Onko osamaksu mahdollinen?' }) },
  { rule: 'tradeIn', points: 15, input: { message: 'Minulla olisi vaihtoauto, Golf 2015.' }, row: () => ({ message: 'Minulla olisi vaihtoauto, Golf 2015.' }) },
  { rule: 'fresh', points: 10, input: { createdAt: new Date(NOW.getTime() - 3_600_000) }, row: () => ({ created_at: new Date(Date.now() - 3_600_000) }) },
  { rule: 'fresh', points: 5, input: { createdAt: new Date(NOW.getTime() - 3 * DAY) }, row: () => ({ created_at: new Date(Date.now() - 3 * DAY) }) },
  { rule: 'repeat', points: 10, input: { earlierContacts: 1 }, row: () => ({}), earlier: true },
  { rule: 'detailed', points: 5, input: { message: LONG }, row: () => ({ message: LONG }) },
  { rule: 'inPerson', points: 10, input: { source: 'PHONE' }, row: () => ({ source: 'PHONE' }) },
  { rule: 'inPerson', points: 10, input: { source: 'WALK_IN' }, row: () => ({ source: 'WALK_IN' }) },
  // Spam alone goes below zero and is clamped to 0; the reason still shows.
  { rule: 'spamLike', points: -40, input: { message: 'Katso http://a.example ja www.b.example' }, row: () => ({ message: 'Katso http://a.example ja www.b.example' }) },
  { rule: 'spamLike', points: -40, input: { message: '!!! 12345 ???' }, row: () => ({ message: '!!! 12345 ???' }) },
];

const monthOld = () => new Date(Date.now() - 30 * DAY);

describe('score rules, directly', () => {
  it('the base case earns nothing', () => {
    expect(scoreLead(base, NOW)).toEqual({ score: 0, priority: 'LOW', reasons: [] });
  });

  it.each(RULES)('$rule ($points)', ({ rule, points, input }) => {
    const result = scoreLead({ ...base, ...input }, NOW);
    expect(result.reasons).toEqual([{ rule, points }]);
    expect(result.score).toBe(Math.max(0, points));
  });

  it('near misses earn nothing: a short phone, a week-old lead, one link, 120 characters', () => {
    expect(scoreLead({ ...base, phone: '12-34' }, NOW).reasons).toEqual([]);
    expect(scoreLead({ ...base, createdAt: new Date(NOW.getTime() - 7 * DAY) }, NOW).reasons).toEqual([]);
    expect(scoreLead({ ...base, message: 'Katso https://a.example kiitos' }, NOW).reasons).toEqual([]);
    expect(scoreLead({ ...base, message: 'a'.repeat(120) }, NOW).reasons).toEqual([]);
    expect(scoreLead({ ...base, source: 'WEBSITE' }, NOW).reasons).toEqual([]);
  });

  it('priority thresholds: 60 HIGH, 30 MEDIUM, below LOW', () => {
    expect([priorityOf(59), priorityOf(60), priorityOf(29), priorityOf(30), priorityOf(0), priorityOf(100)]).toEqual(['MEDIUM', 'HIGH', 'LOW', 'MEDIUM', 'LOW', 'HIGH']);
    // The same through the rules: 20+20+10+10 = 60, 20+10 = 30, 15+10 = 25, 20+20+15 = 55.
    expect(scoreLead({ ...base, carId: 'c', message: 'koeajo?', source: 'PHONE', earlierContacts: 2 }, NOW)).toMatchObject({ score: 60, priority: 'HIGH' });
    expect(scoreLead({ ...base, carId: 'c', source: 'WALK_IN' }, NOW)).toMatchObject({ score: 30, priority: 'MEDIUM' });
    expect(scoreLead({ ...base, phone: '0401234567', earlierContacts: 1 }, NOW)).toMatchObject({ score: 25, priority: 'LOW' });
    expect(scoreLead({ ...base, carId: 'c', message: 'koeajo?', phone: '0401234567' }, NOW)).toMatchObject({ score: 55, priority: 'MEDIUM' });
  });

  it('the score is clamped to 0..100', () => {
    const everything = scoreLead(
      { carId: 'c', phone: '+358401234567', subject: 'Koeajo', message: `${LONG} Rahoitus ja vaihtoauto kiinnostaa.`, source: 'WALK_IN', createdAt: NOW, earlierContacts: 3 },
      NOW,
    );
    expect(everything.reasons.reduce((s, r) => s + r.points, 0)).toBe(120);
    expect(everything).toMatchObject({ score: 100, priority: 'HIGH' });
    const spam = scoreLead({ ...base, message: 'http://x.example http://y.example' }, NOW);
    expect(spam).toMatchObject({ score: 0, priority: 'LOW' });
  });
});

describe('score rules, through the intake of a website insert', () => {
  it('the base case earns nothing', async () => {
    const [id] = await insertProcessed(t, t.core, { message: base.message, source: 'EMAIL', created_at: monthOld() });
    const lead = await u.VIEWER.ok('leads.get', { id: id! });
    expect(lead).toMatchObject({ leadScore: 0, priority: 'LOW', scoreReasons: [] });
  });

  it.each(RULES)('$rule ($points)', async ({ rule, points, row, earlier }) => {
    const email = uniqueEmail();
    if (earlier) await insertProcessed(t, t.core, { email, created_at: new Date(Date.now() - 40 * DAY), message: base.message, source: 'EMAIL' });
    const [id] = await insertProcessed(t, t.core, { email, message: base.message, source: 'EMAIL', created_at: monthOld(), ...row({ email, carId }) });
    const lead = await u.VIEWER.ok('leads.get', { id: id! });
    // leads.get returns the reasons exactly as the rules gave them.
    expect(lead.scoreReasons).toEqual([{ rule, points }]);
    expect(lead.leadScore).toBe(Math.max(0, points));
    expect(lead.priority).toBe(priorityOf(Math.max(0, points)));
  });

  it('priority and clamp through the intake', async () => {
    const [sixty, fiftyFive, thirty, twentyFive, full] = await insertProcessed(
      t,
      t.core,
      // 20 + 20 + 10 + 10 = 60
      { car_id: carId, message: 'Koeajo?', source: 'PHONE' },
      // 20 + 20 + 10 + 5 = 55
      { car_id: carId, message: 'Koeajo?', source: 'PHONE', created_at: new Date(Date.now() - 3 * DAY) },
      // 20 + 10 = 30
      { car_id: carId, source: 'WALK_IN', created_at: monthOld() },
      // 15 + 10 = 25
      { phone: '040 222 3344', source: 'PHONE', created_at: monthOld() },
      { car_id: carId, phone: '040 111 2233', subject: 'Koeajo', message: `${LONG} Rahoitus ja vaihtoauto kiinnostaa.`, source: 'WALK_IN' },
    );
    expect(await u.VIEWER.ok('leads.get', { id: sixty! })).toMatchObject({ leadScore: 60, priority: 'HIGH' });
    expect(await u.VIEWER.ok('leads.get', { id: fiftyFive! })).toMatchObject({ leadScore: 55, priority: 'MEDIUM' });
    expect(await u.VIEWER.ok('leads.get', { id: thirty! })).toMatchObject({ leadScore: 30, priority: 'MEDIUM' });
    expect(await u.VIEWER.ok('leads.get', { id: twentyFive! })).toMatchObject({ leadScore: 25, priority: 'LOW' });
    const all = await u.VIEWER.ok('leads.get', { id: full! });
    expect(all.scoreReasons.map((r) => r.rule).sort()).toEqual(['car', 'detailed', 'financing', 'fresh', 'inPerson', 'phone', 'testDrive', 'tradeIn']);
    expect(all).toMatchObject({ leadScore: 100, priority: 'HIGH' });
  });
});
