// The lead inbox's SQL: filters, sort by score or date, keyset pages, a capped total, counts per status.
import type pg from 'pg';
import { cappedCountSql, cappedSearchCountSql, cappedTotal, SEARCH_TOTAL_CAP, TOTAL_CAP } from '../capped-count';
import type { LeadCountsDto, LeadPageDto, LeadRowDto } from '../../api/dto-leads';
import { LEAD_STATUSES } from '../../api/enums';
import { validation } from '../../api/errors';
import type { LeadFilters, LeadsListInput } from '../../api/schemas/leads';
import { SqlParams } from '../cars/sql-filters';

/** The dealership's own day decides what "due today" means. */
export const DEALERSHIP_TZ = 'Europe/Helsinki';

export const LEAD_ROW_COLUMNS = `l.id, l.name, l.email, l.phone, l.subject, l.status, l.source, l.lead_score, l.priority, l.car_id,
  c.name AS car_name, l.assigned_to_id, coalesce(u.name, u.email) AS assigned_to_name, l.next_contact_at, l.duplicate_of_id,
  l.created_at, l.version`;
export const LEAD_JOINS = 'LEFT JOIN cars c ON c.id = l.car_id LEFT JOIN users u ON u.id = l.assigned_to_id';

export interface LeadRowRecord {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  subject: string | null;
  status: LeadRowDto['status'];
  source: LeadRowDto['source'];
  lead_score: number;
  priority: LeadRowDto['priority'];
  car_id: string | null;
  car_name: string | null;
  assigned_to_id: string | null;
  assigned_to_name: string | null;
  next_contact_at: Date | null;
  duplicate_of_id: string | null;
  created_at: Date;
  version: number;
}

export const toLeadRow = (r: LeadRowRecord): LeadRowDto => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  subject: r.subject,
  status: r.status,
  source: r.source,
  leadScore: r.lead_score,
  priority: r.priority,
  carId: r.car_id,
  carName: r.car_name,
  assignedToId: r.assigned_to_id,
  assignedToName: r.assigned_to_name,
  nextContactAt: r.next_contact_at?.toISOString() ?? null,
  duplicateOfId: r.duplicate_of_id,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

/**
 * One value as `=`, several as `= ANY`: PostgreSQL before 17 reads no index in order through
 * `= ANY(array)`, and the inbox mostly asks for one status (the board's column).
 */
function oneOf(column: string, values: readonly string[], type: string, params: SqlParams): string {
  return values.length === 1 ? `${column} = ${params.add(values[0])}::"${type}"` : `${column} = ANY(${params.add(values)}::"${type}"[])`;
}

