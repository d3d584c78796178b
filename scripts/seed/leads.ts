// Leads and their history: contact_submissions, contact_notes and contact_activities.
// Each pass replans lead i from its own seed (see lead-plan.ts); only the identity pass
// keeps a little state, so a duplicate lead can reuse the person of the lead it repeats.
import type { CarIndex } from './cars';
import { carId } from './cars';
import type { SeedContext } from './context';
import { defineTable, type RowOf } from './copy-loader';
import { CarPicker } from './car-picker';
import { EVENTS_PER_LEAD, LOST_REASONS, activityId, leadId, noteId, planLead, type LeadPlan } from './lead-plan';
import { activityText, leadMessage, noteText } from './lead-text';
import { PeopleFactory, userAgent, visitorIp, type Person } from './people';
import { Rng, STREAM } from './random';
import { scoreLead } from '../../electron/core/services/leads/scoring';

export const contactSubmissionsTable = defineTable('contact_submissions', [
  'id', 'name', 'email', 'phone', 'subject', 'message', 'car_id', 'source', 'status', 'lead_score', 'priority',
  'score_reasons', 'ip_address', 'user_agent', 'assigned_to_id', 'next_contact_at', 'first_contacted_at', 'closed_at',
  'lost_reason', 'duplicate_of_id', 'anonymized_at', 'processed_at', 'created_at', 'updated_at', 'version',
]);
export const contactNotesTable = defineTable('contact_notes', ['id', 'contact_id', 'user_id', 'content', 'created_at', 'updated_at']);
export const contactActivitiesTable = defineTable('contact_activities', ['id', 'contact_id', 'user_id', 'type', 'description', 'metadata', 'created_at']);

const at = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

function carRef(ctx: SeedContext, cars: CarIndex, plan: LeadPlan): { id: string; name: string } | null {
  return plan.carIndex === null ? null : { id: carId(ctx, plan.carIndex), name: cars.shortName(plan.carIndex) };
}

export function* contactSubmissionRows(ctx: SeedContext, cars: CarIndex, count: number): Generator<RowOf<typeof contactSubmissionsTable>> {
  const picker = new CarPicker(cars);
  const people = new PeopleFactory(ctx.seed, STREAM.leadIdentity);
  // The last few people, so a duplicate can be the same customer writing again.
  const recent: Person[] = [];
  for (let i = 0; i < count; i++) {
    const plan = planLead(ctx, picker, i, count);
    const rng = Rng.for(ctx.seed, STREAM.leadIdentity, i);
    const fresh = people.person(rng, plan.english);
    const original = plan.duplicateOf !== null ? recent[plan.duplicateOf % 32] : undefined;
    const person = original ?? fresh;
    recent[i % 32] = person;

    const car = carRef(ctx, cars, plan);
    const text = leadMessage(rng, plan, car?.name ?? null, person);
    const phone = plan.hasPhone ? person.phone : null;
    // Scored by the app's own rules, as its intake did when the lead arrived.
    const scored = scoreLead(
      {
        carId: car?.id ?? null,
        phone,
        message: text.message,
        subject: text.subject,
        source: plan.source,
        createdAt: new Date(plan.createdAt),
        earlierContacts: original ? 1 : 0,
      },
      new Date(plan.processedAt),
    );
    const anonymized = plan.anonymizedAt !== null;
    yield {
      id: plan.id,
      name: anonymized ? 'Anonymisoitu asiakas' : person.name,
      email: anonymized ? `anonymisoitu+${plan.id}@invalid.invalid` : person.email,
      phone: anonymized ? null : phone,
      subject: text.subject,
      message: anonymized ? '[poistettu tietosuojasyistä]' : text.message,
      car_id: car?.id ?? null,
      source: plan.source,
      status: plan.status,
      lead_score: scored.score,
      priority: scored.priority,
      score_reasons: JSON.stringify(scored.reasons),
      ip_address: plan.fromForm && !anonymized ? visitorIp(rng) : null,
      user_agent: plan.fromForm && !anonymized ? userAgent(rng) : null,
      assigned_to_id: plan.assignee?.id ?? null,
      next_contact_at: at(plan.nextContactAt),
      first_contacted_at: at(plan.firstContactedAt),
      closed_at: at(plan.closedAt),
      lost_reason: plan.lostReason === null ? null : (LOST_REASONS[plan.lostReason] ?? null),
      duplicate_of_id: plan.duplicateOf === null ? null : leadId(ctx, plan.duplicateOf),
      anonymized_at: at(plan.anonymizedAt),
      // History, not news: the app's intake must not score, flag or assign these again.
      processed_at: new Date(plan.processedAt),
      created_at: new Date(plan.createdAt),
      updated_at: new Date(plan.updatedAt),
      version: 1,
    };
  }
}

export function* contactNoteRows(ctx: SeedContext, cars: CarIndex, count: number): Generator<RowOf<typeof contactNotesTable>> {
  const picker = new CarPicker(cars);
  for (let i = 0; i < count; i++) {
    const plan = planLead(ctx, picker, i, count);
    if (plan.noteCount === 0) continue;
    const rng = Rng.for(ctx.seed, STREAM.leadNote, i);
    for (const e of plan.events) {
      if (e.type !== 'NOTE' || e.note === undefined) continue;
      yield {
        id: noteId(ctx, i, e.note),
        contact_id: plan.id,
        user_id: e.user?.id ?? null,
        content: noteText(rng, plan),
        created_at: new Date(e.at),
        updated_at: new Date(e.at),
      };
    }
  }
}

export function* contactActivityRows(ctx: SeedContext, cars: CarIndex, count: number): Generator<RowOf<typeof contactActivitiesTable>> {
  const picker = new CarPicker(cars);
  for (let i = 0; i < count; i++) {
    const plan = planLead(ctx, picker, i, count);
    const rng = Rng.for(ctx.seed, STREAM.activity, i);
    const car = carRef(ctx, cars, plan);
    const events = plan.events.slice(0, EVENTS_PER_LEAD);
    for (const [k, e] of events.entries()) {
      const text = activityText(rng, ctx, plan, e, car);
      yield {
        id: activityId(ctx, i, k),
        contact_id: plan.id,
        user_id: e.user?.id ?? null,
        type: e.type,
        description: text.description,
        metadata: text.metadata === null ? null : JSON.stringify(text.metadata),
        created_at: new Date(e.at),
      };
    }
  }
}
