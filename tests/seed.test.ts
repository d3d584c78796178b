// The development data generator against a real PostgreSQL: counts, coverage of every
// enum value, integrity of what it writes, determinism, rejection of bad options with
// nothing written, all-or-nothing loading, --reset, and the COPY text escaping.
// The databases are this file's own (kroi_seedtest_*), migrated here and dropped after.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../electron/core/db/migrator';
import { flushAppCache } from '../scripts/seed/cache-flush';
import { encodeCopyRow, encodeCopyValue, escapeCopyText } from '../scripts/seed/copy-format';
import { copyRows, defineTable } from '../scripts/seed/copy-loader';
import { DB_ENUMS } from '../scripts/seed/enums';
import { SEEDED_TABLES, SeedConflictError, SeedOptionsError, seed, type SeedOptionsInput } from '../scripts/seed/index';
import { slugify } from '../scripts/seed/slug';
import { SYSTEM_CONFIG } from '../scripts/seed/system-config';
import { DEV_PASSWORDS, DEV_USERS } from '../scripts/seed/users';
import { THRESHOLDS } from '../scripts/seed/web-vitals';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOW = '2026-11-25T08:00:00.000Z';
const SMALL = { cars: 60, leads: 160, views: 3000, seed: 7, now: NOW } satisfies SeedOptionsInput;

const run = randomBytes(4).toString('hex');
const urlOf = (name: string): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const created: string[] = [];
async function createDb(suffix: string, template?: string): Promise<string> {
  const name = `kroi_seedtest_${run}_${suffix}`;
  await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  created.push(name);
  return name;
}

const pools = new Map<string, pg.Pool>();
function db(name: string): pg.Pool {
  let pool = pools.get(name);
  if (!pool) {
    pool = new pg.Pool({ connectionString: urlOf(name), max: 2 });
    pools.set(name, pool);
  }
  return pool;
}

async function one<T extends pg.QueryResultRow>(name: string, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db(name).query<T>(sql, params);
  if (!rows[0]) throw new Error(`no row for: ${sql}`);
  return rows[0];
}