export function leadConditions(f: LeadFilters, userId: string, params: SqlParams, skipStatus = false): string[] {
  const where: string[] = ['TRUE'];
  if (!skipStatus && f.status?.length) where.push(oneOf('l.status', f.status, 'LeadStatus', params));
  if (f.assignee === 'me') where.push(`l.assigned_to_id = ${params.add(userId)}`);
  else if (f.assignee === 'unassigned') where.push('l.assigned_to_id IS NULL');
  else if (f.assignee) where.push(`l.assigned_to_id = ${params.add(f.assignee)}`);
  if (f.carId) where.push(`l.car_id = ${params.add(f.carId)}`);
  if (f.source?.length) where.push(oneOf('l.source', f.source, 'LeadSource', params));
  if (f.priority?.length) where.push(oneOf('l.priority', f.priority, 'LeadPriority', params));
  if (f.scoreMin !== undefined) where.push(`l.lead_score >= ${params.add(f.scoreMin)}`);
  if (f.scoreMax !== undefined) where.push(`l.lead_score <= ${params.add(f.scoreMax)}`);
  if (f.from) where.push(`l.created_at >= ${params.add(new Date(f.from))}::timestamptz AT TIME ZONE 'UTC'`);
  if (f.to) where.push(`l.created_at < ${params.add(new Date(f.to))}::timestamptz AT TIME ZONE 'UTC'`);
  if (f.q) {
    const like = params.add(`%${f.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    const digits = f.q.replace(/\D/g, '');
    const phone = digits.length >= 4 ? ` OR regexp_replace(l.phone, '\\D', '', 'g') LIKE ${params.add(`%${digits.slice(-9)}%`)}` : '';
    where.push(`(lower(l.name) LIKE ${like} OR lower(l.email) LIKE ${like}${phone})`);
  }
  if (f.due === 'overdue') where.push(`l.next_contact_at < (now() AT TIME ZONE 'UTC')`);
  if (f.due === 'today') {
    where.push(`l.next_contact_at < ((date_trunc('day', now() AT TIME ZONE '${DEALERSHIP_TZ}') + interval '1 day') AT TIME ZONE '${DEALERSHIP_TZ}') AT TIME ZONE 'UTC'`);
  }
  return where;
}

type Cursor = { s: number | string | null; c: string; id: string };

const SORTS = {
  score: { expr: 'l.lead_score', value: (r: LeadRowRecord) => r.lead_score, cast: '::int' },
  createdAt: { expr: 'l.created_at', value: (r: LeadRowRecord) => r.created_at.toISOString(), cast: "::timestamptz AT TIME ZONE 'UTC'" },
  // Leads without a follow-up date sort last either way.
  nextContactAt: { expr: "coalesce(l.next_contact_at, 'infinity'::timestamp)", value: (r: LeadRowRecord) => r.next_contact_at?.toISOString() ?? 'infinity', cast: '::timestamp' },
} as const;

function decode(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (c && typeof c.id === 'string' && typeof c.c === 'string') return c;
  } catch {
    // fall through
  }
  throw validation('The page cursor is not valid; reload the list.', { cursor: 'Not a valid cursor.' });
}

export function buildLeadsQuery(input: LeadsListInput, userId: string): { sql: string; values: unknown[]; count: { sql: string; values: unknown[]; cap: number } | null } {
  const params = new SqlParams();
  const where = leadConditions(input, userId, params);
  const sort = SORTS[input.sort];
  const asc = input.dir === 'asc';
  const op = asc ? '>' : '<';
  const dir = asc ? 'ASC' : 'DESC';
  const cursor = decode(input.cursor);
  if (cursor) {
    // For the follow-up sort the 'infinity' sentinel travels as text and is cast back.
    const s = sort.expr.startsWith('coalesce') ? `${params.add(cursor.s)}::timestamp` : `${params.add(cursor.s)}${sort.cast}`;
    where.push(`(${sort.expr}, l.created_at, l.id) ${op} (${s}, ${params.add(cursor.c)}::timestamptz AT TIME ZONE 'UTC', ${params.add(cursor.id)})`);
  }
  const order = `${sort.expr} ${dir}, l.created_at ${dir}, l.id ${dir}`;
  // Find the page's ids first (an index-only scan of the covering score index when the
  // planner walks it), then read just those rows: skipped leads never touch the wide table.
  const sql = `WITH page AS MATERIALIZED (
      SELECT l.id FROM contact_submissions l WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${input.limit + 1}
    )
    SELECT ${LEAD_ROW_COLUMNS} FROM page JOIN contact_submissions l ON l.id = page.id ${LEAD_JOINS}
    ORDER BY ${order}`;
  let count = null;
  if (!cursor) {
    const countParams = new SqlParams();
    const from = `contact_submissions l WHERE ${leadConditions(input, userId, countParams).join(' AND ')}`;
    count = input.q
      ? { sql: cappedSearchCountSql(from), values: countParams.values, cap: SEARCH_TOTAL_CAP }
      : { sql: cappedCountSql(from), values: countParams.values, cap: TOTAL_CAP };
  }
  return { sql, values: params.values, count };
}

export async function listLeads(pool: pg.Pool, input: LeadsListInput, userId: string): Promise<LeadPageDto> {
  const q = buildLeadsQuery(input, userId);
  const [page, count] = await Promise.all([
    pool.query<LeadRowRecord>(q.sql, q.values),
    q.count ? pool.query<{ n: number }>(q.count.sql, q.count.values) : Promise.resolve(null),
  ]);
  const rows = page.rows.slice(0, input.limit);
  let nextCursor: string | null = null;
  if (page.rows.length > input.limit) {
    const last = rows[rows.length - 1]!;
    const c: Cursor = { s: SORTS[input.sort].value(last), c: last.created_at.toISOString(), id: last.id };
    nextCursor = Buffer.from(JSON.stringify(c)).toString('base64url');
  }
  return { items: rows.map(toLeadRow), nextCursor, ...cappedTotal(count ? (count.rows[0]?.n ?? 0) : null, q.count?.cap) };
}

export async function countLeads(pool: pg.Pool, filters: LeadFilters, userId: string): Promise<LeadCountsDto> {
  const params = new SqlParams();
  const where = leadConditions(filters, userId, params, true);
  const { rows } = await pool.query<{ status: string; n: number }>(
    `SELECT l.status, count(*)::int AS n FROM contact_submissions l WHERE ${where.join(' AND ')} GROUP BY 1`,
    params.values,
  );
  const counts = Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0])) as LeadCountsDto;
  for (const r of rows) counts[r.status as keyof LeadCountsDto] = r.n;
  return counts;
}
