// The database's enums as value lists for zod and the renderer. Taken from the generated
// Prisma enums (plain constants, no runtime), so schema.prisma stays the one source.
import { CarCategory, CarStatus, DriveType, FuelType, LeadPriority, LeadSource, LeadStatus, ContactActivityType, SubscriberStatus, Transmission } from '../db/generated/enums';

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];

export const CAR_STATUSES = values(CarStatus);
export const FUEL_TYPES = values(FuelType);
export const TRANSMISSIONS = values(Transmission);
export const CAR_CATEGORIES = values(CarCategory);
export const DRIVE_TYPES = values(DriveType);
export const LEAD_STATUSES = values(LeadStatus);
export const LEAD_PRIORITIES = values(LeadPriority);
export const LEAD_SOURCES = values(LeadSource);
export const CONTACT_ACTIVITY_TYPES = values(ContactActivityType);
export const SUBSCRIBER_STATUSES = values(SubscriberStatus);

export type { CarCategory, CarStatus, DriveType, FuelType, LeadPriority, LeadSource, LeadStatus, ContactActivityType, SubscriberStatus, Transmission };

/** Status moves a car may make; anything else is refused. */
export const CAR_STATUS_MOVES: Record<CarStatus, readonly CarStatus[]> = {
  INCOMING: ['AVAILABLE', 'ARCHIVED'],
  AVAILABLE: ['RESERVED', 'SOLD', 'ARCHIVED', 'INCOMING'],
  RESERVED: ['AVAILABLE', 'SOLD'],
  SOLD: ['AVAILABLE', 'ARCHIVED'],
  ARCHIVED: ['AVAILABLE'],
};

/** Status moves a lead may make on the board; anything else is refused. */
export const LEAD_STATUS_MOVES: Record<LeadStatus, readonly LeadStatus[]> = {
  NEW: ['CONTACTED', 'QUALIFIED', 'LOST', 'SPAM', 'ARCHIVED'],
  CONTACTED: ['QUALIFIED', 'NEGOTIATION', 'LOST', 'ARCHIVED'],
  QUALIFIED: ['NEGOTIATION', 'WON', 'LOST', 'CONTACTED'],
  NEGOTIATION: ['WON', 'LOST', 'QUALIFIED'],
  WON: ['ARCHIVED'],
  LOST: ['CONTACTED', 'ARCHIVED'],
  SPAM: ['NEW', 'ARCHIVED'],
  ARCHIVED: ['NEW'],
};

/** Statuses of a lead still being worked (duplicates are looked for among these). */
export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATION'];