async function tableCounts(name: string): Promise<Record<string, number>> {
  const tables = [...SEEDED_TABLES, 'users', 'system_config', 'car_stats'];
  const { rows } = await db(name).query<{ t: string; n: string }>(tables.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM "${t}"`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** Index, foreign-key and trigger definitions of the seeded tables, to compare schemas. */
async function schemaShape(name: string): Promise<string[]> {
  const { rows } = await db(name).query<{ d: string }>(
    `SELECT 'index ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)
     UNION ALL SELECT 'fk ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)
     UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY($1)
     ORDER BY 1`,
    [[...SEEDED_TABLES]],
  );
  return rows.map((r) => r.d);
}

let template = '';
let main = '';
let twin = '';
let spare = '';

beforeAll(async () => {
  template = await createDb('tpl');
  await migrate(urlOf(template));
  main = await createDb('a', template);
  twin = await createDb('b', template);
  spare = await createDb('c', template);
}, 120_000);

afterAll(async () => {
  await Promise.all([...pools.values()].map((p) => p.end()));
  for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}, 120_000);

describe('seed', () => {
  test('loads every table with the asked sizes, in one go', { timeout: 120_000 }, async () => {
    const summary = await seed(urlOf(main), SMALL);
    const counts = await tableCounts(main);

    expect(summary.rows).toMatchObject({ cars: 60, contact_submissions: 160, car_views: 3000, page_views: 6000, web_vitals: 600, newsletter_subscribers: 32 });
    for (const table of SEEDED_TABLES) expect(counts[table], table).toBe(summary.rows[table]);
    expect(counts.car_images).toBeGreaterThanOrEqual(2 * 60);
    expect(counts.car_images).toBeLessThanOrEqual(5 * 60);
    for (const table of ['car_features', 'car_specifications', 'contact_notes', 'contact_activities'] as const) expect(counts[table]).toBeGreaterThan(0);
    expect(counts.users).toBe(DEV_USERS.length);
    expect(counts.system_config).toBe(SYSTEM_CONFIG.length);
    expect(summary.configInserted).toBe(SYSTEM_CONFIG.length);

    // The view counters the car_stats trigger keeps agree with the views loaded by COPY.
    const stats = await one<{ views: string }>(main, 'SELECT coalesce(sum(views), 0) AS views FROM car_stats');
    expect(Number(stats.views)).toBe(3000);

    // Indexes, foreign keys and the notify trigger are back exactly as the migrations made them.
    expect(await schemaShape(main)).toEqual(await schemaShape(spare));
  });

  test('covers every status, source, role and activity type', async () => {
    const values = async (sql: string) => (await db(main).query<{ v: string }>(sql)).rows.map((r) => r.v).sort();
    expect(await values('SELECT DISTINCT status::text AS v FROM cars')).toEqual([...DB_ENUMS.CarStatus!].sort());
    expect(await values('SELECT DISTINCT status::text AS v FROM contact_submissions')).toEqual([...DB_ENUMS.LeadStatus!].sort());
    expect(await values('SELECT DISTINCT source::text AS v FROM contact_submissions')).toEqual([...DB_ENUMS.LeadSource!].sort());
    expect(await values('SELECT DISTINCT priority::text AS v FROM contact_submissions')).toEqual([...DB_ENUMS.LeadPriority!].sort());
    expect(await values('SELECT DISTINCT status::text AS v FROM newsletter_subscribers')).toEqual([...DB_ENUMS.SubscriberStatus!].sort());
    expect(await values('SELECT DISTINCT role::text AS v FROM users')).toEqual([...DB_ENUMS.UserRole!].sort());
    expect(await values('SELECT DISTINCT type::text AS v FROM contact_activities')).toEqual(
      expect.arrayContaining(['ASSIGNMENT', 'CALL', 'EMAIL', 'MEETING', 'NOTE', 'STATUS_CHANGE', 'TEST_DRIVE']),
    );
    expect(await values('SELECT DISTINCT name AS v FROM web_vitals')).toEqual(['CLS', 'FCP', 'INP', 'LCP', 'TTFB']);
    expect(await values('SELECT DISTINCT rating AS v FROM web_vitals')).toEqual(['good', 'needs-improvement', 'poor']);

    // The seeder's own enum lists are the database's.
    const { rows } = await db(main).query<{ t: string; v: string[] }>(
      `SELECT t.typname AS t, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname`,
    );
    for (const [type, list] of Object.entries(DB_ENUMS)) expect(rows.find((r) => r.t === type)?.v, type).toEqual([...list]);
  });

  test('writes consistent rows', async () => {
    const q = async (sql: string) => Number((await one<{ n: string }>(main, sql)).n);
    // Exactly one primary photo per car, and every car has photos.
    expect(await q(`SELECT count(*) AS n FROM cars c WHERE (SELECT count(*) FROM car_images i WHERE i.car_id = c.id AND i.is_primary) <> 1`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM car_images WHERE url !~ '^https://images\\.kroiautocenter\\.fi/cars/[a-z0-9-]+/[1-5]\\.jpg$'`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM cars WHERE slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)).toBe(0);
    // Sold cars carry a sale, others do not; prices are euros in a sane range.
    expect(await q(`SELECT count(*) AS n FROM cars WHERE (status = 'SOLD') <> (sold_at IS NOT NULL AND sold_price_eur IS NOT NULL)`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM cars WHERE price_eur < 1000 OR price_eur > 150000 OR version <> 1`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM cars WHERE deleted_at IS NOT NULL`)).toBeGreaterThan(0);
    expect(await q(`SELECT count(*) AS n FROM cars WHERE featured`)).toBeGreaterThan(0);
    expect(await q(`SELECT count(*) AS n FROM cars WHERE stocked_at < $$${NOW}$$::timestamp - interval '371 days' OR stocked_at > $$${NOW}$$::timestamp`)).toBe(0);
    // Finnish and English text, several paragraphs (newlines survived the COPY escaping).
    expect(await q(`SELECT count(*) AS n FROM cars WHERE description NOT LIKE E'%\\n\\n%' OR description_en IS NULL OR meta_title IS NULL OR meta_description IS NULL`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM contact_notes WHERE content LIKE E'%\\n%'`)).toBeGreaterThan(0);
    // Lead histories happen after the lead arrived and before "now".
    expect(await q(`SELECT count(*) AS n FROM contact_activities a JOIN contact_submissions c ON c.id = a.contact_id WHERE a.created_at < c.created_at OR a.created_at > $$${NOW}$$`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM contact_notes n JOIN contact_submissions c ON c.id = n.contact_id WHERE n.created_at < c.created_at`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM contact_submissions WHERE lead_score NOT BETWEEN 0 AND 100 OR score_reasons IS NULL OR processed_at IS NULL`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM contact_submissions WHERE phone !~ '^\\+358 '`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM contact_submissions WHERE assigned_to_id IS NOT NULL AND assigned_to_id NOT IN (SELECT id FROM users WHERE role = 'ADMIN')`)).toBe(0);
    expect(await q(`SELECT count(*) AS n FROM contact_submissions WHERE message ~* 'koeajo|test drive'`)).toBeGreaterThan(0);
    expect(await q(`SELECT count(*) AS n FROM contact_submissions WHERE message ~* 'rahoitu|financ'`)).toBeGreaterThan(0);
    expect(await q(`SELECT count(*) AS n FROM contact_submissions WHERE message ~* 'vaihtoauto|trade-in'`)).toBeGreaterThan(0);
    // Traffic sits in the last ~6 months; vitals are rated by web.dev's thresholds.
    for (const table of ['page_views', 'car_views', 'web_vitals']) {
      expect(await q(`SELECT count(*) AS n FROM ${table} WHERE created_at < $$${NOW}$$::timestamp - interval '183 days' OR created_at > $$${NOW}$$`), table).toBe(0);
    }
    expect(await q(`SELECT count(*) AS n FROM car_views v JOIN cars c ON c.id = v.car_id WHERE v.created_at < c.stocked_at`)).toBe(0);
    for (const [name, [good, poor]] of Object.entries(THRESHOLDS)) {
      const wrong = await q(
        `SELECT count(*) AS n FROM web_vitals WHERE name = '${name}' AND rating <> CASE WHEN value <= ${good} THEN 'good' WHEN value <= ${poor} THEN 'needs-improvement' ELSE 'poor' END`,
      );
      expect(wrong, name).toBe(0);
    }
    // Known development passwords, hashed with bcrypt at cost 12.
    const admin = await one<{ password_hash: string }>(main, `SELECT password_hash FROM users WHERE role = 'ADMIN' AND is_active LIMIT 1`);
    expect(admin.password_hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await bcrypt.compare(DEV_PASSWORDS.ADMIN, admin.password_hash)).toBe(true);
    const idle = await one<{ value: unknown }>(main, `SELECT value FROM system_config WHERE key = 'session.idleHours'`);
    expect(idle.value).toBe(8);
  });

  test('same options give the same data; another seed gives other data', { timeout: 120_000 }, async () => {
    await seed(urlOf(twin), SMALL);
    const fingerprint = async (name: string, table: string, order: string) =>
      (await one<{ h: string }>(name, `SELECT md5(string_agg(t::text, '|' ORDER BY ${order})) AS h FROM "${table}" t`)).h;
    for (const [table, order] of [
      ['cars', 'id'],
      ['car_images', 'id'],
      ['car_specifications', 'id'],
      ['contact_submissions', 'id'],
      ['contact_activities', 'id'],
      ['car_views', 'id'],
      ['page_views', 'id'],
      ['web_vitals', 'id'],
      ['newsletter_subscribers', 'id'],
    ] as const) {
      expect(await fingerprint(twin, table, order), table).toBe(await fingerprint(main, table, order));
    }
    const slugsAndPrices = async (name: string) => (await db(name).query<{ s: string }>(`SELECT slug || ' ' || price_eur AS s FROM cars ORDER BY id`)).rows.map((r) => r.s);
    const first = await slugsAndPrices(main);
    expect(await slugsAndPrices(twin)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);

    await seed(urlOf(twin), { ...SMALL, seed: 8, reset: true });
    expect(await slugsAndPrices(twin)).not.toEqual(first);
  });

  test('bad options are refused and write nothing', { timeout: 60_000 }, async () => {
    const before = await tableCounts(spare);
    const bad: unknown[] = [{ cars: -1 }, { cars: 1.5 }, { cars: 0 }, { leads: '10' }, { views: 1e12 }, { seed: -3 }, { now: 'yesterday' }, { carz: 10 }, { redisUrl: 'http://x' }];
    for (const opts of bad) {
      await expect(seed(urlOf(spare), opts as SeedOptionsInput), JSON.stringify(opts)).rejects.toBeInstanceOf(SeedOptionsError);
    }

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--database-url', urlOf(spare), '--no-cache-flush', ...args], { encoding: 'utf8', timeout: 30_000 });
    for (const [args, message] of [
      [['--cars', 'abc'], '--cars must be a whole number'],
      [['--cars', '0'], 'cars must be at least 1'],
      [['--leads', '-5'], '--leads'],
      [['--frobnicate'], 'frobnicate'],
    ] as const) {
      const result = cli(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const badUrl = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--database-url', 'mysql://nope'], { encoding: 'utf8', timeout: 30_000 });
    expect(badUrl.status).toBe(2);

    expect(await tableCounts(spare)).toEqual(before);
    expect(before.users).toBe(0);
    expect(before.cars).toBe(0);
  });

  test('a failure part-way leaves nothing behind', { timeout: 120_000 }, async () => {
    // web_vitals is loaded last: a trigger that refuses its rows fails the run at the very end.
    await db(spare).query(`CREATE FUNCTION seedtest_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    await db(spare).query(`CREATE TRIGGER seedtest_refuse BEFORE INSERT ON web_vitals FOR EACH ROW EXECUTE FUNCTION seedtest_refuse()`);
    const shape = await schemaShape(spare);
    try {
      await expect(seed(urlOf(spare), { ...SMALL, cars: 20, leads: 30, views: 200 })).rejects.toThrow(/refused by test/);
      const counts = await tableCounts(spare);
      for (const [table, n] of Object.entries(counts)) expect(n, table).toBe(0);
      // The dropped indexes and keys came back with the rollback.
      expect(await schemaShape(spare)).toEqual(shape);
    } finally {
      await db(spare).query(`DROP TRIGGER seedtest_refuse ON web_vitals; DROP FUNCTION seedtest_refuse()`);
    }
  });

  test('refuses a database with data unless --reset, which keeps users, settings and the audit log', { timeout: 120_000 }, async () => {
    await expect(seed(urlOf(main), SMALL)).rejects.toBeInstanceOf(SeedConflictError);

    const userIds = (await db(main).query<{ id: string }>('SELECT id FROM users ORDER BY id')).rows.map((r) => r.id);
    await db(main).query(`INSERT INTO activity_logs (user_id, action, entity_type) VALUES ($1, 'test.marker', 'test')`, [userIds[0]]);
    await db(main).query(`UPDATE system_config SET value = '12' WHERE key = 'session.idleHours'`);

    const summary = await seed(urlOf(main), { ...SMALL, cars: 25, leads: 40, views: 500, reset: true });
    const counts = await tableCounts(main);
    expect(counts.cars).toBe(25);
    expect(counts.contact_submissions).toBe(40);
    expect(counts.car_views).toBe(500);
    expect(summary.configInserted).toBe(0);
    expect((await db(main).query<{ id: string }>('SELECT id FROM users ORDER BY id')).rows.map((r) => r.id)).toEqual(userIds);
    expect(Number((await one<{ n: string }>(main, `SELECT count(*) AS n FROM activity_logs WHERE action = 'test.marker'`)).n)).toBe(1);
    expect((await one<{ value: unknown }>(main, `SELECT value FROM system_config WHERE key = 'session.idleHours'`)).value).toBe(12);
    // car_stats was emptied with the views it counted, then counted the new ones.
    expect(Number((await one<{ v: string }>(main, 'SELECT coalesce(sum(views), 0) AS v FROM car_stats')).v)).toBe(500);
    // Bigserial ids restart, so the data stays reproducible after a reset.
    expect(Number((await one<{ id: string }>(main, 'SELECT min(id) AS id FROM car_views')).id)).toBe(1);
  });
});

