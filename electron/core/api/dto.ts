// Plain data that crosses the IPC/HTTP boundary. No classes, no Decimal, no Date:
// timestamps are ISO strings and money is a number of euros.

export const ROLES = ['VIEWER', 'ADMIN', 'SUPER_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface UserDto {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface SessionDto {
  user: UserDto;
  expiresAt: string;
  remembered: boolean;
}

export interface SetupStateDto {
  /** True while no user exists: the first start shows the setup screen. */
  needsSetup: boolean;
  /** False when the OS keychain cannot be used ("keep me signed in" is then unavailable). */
  keychainAvailable: boolean;
}

export interface StatusDto {
  database: {
    kind: 'embedded' | 'server';
    host: string;
    name: string;
    up: boolean;
    roundTripMs: number | null;
    serverVersion: string | null;
  };
  cache: {
    configured: boolean;
    up: boolean;
    hits: number;
    misses: number;
    /** hits / (hits + misses), null before the first lookup. */
    hitRate: number | null;
  };
  schemaVersion: string | null;
  appVersion: string;
}

export interface AuditEntryDto {
  id: string;
  createdAt: string;
  userId: string | null;
  userEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  metadata: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of the next page, null on the last page. */
  nextCursor: string | null;
  total?: number;
}

export interface CsvFileDto {
  filename: string;
  mime: 'text/csv';
  content: string;
}
