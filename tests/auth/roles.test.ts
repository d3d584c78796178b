// Every channel of the contract against every role and no session: allowed callers get
// through, refused ones answer FORBIDDEN (UNAUTHENTICATED without a session) and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, roleAllows, type Access, type ChannelName } from '../../electron/core/api/contract';
import { ROLES, type Role } from '../../electron/core/api/dto';
import { createTestCore, TestClient, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { CHANNEL_CASES, sessionClient } from './fixtures/channels';

// bcrypt at cost 12 takes ~0.3 s per sign-in, several seconds on a busy machine.
const SLOW = { timeout: 120_000 };

let t: TestCore;
let users: RoleClients;

beforeAll(async () => {
  t = await createTestCore();
  users = await createRoleUsers(t.core);
});
afterAll(async () => t?.close());

const channels = Object.keys(contract) as ChannelName[];

/**
 * The issue's rule, written out independently of the contract so that a wrong `access`
 * there fails here. Channels of later areas follow their prefix where the issue is plain.
 */
const ISSUE_RULE: Record<string, Access> = {
  'auth.setupState': 'public',
  'auth.setup': 'public',
  'auth.signIn': 'public',
  'auth.resume': 'public',
  'auth.signOut': 'VIEWER',
  'auth.me': 'VIEWER',
  'auth.changePassword': 'VIEWER',
  'users.list': 'SUPER_ADMIN',
  'users.create': 'SUPER_ADMIN',
  'users.update': 'SUPER_ADMIN',
  'users.resetPassword': 'SUPER_ADMIN',
  'audit.list': 'SUPER_ADMIN',
  'audit.get': 'SUPER_ADMIN',
  'audit.exportCsv': 'SUPER_ADMIN',
  'system.status': 'VIEWER',
  // "VIEWER reads inventory; ADMIN also edits inventory."
  'cars.list': 'VIEWER',
  'cars.facets': 'VIEWER',
  'cars.get': 'VIEWER',
  'cars.related': 'VIEWER',
  'cars.history': 'VIEWER',
  'cars.views': 'VIEWER',
  'cars.featured': 'VIEWER',
  'cars.brandModels': 'VIEWER',
  'cars.create': 'ADMIN',
  'cars.update': 'ADMIN',
  'cars.setStatus': 'ADMIN',
  'cars.delete': 'ADMIN',
  'cars.restore': 'ADMIN',
  'cars.bulk': 'ADMIN',
  'cars.importCsv': 'ADMIN',
  'media.upload': 'ADMIN',
  // "VIEWER reads leads; ADMIN also works leads."
  'leads.list': 'VIEWER',
  'leads.counts': 'VIEWER',
  'leads.get': 'VIEWER',
  'leads.assignees': 'VIEWER',
  'leads.create': 'ADMIN',
  'leads.setStatus': 'ADMIN',
  'leads.assign': 'ADMIN',
  'leads.addNote': 'ADMIN',
  'leads.editNote': 'ADMIN',
  'leads.addActivity': 'ADMIN',
  'leads.setFollowUp': 'ADMIN',
  'leads.merge': 'ADMIN',
  'leads.bulk': 'ADMIN',
};
// "SUPER_ADMIN also manages users, backups and restores, settings and the audit log."
const SUPER_ADMIN_AREAS = /^(users|audit|backups|restores?|settings)\./;

function issueRule(channel: string): Access | undefined {
  return ISSUE_RULE[channel] ?? (SUPER_ADMIN_AREAS.test(channel) ? 'SUPER_ADMIN' : undefined);
}

let tables: string[] = [];
/** Every row of every table, digested: a refused call must leave all of them as they were. */
async function fingerprint(): Promise<Record<string, unknown>> {
  if (!tables.length) {
    const { rows } = await t.core.pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    tables = rows.map((r) => r.name);
  }
  const columns = tables.map((name, i) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${name}" t) AS c${i}`);
  const { rows } = await t.core.pool.query(`SELECT ${columns.join(', ')}`);
  return Object.fromEntries(tables.map((name, i) => [name, (rows[0] as Record<string, unknown>)[`c${i}`]]));
}

describe('the contract', SLOW, () => {
  it('has a valid test input for every channel (add new channels to tests/auth/fixtures/channels.ts)', async () => {
    const missing = channels.filter((c) => !Object.prototype.hasOwnProperty.call(CHANNEL_CASES, c));
    expect(missing).toEqual([]);
    for (const channel of channels) {
      const input = await CHANNEL_CASES[channel].input(t.core, { role: 'SUPER_ADMIN', userId: users.ids.SUPER_ADMIN });
      const parsed = contract[channel].input.safeParse(input);
      expect(parsed.success, `${channel}: the test input does not pass the schema`).toBe(true);
    }
  });

  it.each(channels.filter((c) => issueRule(c) !== undefined))("%s has the issue's least role", (channel) => {
    expect(contract[channel].access).toBe(issueRule(channel));
  });

  it('only sign-in, setup and resume are public', () => {
    expect(channels.filter((c) => contract[c].access === 'public').sort()).toEqual(['auth.resume', 'auth.setup', 'auth.setupState', 'auth.signIn']);
  });
});

type CallerName = Role | 'none';
const callers: CallerName[] = [...ROLES, 'none'];
const table = channels.flatMap((channel) => callers.map((caller) => [channel, caller] as const));

describe('every channel against every role', SLOW, () => {
  it.each(table)('%s as %s', async (channel, caller) => {
    const entry = CHANNEL_CASES[channel];
    expect(entry, `${channel} has no test input`).toBeDefined();
    const access = contract[channel].access;
    const allowed = caller === 'none' ? access === 'public' : roleAllows(caller, access);
    const rule = issueRule(channel);
    if (rule) expect(caller === 'none' ? rule === 'public' : roleAllows(caller, rule), "the issue's rule disagrees").toBe(allowed);

    // A session of its own per case: signOut, signIn and changePassword replace or end sessions.
    const client = caller === 'none' ? new TestClient(t.core) : await sessionClient(t.core, users.ids[caller]);
    const input = await entry.input(t.core, caller === 'none' ? null : { role: caller, userId: users.ids[caller] });
    const before = await fingerprint();
    const result = await t.core.router.call(channel, input, client);

    if (allowed) {
      if (!result.ok) expect(result.error.code, `${channel} refused ${caller}: ${result.error.message}`).not.toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
      if (entry.allowedError) expect(result).toMatchObject({ ok: false, error: { code: entry.allowedError } });
      else expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
      if (result.ok && entry.after) await entry.after(client, result.data);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: caller === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
      expect(await fingerprint()).toEqual(before);
    }
  });
});
