// Settings → System configuration: every row and the app's known keys, edits validated by
// the key's own schema (VALIDATION with the field's message, nothing written), free JSON
// for other keys within a size limit, and an audit entry with before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSettingsEnv, type SettingsEnv } from './helpers';

let env: SettingsEnv;
beforeAll(async () => {
  env = await startSettingsEnv();
  // Rows as the seed writes them: one the app does not know, one in an older shape.
  await env.core.pool.query(
    `INSERT INTO system_config (key, value, description, updated_at) VALUES
       ('dealership.info', '{"name":"Kroi Auto Center","vatPercent":25.5}', 'Dealership contact details', now()),
       ('backup.schedule', '{"enabled":true,"fullCron":"0 2 * * *","retentionDays":30}', 'When backups run', now())`,
  );
});
afterAll(async () => env?.close());

const admin = () => env.users.SUPER_ADMIN;
const row = async (key: string) => (await env.core.pool.query<{ value: unknown }>('SELECT value FROM system_config WHERE key = $1', [key])).rows[0]?.value;

describe('settings.systemConfig.list', () => {
  it('lists stored rows and the known keys without a row, marking known keys and values that do not fit', async () => {
    const list = await admin().ok('settings.systemConfig.list', {});
    const byKey = Object.fromEntries(list.map((e) => [e.key, e]));
    expect(list.map((e) => e.key)).toEqual([...list.map((e) => e.key)].sort());
    expect(byKey['dealership.info']).toMatchObject({ known: false, stored: true, problem: null, value: { name: 'Kroi Auto Center', vatPercent: 25.5 } });
    expect(byKey['session.idleHours']).toMatchObject({ known: true, stored: false, value: 8, updatedAt: null });
    expect(byKey['leads.roundRobin']).toMatchObject({ known: true, stored: false, value: false });
    expect(byKey['backup.schedule']).toMatchObject({ known: true, stored: true });
    expect(byKey['backup.schedule']!.problem).toMatch(/daily/);
  });
});

describe('settings.systemConfig.set', () => {
  it('saves a known key, audits before and after, and names who changed it', async () => {
    const saved = await admin().ok('settings.systemConfig.set', { key: 'session.idleHours', value: 12 });
    expect(saved).toMatchObject({ key: 'session.idleHours', value: 12, known: true, stored: true, problem: null, updatedBy: 'Test SUPER_ADMIN' });
    expect(await row('session.idleHours')).toBe(12);
    await admin().ok('settings.systemConfig.set', { key: 'session.idleHours', value: 6 });
    const audit = await env.core.db.activityLog.findFirst({ where: { action: 'settings.systemConfig', entityId: 'session.idleHours' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ userId: env.users.ids.SUPER_ADMIN, entityType: 'SystemConfig', changes: { value: { before: 12, after: 6 } } });
  });

  it('validates a known key with its schema: VALIDATION with the field message, nothing written', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['session.idleHours', 'kahdeksan', /number/i],
      ['session.idleHours', 0, /0\.25|too small/i],
      ['leads.roundRobin', 'yes', /boolean/i],
      ['backup.schedule', { enabled: true, daily: 'every night', frequent: null, retentionDays: 30 }, /daily: Not a valid cron/],
      ['backup.schedule', { enabled: true, daily: '0 2 * * *', frequent: null, retentionDays: 0 }, /retentionDays: Keep backups at least one day/],
      ['backup.schedule', { enabled: true, daily: '0 2 * * *', frequent: null, retentionDays: 30, extra: 1 }, /Unknown field: extra/],
      ['backup.lockTimeoutMs', 1.5, /int/i],
    ];
    for (const [key, value, message] of cases) {
      const before = await row(key);
      const r = await admin().call('settings.systemConfig.set', { key, value: value as never });
      expect(r, `${key} ${JSON.stringify(value)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { value: expect.stringMatching(message) } } });
      expect(await row(key)).toEqual(before);
    }
  });

  it('fixes the stored backup schedule in the shape the backups service reads', async () => {
    const value = { enabled: true, daily: '0 2 * * *', frequent: '0 */6 * * *', retentionDays: 30 };
    expect(await admin().ok('settings.systemConfig.set', { key: 'backup.schedule', value })).toMatchObject({ value, problem: null });
    expect(await admin().ok('backups.getSchedule', {})).toEqual(value);
  });

  it('takes any JSON for a key the app does not know, within the size limit', async () => {
    const value = { name: 'Kroi Auto Center', phones: ['+358 9 4242 4242'], open: { sat: '10-15', sun: null }, vatPercent: 25.5 };
    expect(await admin().ok('settings.systemConfig.set', { key: 'dealership.info', value })).toMatchObject({ value, known: false });
    expect(await row('dealership.info')).toEqual(value);
    const huge = { text: 'x'.repeat(70_000) };
    expect(await admin().call('settings.systemConfig.set', { key: 'dealership.info', value: huge })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await row('dealership.info')).toEqual(value);
  });

  it('stores null where the schema allows it', async () => {
    expect(await admin().ok('settings.systemConfig.set', { key: 'backup.toolsDir', value: null })).toMatchObject({ value: null, stored: true, problem: null });
  });

  it('does not invent keys, and refuses bad keys and non-JSON values', async () => {
    expect(await admin().call('settings.systemConfig.set', { key: 'no.such.key', value: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const key of ['', 'a b', "x'; DROP TABLE users; --", 'k'.repeat(101)]) {
      expect(await admin().call('settings.systemConfig.set', { key, value: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await admin().call('settings.systemConfig.set', { key: 'session.idleHours' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await env.core.pool.query("SELECT 1 FROM system_config WHERE key = 'no.such.key'")).toMatchObject({ rowCount: 0 });
  });
});
