// The life of one lead, decided up front: when it came in, from where, what the customer
// wanted and what the sales team did with it (the score is the app's own, from the text). Pure in (seed, index), so the
// notes and activities passes rebuild the same plan instead of keeping 500 000 of them.
import type { CarPicker } from './car-picker';
import type { SeedContext, StaffMember } from './context';
import { LEAD_SOURCES, type ActivityType, type LeadSource, type LeadStatus } from './enums';
import { Rng, STREAM, WeightedTable, seededId } from './random';
import { DAY_MS, HOUR_MS, MINUTE_MS, helsinkiClock, helsinkiMidnight } from './time';

export interface Intents {
  testDrive: boolean;
  financing: boolean;
  tradeIn: boolean;
  spam: boolean;
  /** Writes a longer message with details. */
  detailed: boolean;
}

export interface LeadEvent {
  type: ActivityType;
  at: number;
  /** Who did it; null for the system (automatic assignment). */
  user: StaffMember | null;
  from?: LeadStatus;
  to?: LeadStatus;
  /** For NOTE events: which of the lead's notes. */
  note?: number;
}

export interface LeadPlan {
  index: number;
  id: string;
  createdAt: number;
  source: LeadSource;
  status: LeadStatus;
  english: boolean;
  intents: Intents;
  carIndex: number | null;
  hasPhone: boolean;
  fromForm: boolean;
  /** When the app's intake scored (and maybe assigned) the lead: seconds after it arrived. */
  processedAt: number;
  assignee: StaffMember | null;
  events: LeadEvent[];
  noteCount: number;
  firstContactedAt: number | null;
  closedAt: number | null;
  nextContactAt: number | null;
  updatedAt: number;
  lostReason: number | null;
  duplicateOf: number | null;
  anonymizedAt: number | null;
}

const SOURCE_WEIGHTS: Readonly<Record<LeadSource, number>> = {
  WEBSITE: 45,
  MARKETPLACE: 18,
  PHONE: 12,
  EMAIL: 10,
  WALK_IN: 7,
  REFERRAL: 5,
  OTHER: 3,
};
const allSources = new WeightedTable(LEAD_SOURCES, LEAD_SOURCES.map((s) => SOURCE_WEIGHTS[s]));
// Out of opening hours nobody walks in or gets a call answered.
const OFF_HOURS_SOURCES: readonly LeadSource[] = ['WEBSITE', 'MARKETPLACE', 'EMAIL', 'OTHER'];
const offHoursSources = new WeightedTable(OFF_HOURS_SOURCES, OFF_HOURS_SOURCES.map((s) => SOURCE_WEIGHTS[s]));

const CAR_SHARE: Readonly<Record<LeadSource, number>> = { WEBSITE: 0.8, MARKETPLACE: 0.9, PHONE: 0.5, EMAIL: 0.5, WALK_IN: 0.4, REFERRAL: 0.3, OTHER: 0.2 };
const PHONE_SHARE: Readonly<Record<LeadSource, number>> = { WEBSITE: 0.7, MARKETPLACE: 0.6, PHONE: 1, EMAIL: 0.4, WALK_IN: 0.9, REFERRAL: 0.8, OTHER: 0.5 };

/** Where leads of a given age have got to; fresh ones are mostly untouched, old ones closed. */
const STATUS_BY_AGE: readonly { maxDays: number; table: WeightedTable<LeadStatus> }[] = [
  { maxDays: 1, table: WeightedTable.of<LeadStatus>([['NEW', 70], ['CONTACTED', 20], ['QUALIFIED', 2], ['SPAM', 6], ['ARCHIVED', 2]]) },
  { maxDays: 7, table: WeightedTable.of<LeadStatus>([['NEW', 25], ['CONTACTED', 35], ['QUALIFIED', 15], ['NEGOTIATION', 6], ['WON', 3], ['LOST', 4], ['SPAM', 7], ['ARCHIVED', 5]]) },
  { maxDays: 30, table: WeightedTable.of<LeadStatus>([['NEW', 5], ['CONTACTED', 20], ['QUALIFIED', 17], ['NEGOTIATION', 12], ['WON', 14], ['LOST', 15], ['SPAM', 7], ['ARCHIVED', 10]]) },
  { maxDays: Infinity, table: WeightedTable.of<LeadStatus>([['NEW', 1], ['CONTACTED', 5], ['QUALIFIED', 5], ['NEGOTIATION', 3], ['WON', 25], ['LOST', 30], ['SPAM', 8], ['ARCHIVED', 23]]) },
];

