// Inputs of the leads (CRM) and newsletter channels.
import { z } from 'zod';
import { CONTACT_ACTIVITY_TYPES, LEAD_PRIORITIES, LEAD_SOURCES, LEAD_STATUSES, SUBSCRIBER_STATUSES } from '../enums';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id.');
const isoDate = z.iso.datetime({ offset: true });
const version = z.number().int().min(1);

export const leadSortKeys = ['score', 'createdAt', 'nextContactAt'] as const;

export const leadFiltersShape = {
  status: z.array(z.enum(LEAD_STATUSES)).max(8).optional(),
  /** A user id, or "me" / "unassigned" for the two standard views. */
  assignee: z.union([id, z.literal('me'), z.literal('unassigned')]).optional(),
  carId: id.optional(),
  source: z.array(z.enum(LEAD_SOURCES)).max(7).optional(),
  priority: z.array(z.enum(LEAD_PRIORITIES)).max(3).optional(),
  scoreMin: z.number().int().min(0).max(100).optional(),
  scoreMax: z.number().int().min(0).max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Name, email or phone, partial. */
  q: z.string().trim().max(120).optional(),
  /** Follow-ups: due today (and overdue), or overdue only. */
  due: z.enum(['today', 'overdue']).optional(),
};
export const leadFilters = z.strictObject(leadFiltersShape);
export type LeadFilters = z.output<typeof leadFilters>;

export const leadsListInput = z.strictObject({
  ...leadFiltersShape,
  sort: z.enum(leadSortKeys).default('score'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type LeadsListInput = z.output<typeof leadsListInput>;

const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[\d\s()-]{5,}$/, 'Enter a phone number, e.g. +358 40 123 4567.')
  .nullish()
  .or(z.literal('').transform(() => null));

export const leadCreateInput = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name.').max(120),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Enter a valid email address.' })),
  phone,
  subject: z.string().trim().max(200).nullish(),
  message: z.string().trim().min(1, 'Write what the customer asked.').max(5000),
  carId: id.nullish(),
  source: z.enum(LEAD_SOURCES).default('PHONE'),
});

export const leadStatusInput = z
  .strictObject({ id, version, status: z.enum(LEAD_STATUSES), lostReason: z.string().trim().max(300).optional() })
  .refine((v) => v.status !== 'LOST' || (v.lostReason ?? '').length > 0, { message: 'Say why the lead was lost.', path: ['lostReason'] });

export const leadAssignInput = z.strictObject({ id, version, userId: id.nullable() });
export const leadNoteInput = z.strictObject({ leadId: id, content: z.string().trim().min(1, 'Write the note.').max(5000) });
export const leadNoteEditInput = z.strictObject({ noteId: id, content: z.string().trim().min(1, 'Write the note.').max(5000) });
export const leadActivityInput = z.strictObject({
  leadId: id,
  type: z.enum(CONTACT_ACTIVITY_TYPES).refine((t) => !['STATUS_CHANGE', 'ASSIGNMENT', 'MERGE'].includes(t), 'These are recorded by the app itself.'),
  description: z.string().trim().min(1, 'Describe what happened.').max(2000),
  occurredAt: isoDate.optional(),
});
export const leadFollowUpInput = z.strictObject({ id, version, nextContactAt: isoDate.nullable() });
export const leadMergeInput = z
  .strictObject({ sourceId: id, targetId: id })
  .refine((v) => v.sourceId !== v.targetId, { message: 'A lead cannot be merged into itself.', path: ['targetId'] });
export const leadBulkInput = z.strictObject({
  ids: z.array(id).min(1, 'Select at least one lead.').max(1000),
  action: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('assign'), userId: id.nullable() }),
    z.strictObject({ type: z.literal('status'), status: z.enum(LEAD_STATUSES) }),
  ]),
});
export const leadEraseInput = z
  .strictObject({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional(),
    phone: z.string().trim().max(40).optional(),
    reason: z.string().trim().min(3, 'Give the reason (e.g. the request reference).').max(300),
  })
  .refine((v) => v.email || v.phone, { message: 'Give the email or the phone number to erase.', path: ['email'] });
export const leadExportInput = z.strictObject(leadFiltersShape);

export const subscribersListInput = z.strictObject({
  status: z.array(z.enum(SUBSCRIBER_STATUSES)).max(4).optional(),
  q: z.string().trim().max(120).optional(),
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const subscriberIdInput = z.strictObject({ id });
export const subscribersExportInput = z.strictObject({ status: z.array(z.enum(SUBSCRIBER_STATUSES)).max(4).optional(), q: z.string().trim().max(120).optional() });
