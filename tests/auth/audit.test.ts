// The audit log: an entry for each kind of change made through the app, with who, what,
// which entity and the changed fields before and after, never a secret; and the audit
// screen's channels (filters, cursor pages, one entry, CSV export).
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryDto, Page } from '../../electron/core/api/dto';
import { createTestCore, TestClient, type TestCore } from '../support/core';
import { createRoleUsers, TEST_PASSWORD, type RoleClients } from '../support/users';

// bcrypt at cost 12 takes ~0.3 s per sign-in, several seconds on a busy machine.
const SLOW = { timeout: 120_000 };

let t: TestCore;
let users: RoleClients;
let admin: TestClient;
let adminId: string;

const TEMP = 'Tilapainen-Avain-5150';
const NEW = 'Oma-Uusi-Avain-9081';
const WRONG = 'Vaara-Arvaus-Salasana-3';
const RESET = 'Toinen-Tilapainen-6262';
/** Every password and token the tests used: none may appear in activity_logs. */
const secrets = new Set<string>([TEST_PASSWORD, TEMP, NEW, WRONG, RESET]);
const keepToken = (c: TestClient) => {
  if (c.sessionToken) secrets.add(c.sessionToken);
};

/** The newest entry of an action for an entity, straight from the table. */
async function entry(action: string, entityId?: string) {
  const row = await t.core.db.activityLog.findFirst({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: 'desc' } });
  expect(row, `no ${action} entry`).not.toBeNull();
  return row!;
}

let subjectId: string;
const SUBJECT_EMAIL = 'kirjattava@kroi.test';

beforeAll(async () => {
  t = await createTestCore();
  users = await createRoleUsers(t.core);
  admin = users.SUPER_ADMIN;
  adminId = users.ids.SUPER_ADMIN;
  for (const role of ['SUPER_ADMIN', 'ADMIN', 'VIEWER'] as const) keepToken(users[role]);
});
afterAll(async () => t?.close());