const statusTableFor = (ageDays: number): WeightedTable<LeadStatus> =>
  (STATUS_BY_AGE.find((b) => ageDays < b.maxDays) ?? (STATUS_BY_AGE[STATUS_BY_AGE.length - 1] as (typeof STATUS_BY_AGE)[number])).table;

/** Statuses in the order leads usually reach them over time (oldest first). */
const STATUSES_BY_AGE: readonly LeadStatus[] = ['ARCHIVED', 'LOST', 'WON', 'NEGOTIATION', 'SPAM', 'QUALIFIED', 'CONTACTED', 'NEW'];

interface Forced {
  status?: LeadStatus;
  source?: LeadSource;
}

let forcedCache: { n: number; byIndex: Map<number, Forced> } | null = null;

/**
 * Evenly spread leads get a fixed status and source, so every value shows up even in a
 * small run. A source never lands on a status's lead (SPAM by phone would be a contradiction).
 */
function forcedFor(i: number, n: number): Forced {
  if (forcedCache?.n !== n) {
    const byIndex = new Map<number, Forced>();
    STATUSES_BY_AGE.forEach((status, k) => byIndex.set(Math.floor(((k + 0.5) * n) / STATUSES_BY_AGE.length), { status }));
    LEAD_SOURCES.forEach((source, k) => {
      let at = Math.floor(((k + 0.25) * n) / LEAD_SOURCES.length);
      while (byIndex.has(at) && at + 1 < n) at++;
      byIndex.set(at, { ...byIndex.get(at), source });
    });
    forcedCache = { n, byIndex };
  }
  return forcedCache.byIndex.get(i) ?? {};
}

export const LOST_REASONS = [
  'Osti auton muualta',
  'Rahoitus ei järjestynyt',
  'Hinta liian korkea',
  'Ei vastannut yhteydenottoihin',
  'Auto myytiin toiselle asiakkaalle',
  'Päätti pitää nykyisen autonsa',
  'Vaihtoauton hyvityksestä ei päästy sopuun',
] as const;

/** Showroom hours by weekday (0 = Sunday): [opens, closes) in Helsinki hours; null = closed. */
const OPENING: readonly (readonly [number, number] | null)[] = [null, [9, 18], [9, 18], [9, 18], [9, 18], [9, 18], [10, 15]];

function inOpeningHours(ms: number): boolean {
  const { weekday, hour } = helsinkiClock(ms);
  const open = OPENING[weekday];
  return open != null && hour >= open[0] && hour < open[1];
}

/** The next moment the showroom opens (or ms itself when it is open): staff work then. */
function nextOpeningHour(ms: number): number {
  let day = helsinkiMidnight(ms);
  for (let k = 0; k < 8; k++) {
    const open = OPENING[helsinkiClock(day + 12 * HOUR_MS).weekday];
    if (open) {
      const opens = day + open[0] * HOUR_MS;
      const closes = day + open[1] * HOUR_MS;
      if (ms < opens) return opens;
      if (ms < closes) return ms;
    }
    day = helsinkiMidnight(day + 36 * HOUR_MS);
  }
  return ms;
}

/**
 * An instant at or before ms when the showroom was open (for calls and walk-ins): the
 * same day's hours if it was open earlier that day, else the last open day's, at the same
 * relative position so the leads stay spread over the day.
 */
function intoOpeningHours(ms: number): number {
  const today = helsinkiMidnight(ms);
  const fraction = (ms - today) / DAY_MS;
  let day = today;
  for (let k = 0; k < 8; k++) {
    const open = OPENING[helsinkiClock(day + 12 * HOUR_MS).weekday];
    if (open) {
      const opens = day + open[0] * HOUR_MS;
      const closes = day + open[1] * HOUR_MS;
      if (day === today && ms >= opens && ms < closes) return ms;
      if (day !== today || ms >= closes) return Math.floor(opens + fraction * (closes - opens));
    }
    day = helsinkiMidnight(day - 12 * HOUR_MS);
  }
  return ms;
}

function ladder(rng: Rng, status: LeadStatus, duplicate: boolean): LeadStatus[] {
  switch (status) {
    case 'NEW':
      return [];
    case 'CONTACTED':
      return ['CONTACTED'];
    case 'QUALIFIED':
      return ['CONTACTED', 'QUALIFIED'];
    case 'NEGOTIATION':
      return ['CONTACTED', 'QUALIFIED', 'NEGOTIATION'];
    case 'WON':
      return rng.chance(0.3) ? ['CONTACTED', 'QUALIFIED', 'WON'] : ['CONTACTED', 'QUALIFIED', 'NEGOTIATION', 'WON'];
    case 'LOST':
      return [...(['CONTACTED', 'QUALIFIED', 'NEGOTIATION'] as const).slice(0, rng.int(1, 3)), 'LOST'];
    case 'SPAM':
      return ['SPAM'];
    default:
      return duplicate ? ['ARCHIVED'] : [...(rng.chance(0.6) ? (['CONTACTED'] as const) : []), 'ARCHIVED'];
  }
}

