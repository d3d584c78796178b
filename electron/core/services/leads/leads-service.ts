// The sales team's CRM over contact_submissions. Every change records itself on the lead's
// timeline (status changes and assignments by the app, the rest by hand) and in the audit
// log, then invalidates the seed's `contacts:*` keys and tells the other PCs.
import type pg from 'pg';
import type { ChannelParsed } from '../../api/contract';
import type { CsvFileDto } from '../../api/dto';
import type { AssigneeDto, LeadCountsDto, LeadDto, LeadPageDto, ScoreReason } from '../../api/dto-leads';
import { LEAD_STATUS_MOVES, type LeadStatus } from '../../api/enums';
import { AppError, conflict, forbidden, notFound } from '../../api/errors';
import type { Principal } from '../../api/router';
import type { Cache } from '../../cache/cache';
import { keys, patterns, stableFilters, TTL } from '../../cache/keys';
import { Prisma, type Db } from '../../db/prisma';
import { record } from '../audit';
import { toCsv } from '../csv';
import { SqlParams } from '../cars/sql-filters';
import type { LeadIntake } from './lead-intake';
import { SAME_PERSON_SQL } from './lead-intake';
import { countLeads, LEAD_JOINS, LEAD_ROW_COLUMNS, leadConditions, listLeads, toLeadRow, type LeadRowRecord } from './leads-query';
import { priorityOf } from './scoring';

type Tx = Prisma.TransactionClient;
const CLOSED: readonly LeadStatus[] = ['WON', 'LOST', 'SPAM', 'ARCHIVED'];
/** Statuses reached only by being in touch with the customer (spam, archive and lost are not a contact). */
const CONTACTING: readonly LeadStatus[] = ['CONTACTED', 'QUALIFIED', 'NEGOTIATION', 'WON'];

