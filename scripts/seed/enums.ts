// The database's enum values (prisma/schema.prisma). Kept here rather than imported from
// the generated Prisma client so the seeder runs before `prisma generate`; the seed test
// compares them with pg_enum.

export const USER_ROLES = ['SUPER_ADMIN', 'ADMIN', 'VIEWER'] as const;
export const CAR_STATUSES = ['INCOMING', 'AVAILABLE', 'RESERVED', 'SOLD', 'ARCHIVED'] as const;
export const FUEL_TYPES = ['PETROL', 'DIESEL', 'HYBRID', 'PLUGIN_HYBRID', 'ELECTRIC', 'GAS', 'OTHER'] as const;
export const TRANSMISSIONS = ['MANUAL', 'AUTOMATIC'] as const;
export const CAR_CATEGORIES = ['SEDAN', 'HATCHBACK', 'ESTATE', 'SUV', 'COUPE', 'CONVERTIBLE', 'MPV', 'VAN', 'PICKUP'] as const;
export const DRIVE_TYPES = ['FWD', 'RWD', 'AWD'] as const;
export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATION', 'WON', 'LOST', 'SPAM', 'ARCHIVED'] as const;
export const LEAD_PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export const LEAD_SOURCES = ['WEBSITE', 'PHONE', 'EMAIL', 'WALK_IN', 'MARKETPLACE', 'REFERRAL', 'OTHER'] as const;
export const ACTIVITY_TYPES = ['EMAIL', 'CALL', 'MEETING', 'TEST_DRIVE', 'NOTE', 'STATUS_CHANGE', 'ASSIGNMENT', 'MERGE', 'OTHER'] as const;
export const SUBSCRIBER_STATUSES = ['PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'BOUNCED'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type CarStatus = (typeof CAR_STATUSES)[number];
export type FuelType = (typeof FUEL_TYPES)[number];
export type Transmission = (typeof TRANSMISSIONS)[number];
export type CarCategory = (typeof CAR_CATEGORIES)[number];
export type DriveType = (typeof DRIVE_TYPES)[number];
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export type LeadPriority = (typeof LEAD_PRIORITIES)[number];
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/** Postgres enum type name → the values the seeder writes, for the schema check in tests. */
export const DB_ENUMS: Readonly<Record<string, readonly string[]>> = {
  UserRole: USER_ROLES,
  CarStatus: CAR_STATUSES,
  FuelType: FUEL_TYPES,
  Transmission: TRANSMISSIONS,
  CarCategory: CAR_CATEGORIES,
  DriveType: DRIVE_TYPES,
  LeadStatus: LEAD_STATUSES,
  LeadPriority: LEAD_PRIORITIES,
  LeadSource: LEAD_SOURCES,
  ContactActivityType: ACTIVITY_TYPES,
  SubscriberStatus: SUBSCRIBER_STATUSES,
};