/** The sales team's actions on one lead, in order; staff work waits for opening hours. */
class Timeline {
  readonly events: LeadEvent[] = [];
  private status: LeadStatus = 'NEW';

  constructor(
    private readonly rng: Rng,
    public now: number,
    private readonly actor: StaffMember,
  ) {}

  /** Time passes; staff actions (unlike the system's) wait for opening hours. */
  step(median: number, sigma: number, byStaff = true): number {
    this.now += Math.max(MINUTE_MS, this.rng.logNormal(median, sigma));
    // Work that waited overnight is picked up over the morning, not all at opening time.
    if (byStaff && !inOpeningHours(this.now)) this.now = nextOpeningHour(this.now) + this.rng.float() * 3 * HOUR_MS;
    return this.now;
  }

  jumpTo(at: number): number {
    this.now = at;
    return at;
  }

  push(type: ActivityType, at: number, user: StaffMember | null = this.actor): void {
    this.events.push({ type, at, user });
  }

  changeStatus(to: LeadStatus): void {
    this.events.push({ type: 'STATUS_CHANGE', at: this.step(2 * MINUTE_MS, 0.5, false), user: this.actor, from: this.status, to });
    this.status = to;
  }
}

export function planLead(ctx: SeedContext, cars: CarPicker, i: number, n: number): LeadPlan {
  const rng = Rng.for(ctx.seed, STREAM.lead, i);
  const now = ctx.nowMs;
  const forced = forcedFor(i, n);
  // Stratified draws: lead i sits at quantile (i + u) / n, so leads come out in time order.
  let createdAt = ctx.webYear.quantile((i + rng.float()) / n);

  let source = forced.source ?? (inOpeningHours(createdAt) ? allSources : offHoursSources).draw(rng);
  if (source === 'PHONE' || source === 'WALK_IN') createdAt = intoOpeningHours(createdAt);
  const ageDays = (now - createdAt) / DAY_MS;

  const duplicate = forced.status === undefined && i > 0 && rng.chance(0.03);
  const duplicateOf = duplicate ? i - rng.int(1, Math.min(20, i)) : null;
  let status: LeadStatus =
    forced.status ?? (duplicate ? 'ARCHIVED' : statusTableFor(ageDays).draw(rng));
  if (status === 'SPAM' && source !== 'WEBSITE' && source !== 'EMAIL') {
    if (forced.source) status = 'ARCHIVED';
    else source = 'WEBSITE';
  }

  const spam = status === 'SPAM';
  const fromForm = source === 'WEBSITE';
  const english = fromForm || source === 'EMAIL' || source === 'MARKETPLACE' ? rng.chance(spam ? 0.6 : 0.15) : rng.chance(0.03);
  const intents: Intents = {
    testDrive: !spam && rng.chance(0.45),
    financing: !spam && rng.chance(0.3),
    tradeIn: !spam && rng.chance(0.3),
    spam,
    detailed: !spam && rng.chance(0.3),
  };
  const carIndex = spam || !rng.chance(CAR_SHARE[source]) ? null : cars.pick(rng, createdAt);
  const hasPhone = rng.chance(spam ? 0.1 : PHONE_SHARE[source]);

  const processedAt = createdAt + rng.int(2_000, 40_000);

  const assignee = status === 'NEW' ? (rng.chance(0.25) ? rng.pick(ctx.sales) : null) : spam && rng.chance(0.5) ? null : rng.pick(ctx.sales);
  const manager = ctx.editors.find((s) => s.role === 'SUPER_ADMIN') ?? null;
  const actor = assignee ?? rng.pick(ctx.editors);

  // Raw timeline first; it is squeezed into [createdAt, now) afterwards if it runs past now.
  const tl = new Timeline(rng, createdAt, actor);
  if (assignee) {
    // Round-robin assigns during intake; a manager assigns by hand later in the day.
    if (rng.chance(0.5)) tl.push('ASSIGNMENT', tl.jumpTo(processedAt), null);
    else tl.push('ASSIGNMENT', tl.step(45 * MINUTE_MS, 1), manager);
  }
  for (const to of ladder(rng, status, duplicate)) {
    switch (to) {
      case 'CONTACTED':
        tl.push(hasPhone && rng.chance(0.7) ? 'CALL' : 'EMAIL', tl.step(3 * HOUR_MS, 1));
        break;
      case 'QUALIFIED':
        tl.push(hasPhone ? 'CALL' : 'EMAIL', tl.step(1.5 * DAY_MS, 0.8));
        if (intents.testDrive && carIndex !== null) tl.push('TEST_DRIVE', tl.step(2 * DAY_MS, 0.6));
        break;
      case 'NEGOTIATION':
        tl.push('MEETING', tl.step(2 * DAY_MS, 0.7));
        tl.push('EMAIL', tl.step(4 * HOUR_MS, 1));
        break;
      case 'WON':
        tl.push('MEETING', tl.step(2 * DAY_MS, 0.8));
        break;
      case 'LOST':
        tl.push(hasPhone ? 'CALL' : 'EMAIL', tl.step(5 * DAY_MS, 0.7));
        break;
      case 'ARCHIVED':
        if (duplicate) tl.push('MERGE', tl.step(HOUR_MS, 1));
        else tl.step(20 * DAY_MS, 0.5);
        break;
      default:
        tl.step(2 * HOUR_MS, 1);
    }
    tl.changeStatus(to);
  }
  const events = tl.events;
  const t = tl.now;

  const noteCount = status === 'NEW' ? (rng.chance(0.1) ? 1 : 0) : spam ? 0 : rng.int(0, 3);
  // Notes are written once someone works on the lead, between the first and last action.
  const firstAction = events.find((e) => e.user !== null)?.at ?? createdAt;
  const lastAction = Math.max(t, firstAction + HOUR_MS);
  for (let k = 0; k < noteCount; k++) {
    events.push({ type: 'NOTE', at: firstAction + rng.float() * (lastAction - firstAction), user: actor, note: k });
  }
  events.sort((a, b) => a.at - b.at);

  const limit = now - MINUTE_MS;
  const last = events.length > 0 ? (events[events.length - 1] as LeadEvent).at : createdAt;
  if (last > limit) {
    const scale = Math.max(0, limit - createdAt) / (last - createdAt);
    for (const e of events) e.at = createdAt + (e.at - createdAt) * scale;
  }
  for (const e of events) e.at = Math.floor(e.at);

  const closing = status === 'WON' || status === 'LOST' || status === 'SPAM' || status === 'ARCHIVED';
  const closedAt = closing ? (events.filter((e) => e.type === 'STATUS_CHANGE').pop()?.at ?? null) : null;
  const firstContactedAt = events.find((e) => e.type === 'CALL' || e.type === 'EMAIL')?.at ?? null;
  const lastEventAt = events.length > 0 ? Math.max(...events.map((e) => e.at)) : createdAt;
  const open = status === 'CONTACTED' || status === 'QUALIFIED' || status === 'NEGOTIATION';
  const nextContactAt = open
    ? rng.chance(0.8)
      ? lastEventAt + Math.floor(rng.range(1, 10) * DAY_MS)
      : null
    : status === 'NEW' && rng.chance(0.2)
      ? createdAt + Math.floor(rng.range(0.5, 2) * DAY_MS)
      : null;
  const anonymizedAt =
    (status === 'ARCHIVED' || status === 'LOST') && ageDays > 300 && rng.chance(0.25)
      ? Math.floor(createdAt + rng.range(300, ageDays) * DAY_MS)
      : null;

  return {
    index: i,
    id: leadId(ctx, i),
    createdAt,
    source,
    status,
    english,
    intents,
    carIndex,
    hasPhone,
    fromForm,
    processedAt,
    assignee,
    events,
    noteCount,
    firstContactedAt,
    closedAt,
    nextContactAt,
    updatedAt: Math.max(lastEventAt, anonymizedAt ?? 0),
    lostReason: status === 'LOST' ? rng.int(0, LOST_REASONS.length - 1) : null,
    duplicateOf,
    anonymizedAt,
  };
}

export function leadId(ctx: SeedContext, i: number): string {
  return seededId(ctx.seed, STREAM.lead, i);
}

/** Room in the id space per lead: a lead has at most a handful of notes and a few dozen events. */
export const NOTES_PER_LEAD = 8;
export const EVENTS_PER_LEAD = 32;

export function noteId(ctx: SeedContext, lead: number, note: number): string {
  return seededId(ctx.seed, STREAM.leadNote, lead * NOTES_PER_LEAD + note);
}

export function activityId(ctx: SeedContext, lead: number, event: number): string {
  return seededId(ctx.seed, STREAM.activity, lead * EVENTS_PER_LEAD + event);
}
