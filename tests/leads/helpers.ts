// Shared by the leads tests: the website's own inserts, more cores on the same database
// (more PCs), waits for the intake, and direct looks at Redis and PostgreSQL.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { CoreConfig } from '../../electron/core/config';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/logger';
import type { TestCore } from '../support/core';
import { REDIS_URL } from '../support/env';

export const uid = (): string => randomBytes(5).toString('hex');

/** An address no other test row shares, so "same person" checks see only what the test meant. */
export const uniqueEmail = (label = 'asiakas'): string => `${label}.${uid()}@example.fi`;

export interface WebsiteRow {
  id?: string;
  name?: string;
  email?: string;
  phone?: string | null;
  subject?: string | null;
  message?: string;
  car_id?: string | null;
  source?: string;
  status?: string;
  created_at?: Date;
  next_contact_at?: Date | null;
  ip_address?: string | null;
  user_agent?: string | null;
}

/**
 * A lead as the public website writes it: plain SQL on a connection of its own, no app code.
 * Several rows go in one statement per row on the same connection (one NOTIFY each).
 */
export async function websiteInsert(url: string, ...rows: WebsiteRow[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids: string[] = [];
    for (const over of rows) {
      const row: Required<WebsiteRow> = {
        id: `web${uid()}`,
        name: 'Matti Meikäläinen',
        email: uniqueEmail(),
        phone: null,
        subject: null,
        message: 'Hei, kysyisin autosta.',
        car_id: null,
        source: 'WEBSITE',
        status: 'NEW',
        created_at: new Date(),
        next_contact_at: null,
        ip_address: '192.0.2.10',
        user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
        ...over,
      };
      await client.query(
        `INSERT INTO contact_submissions (id, name, email, phone, subject, message, car_id, source, status, created_at, next_contact_at, ip_address, user_agent, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"LeadSource", $9::"LeadStatus", $10, $11, $12, $13, now())`,
        [row.id, row.name, row.email, row.phone, row.subject, row.message, row.car_id, row.source, row.status, row.created_at, row.next_contact_at, row.ip_address, row.user_agent],
      );
      ids.push(row.id);
    }
    return ids;
  } finally {
    await client.end();
  }
}

/** Another PC: a core on the same database and the same Redis prefix, configured like tests/support/core.ts. */
export async function startCore(t: TestCore, overrides: Partial<CoreConfig> = {}): Promise<Core> {
  return createCore(
    {
      appVersion: 'test',
      userDataDir: '/tmp',
      database: { mode: 'server', url: t.database.url },
      redis: { url: REDIS_URL, password: null, keyPrefix: t.keyPrefix },
      pool: { ...DEFAULT_POOL, max: 4 },
      background: true,
      // As in tests/support/core.ts: no scheduled backups, and a Redis budget that load cannot break.
      scheduledJobs: false,
      cacheCommandTimeoutMs: 1000,
      ...overrides,
    },
    { logger: quietLogger() },
  );
}

/**
 * Resolves once the core has announced every id as a new lead (the intake's 'processed'
 * notice). Subscribe before the insert, so a fast intake is not missed.
 */
export function leadsAnnounced(core: Core, ids: () => readonly string[], timeoutMs = 8000): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const check = () => {
      const wanted = ids();
      if (wanted.length && wanted.every((id) => seen.has(id))) {
        clearTimeout(timer);
        off();
        resolve(seen);
      }
    };
    const off = core.events.on('leads.new', (e) => {
      seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      check();
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`leads not announced within ${timeoutMs} ms: ${ids().filter((id) => !seen.has(id)).join(', ')}`));
    }, timeoutMs);
    queueMicrotask(check);
  });
}

/** Inserts like the website and waits until the (background) core has processed the rows. */
export async function insertProcessed(t: TestCore, core: Core, ...rows: WebsiteRow[]): Promise<string[]> {
  const ids: string[] = rows.map((r) => r.id ?? `web${uid()}`);
  const announced = leadsAnnounced(core, () => ids);
  await websiteInsert(t.database.url, ...rows.map((r, i) => ({ ...r, id: ids[i]! })));
  await announced;
  return ids;
}