describe('an entry for each kind of change', SLOW, () => {
  it('user.create: who, which user, every field from null', async () => {
    const created = await admin.ok('users.create', { email: SUBJECT_EMAIL, name: 'Kirjattava Käyttäjä', role: 'VIEWER', temporaryPassword: TEMP });
    subjectId = created.id;
    const e = await entry('user.create', subjectId);
    expect(e).toMatchObject({ userId: adminId, entityType: 'User', entityId: subjectId });
    expect(e.changes).toEqual({
      email: { before: null, after: SUBJECT_EMAIL },
      name: { before: null, after: 'Kirjattava Käyttäjä' },
      role: { before: null, after: 'VIEWER' },
      isActive: { before: null, after: true },
      mustChangePassword: { before: null, after: true },
    });
  });

  it('user.update: only the changed fields, before and after', async () => {
    const before = await t.core.db.user.findUniqueOrThrow({ where: { id: subjectId } });
    await admin.ok('users.update', { id: subjectId, version: before.version, name: 'Uusi Nimi', role: 'ADMIN' });
    const e = await entry('user.update', subjectId);
    expect(e).toMatchObject({ userId: adminId, entityType: 'User', entityId: subjectId });
    expect(e.changes).toEqual({ name: { before: 'Kirjattava Käyttäjä', after: 'Uusi Nimi' }, role: { before: 'VIEWER', after: 'ADMIN' } });
  });

  it('user.deactivate and user.reactivate', async () => {
    let v = (await t.core.db.user.findUniqueOrThrow({ where: { id: subjectId } })).version;
    v = (await admin.ok('users.update', { id: subjectId, version: v, isActive: false })).version;
    expect((await entry('user.deactivate', subjectId)).changes).toEqual({ isActive: { before: true, after: false } });
    await admin.ok('users.update', { id: subjectId, version: v, isActive: true });
    const e = await entry('user.reactivate', subjectId);
    expect(e).toMatchObject({ userId: adminId, entityType: 'User', entityId: subjectId });
    expect(e.changes).toEqual({ isActive: { before: false, after: true } });
  });

  it('auth.signIn, auth.signInFailed (known and unknown email), user.changePassword, auth.signOut', async () => {
    const subject = new TestClient(t.core);
    expect((await subject.call('auth.signIn', { email: SUBJECT_EMAIL, password: WRONG, remember: false })).ok).toBe(false);
    const failed = await entry('auth.signInFailed', subjectId);
    expect(failed).toMatchObject({ userId: subjectId, entityType: 'User', entityId: subjectId });

    expect((await subject.call('auth.signIn', { email: 'ei-ole-olemassa@kroi.test', password: WRONG, remember: false })).ok).toBe(false);
    const unknown = await t.core.db.activityLog.findFirst({ where: { action: 'auth.signInFailed' }, orderBy: { id: 'desc' } });
    expect(unknown).toMatchObject({ userId: null, entityType: 'User', entityId: null, metadata: { email: 'ei-ole-olemassa@kroi.test' } });

    await subject.ok('auth.signIn', { email: SUBJECT_EMAIL, password: TEMP, remember: false });
    keepToken(subject);
    expect(await entry('auth.signIn', subjectId)).toMatchObject({ userId: subjectId, entityType: 'User', entityId: subjectId });

    await subject.ok('auth.changePassword', { currentPassword: TEMP, newPassword: NEW });
    const changed = await entry('user.changePassword', subjectId);
    expect(changed).toMatchObject({ userId: subjectId, entityType: 'User', entityId: subjectId });
    expect(changed.changes).toMatchObject({ password: { before: expect.any(String), after: expect.any(String) } });

    await subject.ok('auth.signOut', {});
    expect(await entry('auth.signOut', subjectId)).toMatchObject({ userId: subjectId, entityType: 'User', entityId: subjectId });
  });

  it('user.resetPassword: by whom, for whom, that the password changed (not what to)', async () => {
    await admin.ok('users.resetPassword', { id: subjectId, temporaryPassword: RESET });
    const e = await entry('user.resetPassword', subjectId);
    expect(e).toMatchObject({ userId: adminId, entityType: 'User', entityId: subjectId });
    expect(e.changes).toMatchObject({ mustChangePassword: { before: false, after: true }, password: { before: expect.any(String), after: expect.any(String) } });
  });

  it('no password, bcrypt hash or session token appears anywhere in activity_logs', async () => {
    const hashes = (await t.core.db.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash).filter((h): h is string => !!h);
    const sessionHashes = (await t.core.db.session.findMany({ select: { sessionToken: true } })).map((s) => s.sessionToken);
    const tokenHashes = [...secrets].map((s) => createHash('sha256').update(s).digest('hex'));
    const { rows } = await t.core.pool.query<{ row: string }>('SELECT row_to_json(a)::text AS row FROM activity_logs a');
    const all = rows.map((r) => r.row).join('\n');
    expect(rows.length).toBeGreaterThan(10);
    expect(all).not.toMatch(/\$2[aby]\$/);
    for (const s of [...secrets, ...hashes, ...sessionHashes, ...tokenHashes]) expect(all.includes(s), `a secret is in the log: ${s.slice(0, 6)}…`).toBe(false);
    // The audit channels hand out the same rows: nothing secret there either.
    const csv = (await admin.ok('audit.exportCsv', {})).content;
    for (const s of [...secrets, ...hashes]) expect(csv.includes(s)).toBe(false);
  });
});

