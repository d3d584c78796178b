// Leads: erasing a person on request, bulk changes, CSV export, newsletter subscribers,
// note ownership, and every inbox filter checked against PostgreSQL itself.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_SOURCES } from '../../electron/core/api/enums';
import { priorityOf } from '../../electron/core/services/leads/scoring';
import type { ChannelInput } from '../../electron/core/api/contract';
import { createTestCore, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { helsinkiMidnightAfter, seedLead, snapshot, uid, uniqueEmail, websiteInsert } from './helpers';

let t: TestCore;
let u: RoleClients;

beforeAll(async () => {
  t = await createTestCore({ background: false });
  u = await createRoleUsers(t.core);
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const emailsOfCsv = (content: string, column: string) => (parse(content, { bom: true, columns: true }) as Record<string, string>[]).map((r) => r[column]!).sort();
const logCount = async () => (await t.core.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM activity_logs')).rows[0]!.n;

describe('erase a person on request', () => {
  const email = `Anna.Virtanen.${uid()}@Example.fi`;
  const phone = `+358 40 ${String(100 + (Date.now() % 900))} 1234`;
  const localPhone = phone.replace('+358 ', '0');
  /** The number as digits without the country code or trunk 0: how it is found in any format. */
  const national = phone.replace(/\D/g, '').slice(3);
  const ids = { both: '', emailOnly: '', byCounter: '', phoneOnly: '', other: '' };

  beforeAll(async () => {
    const inserted = await websiteInsert(
      t.database.url,
      { name: 'Anna Virtanen', email, phone, message: `Soittakaa numeroon ${phone}, kiitos.` },
      { name: 'Anna V.', email: email.toLowerCase(), message: 'Koeajo lauantaina?' },
      { name: 'A. Virtanen', email: uniqueEmail(), phone: localPhone.replace(/ /g, '-'), message: 'Vaihtoauto mukana' },
      { name: 'Joku Muu', email: uniqueEmail(), phone: '+358 50 000 0000', message: 'Ei liity' },
    );
    [ids.both, ids.emailOnly, ids.phoneOnly, ids.other] = inserted as [string, string, string, string];
    // She also came to the counter once: that lead was typed in by a salesperson.
    ids.byCounter = (await u.ADMIN.ok('leads.create', { name: 'Anna Virtanen', email, message: 'Kävi katsomassa farmariautoja', source: 'WALK_IN' })).id;
    for (const id of Object.values(ids)) {
      const lead = await u.ADMIN.ok('leads.addNote', { leadId: id, content: `Asiakas pyysi soittoa` });
      // An edit that puts her details into a note: the audit log must not keep them.
      await u.ADMIN.ok('leads.editNote', { noteId: lead.notes[0]!.id, content: `Asiakas ${email} pyysi soittoa numeroon ${phone}` });
      await u.ADMIN.ok('leads.addActivity', { leadId: id, type: 'CALL', description: `Soitettu ${phone}` });
    }
    await t.core.db.newsletterSubscriber.create({ data: { email, name: 'Anna Virtanen', status: 'ACTIVE' } });
    await t.core.db.newsletterSubscriber.create({ data: { email: uniqueEmail('pysyy'), status: 'ACTIVE' } });
  });

  async function expectErased(id: string) {
    const lead = await u.ADMIN.ok('leads.get', { id });
    const text = JSON.stringify(lead);
    expect(text).not.toContain('Virtanen');
    expect(text.toLowerCase()).not.toContain(email.toLowerCase());
    for (const p of [phone, localPhone, national]) expect(text).not.toContain(p);
    expect(lead).toMatchObject({ phone: null, ipAddress: null, userAgent: null, subject: null, notes: [] });
    expect(lead.message).not.toContain('Koeajo');
    expect(lead.anonymizedAt).not.toBeNull();
    expect(lead.activities.length).toBeGreaterThan(0);
    for (const a of lead.activities) expect(a).toMatchObject({ description: '(erased on request)', metadata: null });
    const { rows } = await t.core.pool.query('SELECT count(*)::int AS n FROM contact_notes WHERE contact_id = $1', [id]);
    expect(rows[0]).toEqual({ n: 0 });
  }

  it('is refused to an ADMIN and a VIEWER, writing nothing', async () => {
    const before = await Promise.all(Object.values(ids).map((id) => snapshot(t.core, id)));
    for (const client of [u.ADMIN, u.VIEWER]) {
      expect(await client.call('leads.erase', { email, reason: 'Tietosuojapyyntö 2026-17' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await Promise.all(Object.values(ids).map((id) => snapshot(t.core, id)))).toEqual(before);
    expect(await t.core.db.newsletterSubscriber.count()).toBe(2);
  });

  it('by email: every lead of that address (any case), its notes and timeline text, and the newsletter subscription', async () => {
    const result = await u.SUPER_ADMIN.ok('leads.erase', { email: email.toUpperCase(), reason: 'Tietosuojapyyntö 2026-17' });
    expect(result).toEqual({ erased: 3 });
    for (const id of [ids.both, ids.emailOnly, ids.byCounter]) await expectErased(id);
    // The other two are untouched.
    expect((await u.ADMIN.ok('leads.get', { id: ids.phoneOnly })).name).toBe('A. Virtanen');
    expect((await u.ADMIN.ok('leads.get', { id: ids.other })).notes).toHaveLength(1);
    // The website stored the address as she typed it; the subscription goes all the same.
    expect(await t.core.db.newsletterSubscriber.findMany({ where: { email: { equals: email, mode: 'insensitive' } } })).toEqual([]);
    expect(await t.core.db.newsletterSubscriber.count()).toBe(1);
  });

  it('by phone in another format', async () => {
    expect(await u.SUPER_ADMIN.ok('leads.erase', { phone: localPhone, reason: 'Pyyntö puhelimitse' })).toEqual({ erased: 1 });
    await expectErased(ids.phoneOnly);
    expect((await u.ADMIN.ok('leads.get', { id: ids.other })).name).toBe('Joku Muu');
  });

  it('the audit log says who and why, and holds none of the erased data', async () => {
    const { rows } = await t.core.pool.query<{ user_id: string; entity_type: string; metadata: { leads: string[]; reason: string } }>(
      "SELECT user_id, entity_type, metadata FROM activity_logs WHERE action = 'lead.erase' ORDER BY id",
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.user_id, r.entity_type, r.metadata.reason, [...r.metadata.leads].sort()])).toEqual([
      [u.ids.SUPER_ADMIN, 'Lead', 'Tietosuojapyyntö 2026-17', [ids.both, ids.emailOnly, ids.byCounter].sort()],
      [u.ids.SUPER_ADMIN, 'Lead', 'Pyyntö puhelimitse', [ids.phoneOnly]],
    ]);
    // The whole log, every entry of any kind: it is insert-only, so nothing erased may be in it.
    const { rows: all } = await t.core.pool.query<{ j: Record<string, unknown> }>('SELECT row_to_json(a) AS j FROM activity_logs a');
    expect(all.length).toBeGreaterThan(10);
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    all.forEach((r) => walk(r.j));
    for (const s of strings) {
      expect(s.toLowerCase()).not.toContain(email.toLowerCase());
      expect(s).not.toContain('Anna Virtanen');
      expect(s.replace(/\D/g, '')).not.toContain(national);
    }
  });

  it('an erased lead takes no new notes', async () => {
    expect(await u.ADMIN.call('leads.addNote', { leadId: ids.both, content: 'Uusi' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('bulk', () => {
  it('assign: every found lead, the missing ones reported as skipped', async () => {
    const ids = [await seedLead(t.core, {}), await seedLead(t.core, {}), await seedLead(t.core, { assignedToId: u.ids.SUPER_ADMIN })];
    const result = await u.ADMIN.ok('leads.bulk', { ids: [...ids, 'missing-lead'], action: { type: 'assign', userId: u.ids.ADMIN } });
    expect(result).toEqual({ updated: 3, skipped: [{ id: 'missing-lead', reason: 'not found' }] });
    for (const id of ids) {
      const lead = await u.ADMIN.ok('leads.get', { id });
      expect(lead.assignedToId).toBe(u.ids.ADMIN);
      expect(lead.activities.filter((a) => a.type === 'ASSIGNMENT')).toHaveLength(1);
    }
    expect((await u.ADMIN.ok('leads.get', { id: ids[2]! })).activities[0]!.metadata).toEqual({ from: u.ids.SUPER_ADMIN, to: u.ids.ADMIN });
  });

  it('assign to a user who cannot take leads changes none of them', async () => {
    const ids = [await seedLead(t.core, {}), await seedLead(t.core, {})];
    const before = await Promise.all(ids.map((id) => snapshot(t.core, id)));
    expect(await u.ADMIN.call('leads.bulk', { ids, action: { type: 'assign', userId: u.ids.VIEWER } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await Promise.all(ids.map((id) => snapshot(t.core, id)))).toEqual(before);
  });

  it('status: allowed moves made, refused ones reported as skipped and left alone', async () => {
    const fresh = [await seedLead(t.core, { status: 'NEW' }), await seedLead(t.core, { status: 'NEW' })];
    const won = await seedLead(t.core, { status: 'WON' });
    const already = await seedLead(t.core, { status: 'CONTACTED' });
    const wonBefore = await snapshot(t.core, won);
    const result = await u.ADMIN.ok('leads.bulk', { ids: [...fresh, won, already], action: { type: 'status', status: 'CONTACTED' } });
    expect(result.updated).toBe(2);
    expect(result.skipped).toEqual([{ id: won, reason: expect.stringContaining('WON') }]);
    for (const id of fresh) {
      const lead = await u.ADMIN.ok('leads.get', { id });
      expect(lead.status).toBe('CONTACTED');
      expect(lead.activities.filter((a) => a.type === 'STATUS_CHANGE').map((a) => a.metadata)).toEqual([{ from: 'NEW', to: 'CONTACTED' }]);
    }
    // The audit log grows with the two moves; the refused lead itself is untouched.
    expect(await snapshot(t.core, won)).toEqual({ ...wonBefore, logs: wonBefore.logs + 2 });
    expect((await u.ADMIN.ok('leads.get', { id: already })).version).toBe(1);
  });

  it('status LOST in bulk is skipped: a lost lead needs its own reason', async () => {
    const id = await seedLead(t.core, { status: 'CONTACTED' });
    const before = await snapshot(t.core, id);
    const result = await u.ADMIN.ok('leads.bulk', { ids: [id], action: { type: 'status', status: 'LOST' } });
    expect(result).toEqual({ updated: 0, skipped: [{ id, reason: expect.stringMatching(/reason/i) }] });
    expect(await snapshot(t.core, id)).toEqual(before);
  });

  it('a VIEWER may not bulk-change', async () => {
    const id = await seedLead(t.core, {});
    expect(await u.VIEWER.call('leads.bulk', { ids: [id], action: { type: 'status', status: 'CONTACTED' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('notes', () => {
  it("only the author may edit a note; someone else's edit is FORBIDDEN and changes nothing", async () => {
    const id = await seedLead(t.core, {});
    const lead = await u.SUPER_ADMIN.ok('leads.addNote', { leadId: id, content: 'Alkuperäinen' });
    const note = lead.notes[0]!;
    const logs = await logCount();
    expect(await u.ADMIN.call('leads.editNote', { noteId: note.id, content: 'Muutettu' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await logCount()).toBe(logs);
    expect((await u.ADMIN.ok('leads.get', { id })).notes[0]!.content).toBe('Alkuperäinen');
    const edited = await u.SUPER_ADMIN.ok('leads.editNote', { noteId: note.id, content: 'Korjattu' });
    expect(edited.notes).toEqual([expect.objectContaining({ id: note.id, content: 'Korjattu', userId: u.ids.SUPER_ADMIN })]);
    expect(await u.ADMIN.call('leads.editNote', { noteId: 'missing-note', content: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('CSV export', () => {
  it('returns exactly the filtered leads', async () => {
    const mark = uid();
    for (const [source, status] of [['PHONE', 'NEW'], ['PHONE', 'CONTACTED'], ['PHONE', 'WON'], ['EMAIL', 'NEW']] as const) {
      await seedLead(t.core, { source, status, email: uniqueEmail(`vienti${mark}`) });
    }
    const filters = { source: ['PHONE' as const], status: ['NEW' as const, 'CONTACTED' as const], q: `vienti${mark}` };
    const file = await u.ADMIN.ok('leads.exportCsv', filters);
    expect(file.mime).toBe('text/csv');
    const { rows } = await t.core.pool.query<{ email: string }>(
      "SELECT email FROM contact_submissions WHERE source = 'PHONE' AND status IN ('NEW', 'CONTACTED') AND email LIKE $1 ORDER BY email",
      [`%vienti${mark}%`],
    );
    expect(rows).toHaveLength(2);
    expect(emailsOfCsv(file.content, 'email')).toEqual(rows.map((r) => r.email));
    expect(await u.VIEWER.call('leads.exportCsv', filters)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('newsletter subscribers', () => {
  const mark = `uutis${uid()}`;
  beforeAll(async () => {
    const statuses = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'PENDING', 'UNSUBSCRIBED', 'BOUNCED'] as const;
    for (const [i, status] of statuses.entries()) {
      await t.core.db.newsletterSubscriber.create({
        data: { email: `${mark}.${i}@example.fi`, name: i === 0 ? 'Kalle Kuukausikirje' : null, status, subscribedAt: new Date(Date.now() - (i + 1) * DAY), createdAt: new Date(Date.now() - i * 60_000) },
      });
    }
  });
  const sqlEmails = async (where: string, values: unknown[] = []) =>
    (await t.core.pool.query<{ email: string }>(`SELECT email FROM newsletter_subscribers WHERE ${where} ORDER BY email`, values)).rows.map((r) => r.email);

  it('list and filter by status and text, page by page', async () => {
    const active = await u.VIEWER.ok('newsletter.list', { status: ['ACTIVE'], q: mark });
    expect(active.items.map((s) => s.email).sort()).toEqual(await sqlEmails("status = 'ACTIVE' AND email LIKE $1", [`${mark}%`]));
    expect(active.total).toBe(3);
    const byName = await u.VIEWER.ok('newsletter.list', { q: 'kuukausikirje' });
    expect(byName.items.map((s) => s.email)).toEqual([`${mark}.0@example.fi`]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof u.VIEWER.ok<'newsletter.list'>>> = await u.VIEWER.ok('newsletter.list', { q: mark, limit: 2, cursor });
      seen.push(...page.items.map((s) => s.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(await sqlEmails('email LIKE $1', [`${mark}%`]));
  });

  it('unsubscribe: once, audited; again is a no-op; a VIEWER may not', async () => {
    const target = (await u.VIEWER.ok('newsletter.list', { status: ['ACTIVE'], q: `${mark}.1@` })).items[0]!;
    expect(await u.VIEWER.call('newsletter.unsubscribe', { id: target.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await u.ADMIN.ok('newsletter.unsubscribe', { id: target.id });
    expect(done.status).toBe('UNSUBSCRIBED');
    expect(done.unsubscribedAt).not.toBeNull();
    const logs = await logCount();
    expect(await u.ADMIN.ok('newsletter.unsubscribe', { id: target.id })).toEqual(done);
    expect(await logCount()).toBe(logs);
    const { rows } = await t.core.pool.query("SELECT user_id, entity_id FROM activity_logs WHERE action = 'newsletter.unsubscribe'");
    expect(rows).toEqual([{ user_id: u.ids.ADMIN, entity_id: target.id }]);
    expect(await u.ADMIN.call('newsletter.unsubscribe', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('export: exactly the filtered subscribers, ADMIN only', async () => {
    const file = await u.ADMIN.ok('newsletter.exportCsv', { status: ['UNSUBSCRIBED'], q: mark });
    expect(emailsOfCsv(file.content, 'email')).toEqual(await sqlEmails("status = 'UNSUBSCRIBED' AND email LIKE $1", [`${mark}%`]));
    expect(emailsOfCsv(file.content, 'email')).toHaveLength(2);
    expect(await u.VIEWER.call('newsletter.exportCsv', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('inbox filters against PostgreSQL', () => {
  const mark = `suodin${uid()}`;
  const now = Date.now();
  const midnight = helsinkiMidnightAfter(now).getTime();
  // Follow-up dates around "today" in Helsinki: long overdue, just overdue, later today, tomorrow, none.
  const FOLLOW_UPS = [now - 2 * DAY, now - 60_000, now + Math.min(30 * 60_000, (midnight - now) / 2), midnight + 3_600_000, null, null];
  const NAMES = ['Aino Virtanen', 'Eero Korhonen', 'Helmi Mäkinen', 'Onni Nieminen', 'Venla Virtala', 'Leevi Laine', 'Siiri Heikkinen'];
  const DOMAINS = ['example.fi', 'firma.fi', 'posti.example'];

  beforeAll(async () => {
    for (let i = 0; i < 42; i++) {
      const [first, last] = NAMES[i % NAMES.length]!.split(' ');
      const score = (i * 17) % 101;
      const digits = String(1000 + i * 37).padStart(4, '0');
      await seedLead(t.core, {
        name: `${first} ${last}`,
        email: `${first!.toLowerCase()}.${mark}${i}@${DOMAINS[i % DOMAINS.length]}`,
        phone: i % 4 === 3 ? null : i % 2 ? `+358 40 555 ${digits}` : `040-555 ${digits}`,
        source: LEAD_SOURCES[i % LEAD_SOURCES.length],
        status: (['NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST'] as const)[i % 5],
        leadScore: score,
        priority: priorityOf(score),
        assignedToId: [u.ids.ADMIN, u.ids.SUPER_ADMIN, null][i % 3],
        nextContactAt: FOLLOW_UPS[i % FOLLOW_UPS.length] === null ? null : new Date(FOLLOW_UPS[i % FOLLOW_UPS.length]!),
        createdAt: new Date(now - i * 0.5 * DAY),
      });
    }
  });

  const national = (q: string) => q.replace(/\D/g, '').replace(/^(358|0)/, '');
  const CASES: { name: string; input: () => ChannelInput<'leads.counts'>; where: string; values?: () => unknown[] }[] = [
    { name: 'assignee me', input: () => ({ assignee: 'me' }), where: 'assigned_to_id = $1', values: () => [u.ids.ADMIN] },
    { name: 'unassigned', input: () => ({ assignee: 'unassigned' }), where: 'assigned_to_id IS NULL' },
    { name: 'a given assignee', input: () => ({ assignee: u.ids.SUPER_ADMIN }), where: 'assigned_to_id = $1', values: () => [u.ids.SUPER_ADMIN] },
    { name: 'due today (with overdue)', input: () => ({ due: 'today' }), where: 'next_contact_at < $1', values: () => [new Date(midnight)] },
    { name: 'overdue', input: () => ({ due: 'overdue' }), where: 'next_contact_at < $1', values: () => [new Date()] },
    { name: 'q: part of a name, any case', input: () => ({ q: 'VIRTA' }), where: "lower(name) LIKE '%virta%' OR lower(email) LIKE '%virta%'" },
    { name: 'q: part of an email', input: () => ({ q: '@firma.fi' }), where: "lower(email) LIKE '%@firma.fi%'" },
    { name: 'q: phone digits', input: () => ({ q: '555 1' }), where: "regexp_replace(phone, '\\D', '', 'g') LIKE '%5551%'" },
    { name: 'q: a whole number in the local format', input: () => ({ q: '040 555 1037' }), where: "regexp_replace(regexp_replace(phone, '\\D', '', 'g'), '^(358|0)', '') = $1", values: () => [national('040 555 1037')] },
    { name: 'source', input: () => ({ source: ['PHONE', 'WALK_IN'] }), where: "source IN ('PHONE', 'WALK_IN')" },
    { name: 'priority', input: () => ({ priority: ['HIGH'] }), where: "priority = 'HIGH'" },
    { name: 'score range', input: () => ({ scoreMin: 30, scoreMax: 70 }), where: 'lead_score BETWEEN 30 AND 70' },
    {
      name: 'date range',
      input: () => ({ from: new Date(now - 5 * DAY).toISOString(), to: new Date(now - 2 * DAY).toISOString() }),
      where: 'created_at >= $1 AND created_at < $2',
      values: () => [new Date(now - 5 * DAY), new Date(now - 2 * DAY)],
    },
    { name: 'status and score together', input: () => ({ status: ['NEW', 'CONTACTED'], scoreMin: 50 }), where: "status IN ('NEW', 'CONTACTED') AND lead_score >= 50" },
  ];

  it.each(CASES)('$name', async ({ input, where, values }) => {
    const filters = input();
    const { rows } = await t.core.pool.query<{ id: string }>(`SELECT id FROM contact_submissions WHERE ${where} ORDER BY id`, values?.() ?? []);
    const { rows: all } = await t.core.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_submissions');
    // A filter that matches everything or nothing would prove little.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(all[0]!.n);
    const page = await u.ADMIN.ok('leads.list', { ...filters, limit: 200 });
    expect(page.total).toBe(rows.length);
    expect(page.items.map((l) => l.id).sort()).toEqual(rows.map((r) => r.id));
    // Counts per status ignore the status filter itself (the board's columns).
    const counts = await u.ADMIN.ok('leads.counts', filters);
    if (!filters.status) expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
  });
});
