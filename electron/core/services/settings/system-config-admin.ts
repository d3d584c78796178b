// Settings → System configuration: every system_config row (and the app's known keys that
// have none yet), and editing one value with its schema, audited before/after.
import type { ChannelParsed } from '../../api/contract';
import type { JsonValue, SystemConfigEntryDto } from '../../api/dto-settings';
import { AppError, notFound } from '../../api/errors';
import type { Principal } from '../../api/router';
import { Prisma, type Db } from '../../db/prisma';
import { record } from '../audit';
import type { SystemConfig } from '../system-config';
import { describeIssues, isKnownKey, KNOWN_CONFIG } from './config-registry';

type Row = Awaited<ReturnType<Db['systemConfig']['findMany']>>[number];

function problemOf(key: string, value: unknown): string | null {
  if (!isKnownKey(key)) return null;
  const parsed = KNOWN_CONFIG[key]!.schema.safeParse(value);
  return parsed.success ? null : `The stored value does not fit, so the app uses its default. ${describeIssues(parsed.error)}`;
}

export function createSystemConfigAdmin(deps: { db: Db; systemConfig: SystemConfig }) {
  const { db } = deps;

  async function names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!wanted.length) return new Map();
    const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
    return new Map(users.map((u) => [u.id, u.name ?? u.email]));
  }

  const toDto = (row: Row, who: Map<string, string>): SystemConfigEntryDto => ({
    key: row.key,
    value: row.value as JsonValue,
    description: row.description ?? KNOWN_CONFIG[row.key]?.description ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedById ? (who.get(row.updatedById) ?? null) : null,
    known: isKnownKey(row.key),
    stored: true,
    problem: problemOf(row.key, row.value),
  });

  return {
    async list(): Promise<SystemConfigEntryDto[]> {
      const rows = await db.systemConfig.findMany({ orderBy: { key: 'asc' } });
      const who = await names(rows.map((r) => r.updatedById));
      const entries = rows.map((row) => toDto(row, who));
      for (const [key, def] of Object.entries(KNOWN_CONFIG)) {
        if (!rows.some((r) => r.key === key)) entries.push({ key, value: def.default, description: def.description, updatedAt: null, updatedBy: null, known: true, stored: false, problem: null });
      }
      return entries.sort((a, b) => a.key.localeCompare(b.key));
    },

    async set(input: ChannelParsed<'settings.systemConfig.set'>, actor: Principal): Promise<SystemConfigEntryDto> {
      const { key } = input;
      const known = KNOWN_CONFIG[key];
      const existing = await db.systemConfig.findUnique({ where: { key } });
      // New keys are for the app to introduce (known ones); others can only be edited.
      if (!known && !existing) throw notFound(`The setting "${key}"`);
      let value: JsonValue = input.value;
      if (known) {
        const parsed = known.schema.safeParse(input.value);
        if (!parsed.success) throw new AppError('VALIDATION', 'The value does not fit this setting.', { fields: { value: describeIssues(parsed.error) } });
        value = parsed.data as JsonValue;
      }
      const json = value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
      const row = await db.$transaction(async (tx) => {
        const saved = await tx.systemConfig.upsert({
          where: { key },
          create: { key, value: json, description: known?.description ?? null, updatedById: actor.userId },
          update: { value: json, updatedById: actor.userId },
        });
        await record(tx, { userId: actor.userId, action: 'settings.systemConfig', entityType: 'SystemConfig', entityId: key, changes: { value: { before: existing?.value ?? null, after: value } } });
        return saved;
      });
      // This PC reads the new value at once; others within their cache's lifetime (30 s).
      deps.systemConfig.forget();
      return toDto(row, await names([row.updatedById]));
    },
  };
}
