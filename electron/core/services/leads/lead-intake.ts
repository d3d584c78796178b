// What happens to a new lead once, on exactly one PC: it is scored, checked for a
// duplicate among open leads of the last 30 days, and (with the setting on) assigned
// round-robin among active sales users. Rows are claimed with FOR UPDATE SKIP LOCKED, so
// several PCs hearing the same notification never process a lead twice.
import type pg from 'pg';
import { OPEN_LEAD_STATUSES } from '../../api/enums';
import type { Logger } from '../../logger';
import type { SystemConfig } from '../system-config';
import { scoreLead } from './scoring';

const ROUND_ROBIN_KEY = 'leads.roundRobinLast';
const ROUND_ROBIN_LOCK = 4_242_003;
const DUPLICATE_WINDOW_DAYS = 30;

interface NewLead {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  subject: string | null;
  message: string;
  car_id: string | null;
  source: 'WEBSITE' | 'PHONE' | 'EMAIL' | 'WALK_IN' | 'MARKETPLACE' | 'REFERRAL' | 'OTHER';
  assigned_to_id: string | null;
  created_at: Date;
}

export interface ProcessedLead {
  id: string;
  name: string;
  createdAt: string;
}

/** Same person: the email case-insensitively, or the phone's last nine digits. */
export const SAME_PERSON_SQL = `(lower(o.email) = lower($2) OR ($3::text IS NOT NULL AND o.phone IS NOT NULL AND right(regexp_replace(o.phone, '\\D', '', 'g'), 9) = right(regexp_replace($3::text, '\\D', '', 'g'), 9)))`;

export function createLeadIntake(deps: { pool: pg.Pool; config: SystemConfig; logger: Logger }) {
  const { pool, config, logger } = deps;

  async function nextAssignee(client: pg.PoolClient): Promise<string | null> {
    await client.query('SELECT pg_advisory_xact_lock($1)', [ROUND_ROBIN_LOCK]);
    const { rows: users } = await client.query<{ id: string }>("SELECT id FROM users WHERE role = 'ADMIN' AND is_active ORDER BY id");
    if (users.length === 0) return null;
    const { rows } = await client.query<{ value: unknown }>('SELECT value FROM system_config WHERE key = $1', [ROUND_ROBIN_KEY]);
    const last = typeof rows[0]?.value === 'string' ? rows[0].value : null;
    // The first user after the last one assigned, wrapping around; a removed user just moves the turn on.
    const next = users.find((u) => last === null || u.id > last) ?? users[0]!;
    await client.query(
      `INSERT INTO system_config (key, value, description, updated_at) VALUES ($1, to_jsonb($2::text), 'Round-robin: the user who got the last lead', now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [ROUND_ROBIN_KEY, next.id],
    );
    return next.id;
  }

  async function processOne(client: pg.PoolClient, lead: NewLead, roundRobin: boolean): Promise<void> {
    const { rows: earlier } = await client.query<{ id: string; status: string; created_at: Date }>(
      `SELECT o.id, o.status, o.created_at FROM contact_submissions o
       WHERE o.id <> $1 AND o.created_at <= $4 AND o.anonymized_at IS NULL AND ${SAME_PERSON_SQL}
       ORDER BY o.created_at DESC LIMIT 50`,
      [lead.id, lead.email, lead.phone, lead.created_at],
    );
    const since = lead.created_at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000;
    const duplicateOf = earlier.find((o) => (OPEN_LEAD_STATUSES as readonly string[]).includes(o.status) && o.created_at.getTime() >= since)?.id ?? null;
    const { score, priority, reasons } = scoreLead({
      carId: lead.car_id,
      phone: lead.phone,
      message: lead.message,
      subject: lead.subject,
      source: lead.source,
      createdAt: lead.created_at,
      earlierContacts: earlier.length,
    });
    const assignee = !lead.assigned_to_id && roundRobin ? await nextAssignee(client) : null;
    await client.query(
      `UPDATE contact_submissions SET lead_score = $2, priority = $3, score_reasons = $4, duplicate_of_id = coalesce(duplicate_of_id, $5),
         assigned_to_id = coalesce(assigned_to_id, $6), processed_at = now(), updated_at = now()
       WHERE id = $1`,
      [lead.id, score, priority, JSON.stringify(reasons), duplicateOf, assignee],
    );
    if (assignee) {
      await client.query(
        `INSERT INTO contact_activities (id, contact_id, user_id, type, description, metadata, created_at)
         VALUES (gen_random_uuid()::text, $1, NULL, 'ASSIGNMENT', 'Assigned round-robin', $2, now())`,
        [lead.id, JSON.stringify({ to: assignee, via: 'round-robin' })],
      );
    }
    if (duplicateOf) {
      await client.query(
        `INSERT INTO contact_activities (id, contact_id, user_id, type, description, metadata, created_at)
         VALUES (gen_random_uuid()::text, $1, NULL, 'OTHER', 'Possible duplicate of an open lead', $2, now())`,
        [lead.id, JSON.stringify({ duplicateOf })],
      );
    }
  }

  return {
    /** Processes every unprocessed lead (new ones, and any that arrived while all apps were off). */
    async processPending(limit = 200): Promise<ProcessedLead[]> {
      const roundRobin = await config.get('leads.roundRobin');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<NewLead>(
          `SELECT id, name, email, phone, subject, message, car_id, source, assigned_to_id, created_at
           FROM contact_submissions WHERE processed_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        for (const lead of rows) await processOne(client, lead, roundRobin);
        if (rows.length) await client.query(`SELECT pg_notify('kroi_leads', json_build_object('op', 'processed', 'ids', $1::text[])::text)`, [rows.map((r) => r.id)]);
        await client.query('COMMIT');
        return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString() }));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        logger.warn('processing new leads failed', error);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export type LeadIntake = ReturnType<typeof createLeadIntake>;