describe('seed helpers', () => {
  test('COPY text escaping', async () => {
    expect(escapeCopyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(escapeCopyText('plain ääkköset €')).toBe('plain ääkköset €');
    expect(encodeCopyValue(null)).toBe('\\N');
    expect(encodeCopyValue('\\N')).toBe('\\\\N');
    expect(encodeCopyValue(true)).toBe('t');
    expect(encodeCopyValue(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(() => encodeCopyValue('nul\u0000')).toThrow(/NUL/);
    expect(() => encodeCopyValue(Number.NaN)).toThrow();
    expect(encodeCopyRow(['a', 'b'] as const, { a: 'x\ty', b: null })).toBe('x\\ty\t\\N\n');

    // And the round trip through a real COPY, split over several statements.
    const client = await db(spare).connect();
    try {
      await client.query('CREATE TEMP TABLE copy_check (n int, t text)');
      const tricky = ['tab\there', 'line\nbreak', 'back\\slash', '\\N', '\\.', 'crlf\r\n', '', 'Ääkköset ja €'];
      const table = defineTable('copy_check', ['n', 't']);
      const written = await copyRows(client, table, tricky.map((t, n) => ({ n, t })), { rowsPerStatement: 3, chunkChars: 8 });
      expect(written).toBe(tricky.length);
      const { rows } = await client.query<{ t: string }>('SELECT t FROM copy_check ORDER BY n');
      expect(rows.map((r) => r.t)).toEqual(tricky);
    } finally {
      client.release();
    }
  });

  test('slugs are the app’s', () => {
    expect(slugify('Škoda Octavia Combi 2.0 TDI L&K 2021')).toBe('skoda-octavia-combi-2-0-tdi-l-k-2021');
    expect(slugify('Mercedes-Benz C 300 e Coupé')).toBe('mercedes-benz-c-300-e-coupe');
    expect(slugify('Hyvä Väri Åland Öljy')).toBe('hyva-vari-aland-oljy');
  });

  test('clears only the app’s cache families from Redis', async () => {
    const prefix = `seedtest:${run}:`;
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      await redis.set(`${prefix}cars:list:a=1`, 'x');
      await redis.set(`${prefix}car:abc`, 'x');
      await redis.set(`${prefix}contacts:NEW`, 'x');
      await redis.set(`${prefix}session:keep`, 'x');
      expect(await flushAppCache(REDIS_URL, prefix)).toBe(3);
      expect(await redis.exists(`${prefix}cars:list:a=1`, `${prefix}car:abc`, `${prefix}contacts:NEW`)).toBe(0);
      expect(await redis.get(`${prefix}session:keep`)).toBe('x');
      expect(await flushAppCache('redis://127.0.0.1:1')).toBeNull();
    } finally {
      await redis.del(`${prefix}session:keep`);
      redis.disconnect();
    }
  });
});
