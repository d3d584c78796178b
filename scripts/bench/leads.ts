// `npm run bench -- leads`: the inbox page (filter, sort by score, 50 rows) through the
// router on 500,000 leads, on a cache miss and a hit, beside the same SQL run bare through
// pg; the per-status counts on a miss; and the lead page.
import pg from 'pg';
import type { ChannelInput } from '../../electron/core/api/contract';
import { OPEN_LEAD_STATUSES } from '../../electron/core/api/enums';
import { leadsListInput } from '../../electron/core/api/schemas/leads';
import { patterns } from '../../electron/core/cache/keys';
import { buildLeadsQuery, countLeads } from '../../electron/core/services/leads/leads-query';
import { DEV_PASSWORDS, DEV_USERS } from '../seed/users';
import { BenchClient, benchCore } from './bench-core';
import { ensureDataset } from './dataset';
import { measure, summarize, withBaseline, type BenchResult } from './stats';

type InboxInput = ChannelInput<'leads.list'>;

/** Through the router beside bare SQL: DESIGN.md's fields, plus the bare p50 for the report. */
function compared(bench: string, samples: number[], bareSamples: number[], rows: number): BenchResult {
  return { ...withBaseline({ bench, ...summarize(samples), rows }, 'bare SQL', bareSamples), baseline_p50_ms: summarize(bareSamples).p50_ms };
}

export async function benchLeads(quick: boolean): Promise<BenchResult[]> {
  // Leads are what is measured; a few cars and views keep the data set quick to make.
  const size = quick ? { cars: 500, leads: 20_000, views: 2_000 } : { cars: 2_000, leads: 500_000, views: 10_000 };
  const url = await ensureDataset(quick ? 'kroi_bench_leads_quick' : 'kroi_bench_leads', size);
  const core = await benchCore(url);
  const bare = new pg.Pool({ connectionString: url, max: 8, options: '-c TimeZone=UTC' });
  const n = quick ? 120 : 600;
  const results: BenchResult[] = [];
  try {
    // A seeded salesperson, so "my leads" holds that person's real share of the data.
    const seller = DEV_USERS.find((u) => u.role === 'ADMIN' && u.isActive && !u.mustChangePassword)!;
    const admin = new BenchClient(core);
    await core.db.authAttempt.deleteMany({ where: { email: seller.email } });
    const me = (await admin.call('auth.signIn', { email: seller.email, password: DEV_PASSWORDS.ADMIN, remember: false })).user.id;

    // Email fragments people type: the part of a real address before the dot or the @.
    const { rows: emails } = await bare.query<{ email: string }>(
      "SELECT email FROM contact_submissions WHERE anonymized_at IS NULL ORDER BY id LIMIT 40",
    );
    const fragments = emails.map((r) => r.email.split(/[.@]/)[0]!.slice(0, 7)).filter((f) => f.length >= 4);

    /** What sales staff open the inbox on, each sorted by score like the board's default. */
    const PAGES: { name: string; input: (i: number) => InboxInput }[] = [
      { name: 'new', input: () => ({ status: ['NEW'], sort: 'score' }) },
      { name: 'mine-open', input: () => ({ status: [...OPEN_LEAD_STATUSES], assignee: 'me', sort: 'score' }) },
      { name: 'unassigned', input: () => ({ assignee: 'unassigned', sort: 'score' }) },
      { name: 'due-today', input: () => ({ due: 'today', sort: 'score' }) },
      { name: 'q-email', input: (i) => ({ q: fragments[i % fragments.length]!, sort: 'score' }) },
      { name: 'website-high', input: () => ({ source: ['WEBSITE'], priority: ['HIGH'], sort: 'score' }) },
    ];
    const page = (i: number) => PAGES[i % PAGES.length]!;
    const input = (i: number): InboxInput => ({ ...page(i).input(Math.floor(i / PAGES.length)), limit: 50 });
    const dropInbox = () => core.cache.delPattern(patterns.contacts);
    const bareInbox = async (i: number) => {
      const q = buildLeadsQuery(leadsListInput.parse(input(i)), me);
      await Promise.all([bare.query(q.sql, q.values), q.count ? bare.query(q.count.sql, q.count.values) : null]);
    };

    // Cache miss: the contacts:* keys are dropped before each call (untimed), so every call queries PostgreSQL.
    const miss = await measure(n, (i) => admin.call('leads.list', input(i)), { before: dropInbox });
    const bareSql = await measure(n, bareInbox);
    results.push(compared('leads.inbox.miss', miss, bareSql, size.leads));
    // Hits: every page is loaded once untimed first (the miss run's keys may have expired meanwhile).
    for (let i = 0; i < n; i++) await admin.call('leads.list', input(i));
    const hit = await measure(n, (i) => admin.call('leads.list', input(i)));
    results.push(compared('leads.inbox.hit', hit, bareSql, size.leads));
    // Which view costs what: the same samples, split by page.
    const pick = (samples: number[], k: number) => samples.filter((_, i) => i % PAGES.length === k);
    for (const [k, p] of PAGES.entries()) results.push(compared(`leads.inbox.miss.${p.name}`, pick(miss, k), pick(bareSql, k), size.leads));

    const filtersOf = (i: number): ChannelInput<'leads.counts'> => {
      const { sort: _s, dir: _d, limit: _l, cursor: _c, ...filters } = input(i);
      return filters;
    };
    const counts = await measure(n, (i) => admin.call('leads.counts', filtersOf(i)), { before: dropInbox });
    const bareCounts = await measure(n, (i) => countLeads(bare, filtersOf(i), me));
    results.push(compared('leads.counts.miss', counts, bareCounts, size.leads));
    for (const [k, p] of PAGES.entries()) results.push(compared(`leads.counts.miss.${p.name}`, pick(counts, k), pick(bareCounts, k), size.leads));

    // The lead page: the row, its notes, timeline and possible duplicates (not cached).
    const { rows: sample } = await bare.query<{ id: string }>(
      "SELECT id FROM contact_submissions WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATION') ORDER BY id LIMIT 200",
    );
    const leadId = (i: number) => sample[(i * 7) % sample.length]!.id;
    const get = await measure(n, (i) => admin.call('leads.get', { id: leadId(i) }));
    results.push({ bench: 'leads.get', ...summarize(get), rows: size.leads });
  } finally {
    await bare.end();
    await core.close();
  }
  return results;
}