export function createLeadsService(deps: { db: Db; pool: pg.Pool; cache: Cache; intake: LeadIntake }) {
  const { db, pool, cache } = deps;

  /** After a write: every inbox key, and a word to the other PCs (their own windows refresh). */
  async function changed(): Promise<void> {
    await cache.delPattern(patterns.contacts);
    await pool.query(`SELECT pg_notify('kroi_leads', '{"op":"changed"}')`).catch(() => undefined);
  }

  async function loadLead(id: string): Promise<LeadDto> {
    const { rows } = await pool.query<LeadRowRecord & { message: string; score_reasons: ScoreReason[] | null; ip_address: string | null; user_agent: string | null; first_contacted_at: Date | null; closed_at: Date | null; lost_reason: string | null; anonymized_at: Date | null; updated_at: Date }>(
      `SELECT ${LEAD_ROW_COLUMNS}, l.message, l.score_reasons, l.ip_address, l.user_agent, l.first_contacted_at, l.closed_at, l.lost_reason, l.anonymized_at, l.updated_at
       FROM contact_submissions l ${LEAD_JOINS} WHERE l.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) throw notFound('The lead');
    const [notes, activities, duplicates] = await Promise.all([
      db.contactNote.findMany({ where: { contactId: id }, include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: 'asc' } }),
      db.contactActivity.findMany({ where: { contactId: id }, include: { user: { select: { name: true, email: true } } }, orderBy: { createdAt: 'asc' } }),
      pool.query<LeadRowRecord>(
        `SELECT ${LEAD_ROW_COLUMNS} FROM contact_submissions l ${LEAD_JOINS}, contact_submissions o
         WHERE l.id = o.id AND o.id <> $1 AND o.status IN ('NEW','CONTACTED','QUALIFIED','NEGOTIATION') AND o.anonymized_at IS NULL
           AND o.created_at > now() AT TIME ZONE 'UTC' - interval '30 days' AND ${SAME_PERSON_SQL}
         ORDER BY o.created_at DESC LIMIT 10`,
        [id, row.email, row.phone],
      ),
    ]);
    return {
      ...toLeadRow(row),
      message: row.message,
      scoreReasons: row.score_reasons ?? [],
      ipAddress: row.ip_address,
      userAgent: row.user_agent,
      firstContactedAt: row.first_contacted_at?.toISOString() ?? null,
      closedAt: row.closed_at?.toISOString() ?? null,
      lostReason: row.lost_reason,
      anonymizedAt: row.anonymized_at?.toISOString() ?? null,
      updatedAt: row.updated_at.toISOString(),
      notes: notes.map((n) => ({ id: n.id, userId: n.userId, userName: n.user?.name ?? n.user?.email ?? null, content: n.content, createdAt: n.createdAt.toISOString(), updatedAt: n.updatedAt.toISOString() })),
      activities: activities.map((a) => ({
        id: a.id,
        userId: a.userId,
        userName: a.user?.name ?? a.user?.email ?? null,
        type: a.type,
        description: a.description,
        metadata: (a.metadata as Record<string, unknown> | null) ?? null,
        createdAt: a.createdAt.toISOString(),
      })),
      possibleDuplicates: duplicates.rows.map(toLeadRow),
    };
  }

  /** Optimistic concurrency: the version the screen showed must still be current. */
  async function claim(tx: Tx, id: string, version: number) {
    const lead = await tx.contactSubmission.findUnique({ where: { id } });
    if (!lead) throw notFound('The lead');
    if (lead.version !== version) throw conflict('Someone else changed this lead meanwhile. It has been reloaded.', { currentVersion: lead.version });
    return lead;
  }

  async function applyStatus(tx: Tx, lead: { id: string; status: LeadStatus; firstContactedAt: Date | null }, to: LeadStatus, actor: Principal, lostReason?: string) {
    if (lead.status === to) throw new AppError('CONFLICT', `The lead is already ${to}.`);
    if (!LEAD_STATUS_MOVES[lead.status].includes(to)) {
      throw new AppError('CONFLICT', `A lead cannot move from ${lead.status} to ${to}.`, { details: { allowed: LEAD_STATUS_MOVES[lead.status] } });
    }
    const now = new Date();
    await tx.contactSubmission.update({
      where: { id: lead.id },
      data: {
        status: to,
        version: { increment: 1 },
        ...(CONTACTING.includes(to) && !lead.firstContactedAt ? { firstContactedAt: now } : {}),
        closedAt: CLOSED.includes(to) ? now : null,
        lostReason: to === 'LOST' ? (lostReason ?? null) : null,
      },
    });
    await tx.contactActivity.create({
      data: { contactId: lead.id, userId: actor.userId, type: 'STATUS_CHANGE', description: `${lead.status} → ${to}`, metadata: { from: lead.status, to, ...(lostReason ? { lostReason } : {}) } },
    });
    await record(tx, { userId: actor.userId, action: 'lead.status', entityType: 'Lead', entityId: lead.id, changes: { status: { before: lead.status, after: to } } });
  }

  async function applyAssign(tx: Tx, lead: { id: string; assignedToId: string | null }, userId: string | null, actor: Principal) {
    if (userId) {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user || !user.isActive || user.role === 'VIEWER') throw new AppError('VALIDATION', 'Leads can be assigned only to active sales users.', { fields: { userId: 'Not an active sales user.' } });
    }
    if (lead.assignedToId === userId) return;
    await tx.contactSubmission.update({ where: { id: lead.id }, data: { assignedToId: userId, version: { increment: 1 } } });
    await tx.contactActivity.create({
      data: { contactId: lead.id, userId: actor.userId, type: 'ASSIGNMENT', description: userId ? 'Assigned' : 'Unassigned', metadata: { from: lead.assignedToId, to: userId } },
    });
    await record(tx, { userId: actor.userId, action: 'lead.assign', entityType: 'Lead', entityId: lead.id, changes: { assignedToId: { before: lead.assignedToId, after: userId } } });
  }

  return {
    async list(input: ChannelParsed<'leads.list'>, actor: Principal): Promise<LeadPageDto> {
      const { status, ...rest } = input;
      // The seed's contacts:{status} key, refined by the other filters ("me" resolved to the user).
      const key = keys.contacts(`${(status ?? ['ALL']).join(',')}:${stableFilters({ ...rest, assignee: rest.assignee === 'me' ? actor.userId : rest.assignee })}`);
      return cache.getOrLoad(key, TTL.SHORT, () => listLeads(pool, input, actor.userId));
    },

    async counts(input: ChannelParsed<'leads.counts'>, actor: Principal): Promise<LeadCountsDto> {
      const key = keys.contacts(`counts:${stableFilters({ ...input, assignee: input.assignee === 'me' ? actor.userId : input.assignee })}`);
      return cache.getOrLoad(key, TTL.SHORT, () => countLeads(pool, input, actor.userId));
    },

    get: loadLead,

    async assignees(): Promise<AssigneeDto[]> {
      const users = await db.user.findMany({ where: { isActive: true, role: { in: ['ADMIN', 'SUPER_ADMIN'] } }, orderBy: [{ name: 'asc' }, { email: 'asc' }] });
      return users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role as AssigneeDto['role'] }));
    },

    /** A lead taken by phone or at the counter; scored and checked like the website's. */
    async create(input: ChannelParsed<'leads.create'>, actor: Principal): Promise<LeadDto> {
      const lead = await db.$transaction(async (tx) => {
        if (input.carId && !(await tx.car.findUnique({ where: { id: input.carId }, select: { id: true } }))) {
          throw new AppError('VALIDATION', 'The car was not found.', { fields: { carId: 'No such car.' } });
        }
        const created = await tx.contactSubmission.create({
          data: { name: input.name, email: input.email, phone: input.phone ?? null, subject: input.subject ?? null, message: input.message, carId: input.carId ?? null, source: input.source },
        });
        // No name: the audit log is insert-only, so personal data there could never be erased.
        await record(tx, { userId: actor.userId, action: 'lead.create', entityType: 'Lead', entityId: created.id, changes: { source: { before: null, after: created.source } } });
        return created;
      });
      await deps.intake.processPending();
      await changed();
      return loadLead(lead.id);
    },

    async setStatus(input: ChannelParsed<'leads.setStatus'>, actor: Principal): Promise<LeadDto> {
      await db.$transaction(async (tx) => {
        const lead = await claim(tx, input.id, input.version);
        await applyStatus(tx, lead, input.status, actor, input.lostReason);
      });
      await changed();
      return loadLead(input.id);
    },

    async assign(input: ChannelParsed<'leads.assign'>, actor: Principal): Promise<LeadDto> {
      await db.$transaction(async (tx) => {
        const lead = await claim(tx, input.id, input.version);
        await applyAssign(tx, lead, input.userId, actor);
      });
      await changed();
      return loadLead(input.id);
    },

    async addNote(input: ChannelParsed<'leads.addNote'>, actor: Principal): Promise<LeadDto> {
      await db.$transaction(async (tx) => {
        const lead = await tx.contactSubmission.findUnique({ where: { id: input.leadId }, select: { id: true, anonymizedAt: true } });
        if (!lead) throw notFound('The lead');
        if (lead.anonymizedAt) throw new AppError('CONFLICT', 'This lead was erased on request; nothing can be added to it.');
        const note = await tx.contactNote.create({ data: { contactId: input.leadId, userId: actor.userId, content: input.content } });
        await tx.contactActivity.create({ data: { contactId: input.leadId, userId: actor.userId, type: 'NOTE', description: input.content.slice(0, 200), metadata: { noteId: note.id } } });
        await record(tx, { userId: actor.userId, action: 'lead.note', entityType: 'Lead', entityId: input.leadId, metadata: { noteId: note.id } });
      });
      await changed();
      return loadLead(input.leadId);
    },

    /** Only the note's own author may edit it. */
    async editNote(input: ChannelParsed<'leads.editNote'>, actor: Principal): Promise<LeadDto> {
      const contactId = await db.$transaction(async (tx) => {
        const note = await tx.contactNote.findUnique({ where: { id: input.noteId } });
        if (!note) throw notFound('The note');
        if (note.userId !== actor.userId) throw forbidden('Only the author can edit a note.');
        await tx.contactNote.update({ where: { id: note.id }, data: { content: input.content } });
        // Which note, not its text: notes hold customers' details, and the audit log cannot be erased.
        await record(tx, { userId: actor.userId, action: 'lead.noteEdit', entityType: 'Lead', entityId: note.contactId, metadata: { noteId: note.id } });
        return note.contactId;
      });
      await changed();
      return loadLead(contactId);
    },

    async addActivity(input: ChannelParsed<'leads.addActivity'>, actor: Principal): Promise<LeadDto> {
      await db.$transaction(async (tx) => {
        const lead = await tx.contactSubmission.findUnique({ where: { id: input.leadId } });
        if (!lead) throw notFound('The lead');
        await tx.contactActivity.create({
          data: { contactId: lead.id, userId: actor.userId, type: input.type, description: input.description, createdAt: input.occurredAt ? new Date(input.occurredAt) : new Date() },
        });
        // A call or an email is the first contact if none was recorded yet.
        if (!lead.firstContactedAt && ['EMAIL', 'CALL', 'MEETING', 'TEST_DRIVE'].includes(input.type)) {
          await tx.contactSubmission.update({ where: { id: lead.id }, data: { firstContactedAt: input.occurredAt ? new Date(input.occurredAt) : new Date() } });
        }
        await record(tx, { userId: actor.userId, action: 'lead.activity', entityType: 'Lead', entityId: lead.id, metadata: { type: input.type } });
      });
      await changed();
      return loadLead(input.leadId);
    },

    async setFollowUp(input: ChannelParsed<'leads.setFollowUp'>, actor: Principal): Promise<LeadDto> {
      await db.$transaction(async (tx) => {
        const lead = await claim(tx, input.id, input.version);
        const next = input.nextContactAt ? new Date(input.nextContactAt) : null;
        await tx.contactSubmission.update({ where: { id: lead.id }, data: { nextContactAt: next, version: { increment: 1 } } });
        await record(tx, { userId: actor.userId, action: 'lead.followUp', entityType: 'Lead', entityId: lead.id, changes: { nextContactAt: { before: lead.nextContactAt?.toISOString() ?? null, after: next?.toISOString() ?? null } } });
      });
      await changed();
      return loadLead(input.id);
    },

    /** Folds a duplicate into the lead kept: notes and activities move over, the duplicate is archived. */
    async merge(input: ChannelParsed<'leads.merge'>, actor: Principal): Promise<LeadDto> {
      await db.$transaction(async (tx) => {
        const [source, target] = await Promise.all([tx.contactSubmission.findUnique({ where: { id: input.sourceId } }), tx.contactSubmission.findUnique({ where: { id: input.targetId } })]);
        if (!source || !target) throw notFound('The lead');
        if (source.status === 'ARCHIVED' && source.duplicateOfId === target.id) throw new AppError('CONFLICT', 'These leads are already merged.');
        const moved = await tx.contactNote.updateMany({ where: { contactId: source.id }, data: { contactId: target.id } });
        const movedActivities = await tx.contactActivity.updateMany({ where: { contactId: source.id }, data: { contactId: target.id } });
        await tx.contactSubmission.update({ where: { id: source.id }, data: { status: 'ARCHIVED', duplicateOfId: target.id, closedAt: new Date(), version: { increment: 1 } } });
        await tx.contactSubmission.update({
          where: { id: target.id },
          data: {
            version: { increment: 1 },
            phone: target.phone ?? source.phone,
            carId: target.carId ?? source.carId,
            leadScore: Math.max(target.leadScore, source.leadScore),
            priority: priorityOf(Math.max(target.leadScore, source.leadScore)),
          },
        });
        await tx.contactActivity.create({
          data: { contactId: target.id, userId: actor.userId, type: 'MERGE', description: `Merged lead from ${source.createdAt.toISOString().slice(0, 10)}: ${source.message.slice(0, 200)}`, metadata: { sourceId: source.id, notes: moved.count, activities: movedActivities.count } },
        });
        await record(tx, { userId: actor.userId, action: 'lead.merge', entityType: 'Lead', entityId: target.id, metadata: { sourceId: source.id } });
      });
      await changed();
      return loadLead(input.targetId);
    },

    async bulk(input: ChannelParsed<'leads.bulk'>, actor: Principal): Promise<{ updated: number; skipped: { id: string; reason: string }[] }> {
      const result = await db.$transaction(async (tx) => {
        const leads = await tx.contactSubmission.findMany({ where: { id: { in: input.ids } } });
        const found = new Set(leads.map((l) => l.id));
        const skipped = input.ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: 'not found' }));
        let updated = 0;
        for (const lead of leads) {
          if (input.action.type === 'assign') {
            if (lead.assignedToId === input.action.userId) continue;
            await applyAssign(tx, lead, input.action.userId, actor);
          } else {
            if (lead.status === input.action.status) continue;
            if (!LEAD_STATUS_MOVES[lead.status].includes(input.action.status)) {
              skipped.push({ id: lead.id, reason: `${lead.status} → ${input.action.status} is not allowed` });
              continue;
            }
            // A bulk change carries no lost reason, and a LOST lead must have one.
            if (input.action.status === 'LOST') {
              skipped.push({ id: lead.id, reason: 'A lost lead needs its own reason; mark it lost on the lead.' });
              continue;
            }
            await applyStatus(tx, lead, input.action.status, actor);
          }
          updated++;
        }
        return { updated, skipped };
      });
      await changed();
      return result;
    },

    /** EU privacy: a person's leads are anonymized (the record of the sale stays). */
    async erase(input: ChannelParsed<'leads.erase'>, actor: Principal): Promise<{ erased: number }> {
      const erased = await db.$transaction(async (tx) => {
        const matches = await tx.$queryRaw<{ id: string }[]>`
          SELECT o.id FROM contact_submissions o
          WHERE o.anonymized_at IS NULL AND (
            (${input.email ?? null}::text IS NOT NULL AND lower(o.email) = lower(${input.email ?? null}::text))
            OR (${input.phone ?? null}::text IS NOT NULL AND o.phone IS NOT NULL
                AND right(regexp_replace(o.phone, '\\D', '', 'g'), 9) = right(regexp_replace(${input.phone ?? null}::text, '\\D', '', 'g'), 9)))
          FOR UPDATE`;
        for (const { id } of matches) {
          await tx.contactSubmission.update({
            where: { id },
            data: {
              name: 'Erased on request',
              email: `erased-${id}@invalid`,
              phone: null,
              message: '(erased on request)',
              subject: null,
              ipAddress: null,
              userAgent: null,
              anonymizedAt: new Date(),
              version: { increment: 1 },
            },
          });
          await tx.contactNote.deleteMany({ where: { contactId: id } });
          await tx.contactActivity.updateMany({ where: { contactId: id }, data: { description: '(erased on request)', metadata: Prisma.DbNull } });
        }
        // The website stores the address as typed; leads match it case-insensitively, so must this.
        if (input.email) await tx.newsletterSubscriber.deleteMany({ where: { email: { equals: input.email, mode: 'insensitive' } } });
        // The audit entry names who erased and why, never the erased data itself.
        await record(tx, { userId: actor.userId, action: 'lead.erase', entityType: 'Lead', entityId: null, metadata: { leads: matches.map((m) => m.id), reason: input.reason } });
        return matches.length;
      });
      await changed();
      return { erased };
    },

    async exportCsv(input: ChannelParsed<'leads.exportCsv'>, actor: Principal): Promise<CsvFileDto> {
      const params = new SqlParams();
      const where = leadConditions(input, actor.userId, params);
      const { rows } = await pool.query<LeadRowRecord & { message: string }>(
        `SELECT ${LEAD_ROW_COLUMNS}, l.message FROM contact_submissions l ${LEAD_JOINS} WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC LIMIT 100000`,
        params.values,
      );
      await record(db, { userId: actor.userId, action: 'lead.export', entityType: 'Lead', metadata: { rows: rows.length } });
      return {
        filename: `leads-${new Date().toISOString().slice(0, 10)}.csv`,
        mime: 'text/csv',
        content: toCsv(
          ['created', 'name', 'email', 'phone', 'status', 'source', 'score', 'priority', 'car', 'assigned to', 'next contact', 'message'],
          rows.map((r) => [r.created_at.toISOString(), r.name, r.email, r.phone, r.status, r.source, r.lead_score, r.priority, r.car_name, r.assigned_to_name, r.next_contact_at?.toISOString() ?? '', r.message]),
        ),
      };
    },

  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