describe('audit.list', () => {
  /** Walks every page of a query. */
  async function all(filters: Record<string, unknown>, limit = 7): Promise<AuditEntryDto[]> {
    const items: AuditEntryDto[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const res: Page<AuditEntryDto> = await admin.ok('audit.list', { ...filters, limit, cursor });
      expect(res.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.items);
      if (!res.nextCursor) return items;
      cursor = res.nextCursor;
    }
    throw new Error('pagination did not end');
  }

  it('filters by user', async () => {
    const items = await all({ userId: subjectId });
    expect(items.length).toBe(await t.core.db.activityLog.count({ where: { userId: subjectId } }));
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((i) => i.userId === subjectId)).toBe(true);
    expect(items[0]!.userEmail).toBe(SUBJECT_EMAIL);
  });

  it('filters by action, and by user and action together', async () => {
    const updates = await all({ action: 'user.update' });
    expect(updates.length).toBe(await t.core.db.activityLog.count({ where: { action: 'user.update' } }));
    expect(updates.every((i) => i.action === 'user.update')).toBe(true);
    const mine = await all({ action: 'auth.signIn', userId: subjectId });
    expect(mine.length).toBe(1);
    expect(mine[0]).toMatchObject({ action: 'auth.signIn', userId: subjectId });
  });

  it('filters by entity type and date range [from, to)', async () => {
    // Entries of another kind and of other days, as other areas and older installs write them.
    const at = (iso: string, entityId: string) => ({ action: 'car.update', entityType: 'Car', entityId, createdAt: new Date(iso) });
    await t.core.db.activityLog.createMany({
      data: [at('2025-01-09T23:59:59.999Z', 'c-before'), at('2025-01-10T00:00:00.000Z', 'c-from'), at('2025-01-20T12:00:00.000Z', 'c-inside'), at('2025-02-01T00:00:00.000Z', 'c-to')],
    });
    const cars = await all({ entityType: 'Car' });
    expect(cars.map((c) => c.entityId).sort()).toEqual(['c-before', 'c-from', 'c-inside', 'c-to']);
    expect((await all({ entityType: 'User' })).every((i) => i.entityType === 'User')).toBe(true);

    const range = await all({ from: '2025-01-10T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' });
    expect(range.map((c) => c.entityId).sort()).toEqual(['c-from', 'c-inside']);
    // An offset is a time zone, not another day: Helsinki midnight is 22:00 UTC the day before.
    const helsinki = await all({ from: '2025-01-20T00:00:00+02:00', to: '2025-01-21T00:00:00+02:00' });
    expect(helsinki.map((c) => c.entityId)).toEqual(['c-inside']);
  });

  it('pages with a cursor, newest first, without gaps or repeats even while entries are added', async () => {
    const expected = await t.core.db.activityLog.findMany({ orderBy: { id: 'desc' }, select: { id: true } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Page<AuditEntryDto> = await admin.ok('audit.list', { limit: 3, cursor });
      seen.push(...res.items.map((i) => i.id));
      cursor = res.nextCursor;
      // A sign-in elsewhere mid-way lands on the first page only, not in the pages after.
      if (pages++ === 1) await t.core.db.activityLog.create({ data: { action: 'test.added', entityType: 'Test' } });
    } while (cursor);
    expect(seen).toEqual(expected.map((e) => String(e.id)));
    expect(pages).toBe(Math.ceil(expected.length / 3));
  });

  it('starts at the top for a cursor it did not hand out (no database error)', async () => {
    const top = await admin.ok('audit.list', { limit: 2 });
    for (const cursor of ['9'.repeat(25), 'not-a-cursor']) {
      expect((await admin.ok('audit.list', { limit: 2, cursor })).items).toEqual(top.items);
    }
  });
});

describe('audit.get', () => {
  it('returns one entry as the list shows it', async () => {
    const [first] = (await admin.ok('audit.list', { action: 'user.update', limit: 1 })).items;
    expect(await admin.ok('audit.get', { id: first!.id })).toEqual(first);
  });

  it('answers NOT_FOUND for an id that does not exist, also past the bigint range', async () => {
    for (const id of ['0', '987654321', '9999999999999999999']) {
      expect(await admin.call('audit.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });
});

describe('audit.exportCsv', () => {
  const read = (content: string) => parse(content, { bom: true, relax_column_count: false }) as string[][];

  it('has a header and one row per entry of the filter', async () => {
    const file = await admin.ok('audit.exportCsv', { userId: subjectId });
    expect(file.mime).toBe('text/csv');
    expect(file.filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = read(file.content);
    expect(header).toEqual(['id', 'time', 'user', 'action', 'entity', 'entity id', 'changes', 'details']);
    const expected = await t.core.db.activityLog.findMany({ where: { userId: subjectId }, orderBy: { id: 'desc' } });
    expect(rows.map((r) => r[0])).toEqual(expected.map((e) => String(e.id)));
    expect(rows.every((r) => r[2] === SUBJECT_EMAIL)).toBe(true);
  });

  it('keeps the changes JSON intact through the CSV quoting', async () => {
    const [, ...rows] = read((await admin.ok('audit.exportCsv', { action: 'user.update' })).content);
    expect(rows.length).toBe(await t.core.db.activityLog.count({ where: { action: 'user.update' } }));
    const update = rows.find((r) => r[5] === subjectId);
    expect(update, 'the user.update row of the subject').toBeDefined();
    expect(update![2]).toBe('super_admin@kroi.test'); // who made the change
    expect(JSON.parse(update![6]!)).toEqual({ name: { before: 'Kirjattava Käyttäjä', after: 'Uusi Nimi' }, role: { before: 'VIEWER', after: 'ADMIN' } });
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    // Rows another writer could leave in the shared database.
    const evil = await t.core.db.user.create({ data: { email: '=cmd|calc@kroi.test', name: 'x', role: 'VIEWER' } });
    await t.core.db.activityLog.create({
      data: { userId: evil.id, action: '+SUM(1,2)', entityType: '@INDIRECT("A1")', entityId: '=HYPERLINK("http://evil.example","x")' },
    });
    const [, ...rows] = read((await admin.ok('audit.exportCsv', { userId: evil.id })).content);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.slice(2, 6)).toEqual(["'=cmd|calc@kroi.test", "'+SUM(1,2)", "'@INDIRECT(\"A1\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"]);
    const everything = read((await admin.ok('audit.exportCsv', {})).content).flat();
    expect(everything.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});
