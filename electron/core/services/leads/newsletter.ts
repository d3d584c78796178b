// Newsletter subscribers (written by the website): list, unsubscribe, export.
import type { ChannelParsed } from '../../api/contract';
import type { CsvFileDto, Page } from '../../api/dto';
import type { SubscriberDto } from '../../api/dto-leads';
import { notFound } from '../../api/errors';
import type { Principal } from '../../api/router';
import type { Db, Prisma } from '../../db/prisma';
import { diff, record } from '../audit';
import { toCsv } from '../csv';

const toDto = (s: Prisma.NewsletterSubscriberGetPayload<object>): SubscriberDto => ({
  id: s.id,
  email: s.email,
  name: s.name,
  status: s.status,
  source: s.source,
  locale: s.locale,
  subscribedAt: s.subscribedAt?.toISOString() ?? null,
  unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
});

function where(input: { status?: SubscriberDto['status'][] | undefined; q?: string | undefined }): Prisma.NewsletterSubscriberWhereInput {
  return {
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.q ? { OR: [{ email: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {}),
  };
}

export function createNewsletterService(db: Db) {
  return {
    async list(input: ChannelParsed<'newsletter.list'>): Promise<Page<SubscriberDto>> {
      const rows = await db.newsletterSubscriber.findMany({
        where: where(input),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      });
      const page = rows.slice(0, input.limit);
      const total = input.cursor ? undefined : await db.newsletterSubscriber.count({ where: where(input) });
      return { items: page.map(toDto), nextCursor: rows.length > input.limit ? page.at(-1)!.id : null, ...(total !== undefined ? { total } : {}) };
    },

    async unsubscribe(id: string, actor: Principal): Promise<SubscriberDto> {
      return db.$transaction(async (tx) => {
        const before = await tx.newsletterSubscriber.findUnique({ where: { id } });
        if (!before) throw notFound('The subscriber');
        if (before.status === 'UNSUBSCRIBED') return toDto(before);
        const after = await tx.newsletterSubscriber.update({ where: { id }, data: { status: 'UNSUBSCRIBED', unsubscribedAt: new Date() } });
        await record(tx, { userId: actor.userId, action: 'newsletter.unsubscribe', entityType: 'NewsletterSubscriber', entityId: id, changes: diff(before, after, ['status', 'unsubscribedAt']) });
        return toDto(after);
      });
    },

    async exportCsv(input: ChannelParsed<'newsletter.exportCsv'>, actor: Principal): Promise<CsvFileDto> {
      const rows = await db.newsletterSubscriber.findMany({ where: where(input), orderBy: { createdAt: 'desc' }, take: 200_000 });
      await record(db, { userId: actor.userId, action: 'newsletter.export', entityType: 'NewsletterSubscriber', metadata: { rows: rows.length } });
      return {
        filename: `newsletter-${new Date().toISOString().slice(0, 10)}.csv`,
        mime: 'text/csv',
        content: toCsv(['email', 'name', 'status', 'locale', 'source', 'subscribed', 'unsubscribed'], rows.map(toDto).map((s) => [s.email, s.name, s.status, s.locale, s.source, s.subscribedAt, s.unsubscribedAt])),
      };
    },
  };
}