/** Polls a condition: waiting for asynchronous work, not a timing assertion. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function setConfig(core: Core, key: string, value: unknown): Promise<void> {
  await core.pool.query(
    `INSERT INTO system_config (key, value, description, updated_at) VALUES ($1, $2::jsonb, 'test', now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

/** Not a bcrypt hash, so nothing ever verifies against it: these users never sign in (and bcrypt is slow on purpose). */
const NO_SIGN_IN = '!no-sign-in';

/** A user straight into the table (no sign-in needed for round-robin and assignment targets). */
export async function createUser(core: Core, data: { role: 'SUPER_ADMIN' | 'ADMIN' | 'VIEWER'; isActive?: boolean; name?: string }): Promise<string> {
  const user = await core.db.user.create({
    data: { email: `${data.role.toLowerCase()}.${uid()}@kroi.test`, name: data.name ?? `User ${uid()}`, role: data.role, isActive: data.isActive ?? true, passwordHash: NO_SIGN_IN },
  });
  return user.id;
}

/**
 * A lead made directly in the table, already processed (so no intake run touches it): for
 * tests that need a lead in a given state rather than the intake's doing.
 */
export async function seedLead(core: Core, data: { status?: string; email?: string; phone?: string | null; name?: string; source?: string; leadScore?: number; priority?: string; assignedToId?: string | null; nextContactAt?: Date | null; createdAt?: Date; carId?: string | null; message?: string }): Promise<string> {
  const id = `lead${uid()}`;
  await core.pool.query(
    `INSERT INTO contact_submissions (id, name, email, phone, message, source, status, lead_score, priority, assigned_to_id, next_contact_at, car_id, created_at, updated_at, processed_at)
     VALUES ($1, $2, $3, $4, $5, $6::"LeadSource", $7::"LeadStatus", $8, $9::"LeadPriority", $10, $11, $12, $13, now(), now())`,
    [
      id,
      data.name ?? 'Liisa Virtanen',
      data.email ?? uniqueEmail(),
      data.phone ?? null,
      data.message ?? 'Kiinnostaa tämä auto.',
      data.source ?? 'WEBSITE',
      data.status ?? 'NEW',
      data.leadScore ?? 0,
      data.priority ?? 'LOW',
      data.assignedToId ?? null,
      data.nextContactAt ?? null,
      data.carId ?? null,
      data.createdAt ?? new Date(),
    ],
  );
  return id;
}

/** Everything a refused write must leave alone: the row, its timeline and the audit log. */
export async function snapshot(core: Core, leadId: string): Promise<{ row: unknown; activities: number; notes: number; logs: number }> {
  const { rows } = await core.pool.query('SELECT row_to_json(l)::text AS j FROM contact_submissions l WHERE id = $1', [leadId]);
  const { rows: n } = await core.pool.query<{ a: number; nt: number; logs: number }>(
    `SELECT (SELECT count(*)::int FROM contact_activities WHERE contact_id = $1) AS a,
            (SELECT count(*)::int FROM contact_notes WHERE contact_id = $1) AS nt,
            (SELECT count(*)::int FROM activity_logs) AS logs`,
    [leadId],
  );
  return { row: rows[0]?.j ?? null, activities: n[0]!.a, notes: n[0]!.nt, logs: n[0]!.logs };
}

/** A plain Redis client of the test's own, for looking at the app's keys from outside. */
export function redisClient(): Redis {
  const redis = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  redis.on('error', () => undefined);
  return redis;
}

/** Every key under the test's prefix matching the pattern (SCAN, like the app). */
export async function scanKeys(redis: Redis, keyPrefix: string, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', keyPrefix + pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

/** Helsinki wall-clock time of an instant, expressed as if it were UTC. */
function helsinkiWall(ms: number): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** The end of the dealership's day: the next midnight in Helsinki, worked out without the app's SQL. */
export function helsinkiMidnightAfter(nowMs = Date.now()): Date {
  const now = nowMs - (nowMs % 1000);
  const wall = helsinkiWall(now);
  const d = new Date(wall);
  const midnightWall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  let t = midnightWall - (wall - now);
  // Corrects for a daylight-saving change between now and midnight.
  t -= helsinkiWall(t) - midnightWall;
  return new Date(t);
}
