// The audit log: every change made through the app writes activity_logs, in the same
// transaction as the change, with the changed fields before and after. Secrets never.
import type { AuditEntryDto, CsvFileDto, Page } from '../api/dto';
import type { ChannelParsed } from '../api/contract';
import { notFound } from '../api/errors';
import type { Db } from '../db/prisma';
import { toCsv } from './csv';

/** Fields whose values never enter the log, whatever entity they belong to. */
const SECRET_FIELD = /^(password|passwordHash|currentPassword|newPassword|temporaryPassword|sessionToken|token|secret|refresh_token|access_token|id_token)$/i;

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Anything with Prisma's model delegates: the client itself or an interactive transaction. */
export type DbLike = Pick<Db, 'activityLog'>;

export interface AuditRecord {
  userId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Changes | null;
  metadata?: Record<string, unknown> | null;
}

const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'toNumber' in value && typeof (value as { toNumber: unknown }).toNumber === 'function') {
    return (value as { toNumber(): number }).toNumber();
  }
  return value;
};

/** The fields that differ between two versions of a record (secret fields dropped). */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields?: readonly string[]): Changes {
  const names = fields ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: Changes = {};
  for (const name of names) {
    if (SECRET_FIELD.test(name)) continue;
    const b = plain(before?.[name] ?? null);
    const a = plain(after?.[name] ?? null);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[name] = { before: b, after: a };
  }
  return changes;
}

function scrubMetadata(metadata: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!metadata) return null;
  return Object.fromEntries(Object.entries(metadata).filter(([k]) => !SECRET_FIELD.test(k)).map(([k, v]) => [k, plain(v)]));
}

export async function record(db: DbLike, entry: AuditRecord): Promise<void> {
  await db.activityLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: entry.changes && Object.keys(entry.changes).length ? (entry.changes as object) : undefined,
      metadata: (scrubMetadata(entry.metadata) ?? undefined) as object | undefined,
    },
  });
}

type Row = {
  id: bigint | number;
  createdAt: Date;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: unknown;
  metadata: unknown;
  user: { email: string } | null;
};

const toDto = (row: Row): AuditEntryDto => ({
  id: String(row.id),
  createdAt: row.createdAt.toISOString(),
  userId: row.userId,
  userEmail: row.user?.email ?? null,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  changes: (row.changes as AuditEntryDto['changes']) ?? null,
  metadata: (row.metadata as AuditEntryDto['metadata']) ?? null,
});

type Filters = ChannelParsed<'audit.exportCsv'>;

const MAX_BIGINT = 9_223_372_036_854_775_807n;

function where(f: Filters) {
  return {
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lt: new Date(f.to) } : {}) } } : {}),
  };
}

export function createAuditService(db: Db) {
  return {
    async list(input: ChannelParsed<'audit.list'>): Promise<Page<AuditEntryDto>> {
      // Cursors are ids this service handed out; anything else (or past bigint) starts at the top.
      const parsed = input.cursor && /^\d+$/.test(input.cursor) ? BigInt(input.cursor) : null;
      const cursor = parsed !== null && parsed <= MAX_BIGINT ? parsed : null;
      const rows = await db.activityLog.findMany({
        where: { ...where(input), ...(cursor ? { id: { lt: cursor } } : {}) },
        include: { user: { select: { email: true } } },
        orderBy: { id: 'desc' },
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      return { items: page.map(toDto), nextCursor: rows.length > input.limit ? String(page.at(-1)!.id) : null };
    },

    async get(id: string): Promise<AuditEntryDto> {
      const key = BigInt(id);
      // 19 digits may exceed bigint: no such row, rather than a database error.
      if (key > MAX_BIGINT) throw notFound('The audit entry');
      const row = await db.activityLog.findUnique({ where: { id: key }, include: { user: { select: { email: true } } } });
      if (!row) throw notFound('The audit entry');
      return toDto(row);
    },

    async exportCsv(input: Filters): Promise<CsvFileDto> {
      const rows = await db.activityLog.findMany({
        where: where(input),
        include: { user: { select: { email: true } } },
        orderBy: { id: 'desc' },
        take: 100_000,
      });
      const content = toCsv(
        ['id', 'time', 'user', 'action', 'entity', 'entity id', 'changes', 'details'],
        rows.map(toDto).map((e) => [e.id, e.createdAt, e.userEmail ?? '', e.action, e.entityType, e.entityId ?? '', e.changes ? JSON.stringify(e.changes) : '', e.metadata ? JSON.stringify(e.metadata) : '']),
      );
      return { filename: `audit-log-${new Date().toISOString().slice(0, 10)}.csv`, mime: 'text/csv', content };
    },
  };
}
