// Newsletter subscribers across the sign-up life cycle (pending double opt-in, active,
// unsubscribed, bounced). E-mail is unique in this table, so collisions get a number.
import type { SeedContext } from './context';
import { defineTable, type RowOf } from './copy-loader';
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from './enums';
import { PeopleFactory } from './people';
import { Rng, STREAM, WeightedTable, seededId } from './random';
import { DAY_MS, MINUTE_MS } from './time';

export const newsletterSubscribersTable = defineTable('newsletter_subscribers', [
  'id', 'email', 'name', 'status', 'preferences', 'source', 'locale', 'subscribed_at', 'unsubscribed_at', 'created_at', 'updated_at',
]);

const STATUS = WeightedTable.of<SubscriberStatus>([
  ['ACTIVE', 70],
  ['UNSUBSCRIBED', 15],
  ['PENDING', 10],
  ['BOUNCED', 5],
]);
const SOURCES = WeightedTable.of([
  ['website_footer', 50],
  ['car_page', 25],
  ['contact_form', 15],
  ['showroom', 10],
] as const);
const BRANDS = ['Toyota', 'Volkswagen', 'Skoda', 'Volvo', 'BMW', 'Tesla', 'Kia', 'Ford'] as const;

export function* newsletterRows(ctx: SeedContext, count: number): Generator<RowOf<typeof newsletterSubscribersTable>> {
  const people = new PeopleFactory(ctx.seed, STREAM.subscriber);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const rng = Rng.for(ctx.seed, STREAM.subscriber, i);
    const locale = rng.chance(0.88) ? 'fi' : rng.chance(0.8) ? 'en' : 'sv';
    const person = people.person(rng, locale === 'en');
    let email = person.email;
    for (let n = 2; used.has(email); n++) email = person.email.replace('@', `${n}@`);
    used.add(email);

    // The first four rows take each status in turn, so even a tiny run shows all of them.
    const status = SUBSCRIBER_STATUSES[i] ?? STATUS.draw(rng);
    const createdAt = ctx.webYear.quantile((i + rng.float()) / count);
    const subscribedAt = status === 'PENDING' ? null : createdAt + Math.floor(rng.range(1, 180) * MINUTE_MS);
    const unsubscribedAt =
      status === 'UNSUBSCRIBED' && subscribedAt !== null ? Math.min(subscribedAt + Math.floor(rng.range(3, 200) * DAY_MS), ctx.nowMs) : null;
    const bouncedAt = status === 'BOUNCED' && subscribedAt !== null ? Math.min(subscribedAt + Math.floor(rng.range(7, 120) * DAY_MS), ctx.nowMs) : null;
    yield {
      id: seededId(ctx.seed, STREAM.subscriber, i),
      email,
      name: rng.chance(0.7) ? person.name : null,
      status,
      preferences: JSON.stringify({
        newArrivals: true,
        offers: rng.chance(0.6),
        brands: rng.sample(BRANDS, rng.int(0, 3)),
        frequency: rng.chance(0.7) ? 'weekly' : 'monthly',
      }),
      source: SOURCES.draw(rng),
      locale,
      subscribed_at: subscribedAt === null ? null : new Date(subscribedAt),
      unsubscribed_at: unsubscribedAt === null ? null : new Date(unsubscribedAt),
      created_at: new Date(createdAt),
      updated_at: new Date(Math.max(createdAt, subscribedAt ?? 0, unsubscribedAt ?? 0, bouncedAt ?? 0)),
    };
  }
}
