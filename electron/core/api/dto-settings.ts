// Settings → Connection, System configuration and Health as the renderer sees them.
// Plain data only; no password ever appears here, only whether one is saved.

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-full';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DatabaseTargetDto {
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: SslMode;
}

export interface RedisTargetDto {
  host: string;
  port: number;
  db: number;
  tls: boolean;
}

export interface ConnectionDto {
  /** Whether passwords can be saved on this PC at all. */
  keychainAvailable: boolean;
  /** The database this app is connected to now. */
  database: { mode: 'embedded' | 'server'; host: string; port: number; database: string; user: string; sslMode: string | null };
  /** The Redis in use now, or null when the app runs without one. */
  redis: { host: string; port: number; db: number; tls: boolean; up: boolean } | null;
  /** What settings.json says (used from the next start). */
  saved: { database: DatabaseTargetDto | null; redis: RedisTargetDto | null };
  databasePasswordSaved: boolean;
  redisPasswordSaved: boolean;
  /** The saved settings differ from what is in use: a restart (or DATABASE_URL / REDIS_URL) explains it. */
  restartPending: boolean;
}

export interface TestConnectionResultDto {
  ok: boolean;
  serverVersion: string | null;
  roundTripMs: number | null;
  /** A plain sentence: what worked, or what failed and what to check. */
  message: string;
  /** Database only: app tables in the target that already hold rows (copying over them needs confirming). */
  tablesWithRows: string[] | null;
}

export interface SaveConnectionResultDto {
  restartRequired: true;
  connection: ConnectionDto;
}

export interface SystemConfigEntryDto {
  key: string;
  value: JsonValue;
  description: string | null;
  updatedAt: string | null;
  /** Name (or email) of who last changed it through the app. */
  updatedBy: string | null;
  /** The app has a schema for this key and validates it. */
  known: boolean;
  /** False for a known key that has no row yet (its default is shown). */
  stored: boolean;
  /** For a known key: whether the stored value passes its schema (the app falls back to a default otherwise). */
  problem: string | null;
}

export interface HealthTableDto {
  name: string;
  totalBytes: number;
  tableBytes: number;
  indexBytes: number;
  /** Estimated live rows (pg_stat_user_tables). */
  rows: number;
}

export interface HealthMaintenanceDto {
  table: string;
  lastVacuum: string | null;
  lastAutovacuum: string | null;
  lastAnalyze: string | null;
  lastAutoanalyze: string | null;
  deadRows: number;
  liveRows: number;
}

export interface SlowQueryDto {
  query: string;
  calls: number;
  meanMs: number;
  totalMs: number;
  rows: number;
}

export type SlowQueriesDto = { available: true; queries: SlowQueryDto[] } | { available: false; reason: string; howToEnable: string };

export interface HealthDto {
  checkedAt: string;
  database: { name: string; serverVersion: string; sizeBytes: number };
  connections: {
    /** Sessions on this database by state (active, idle, idle in transaction …). */
    byState: { state: string; count: number }[];
    thisDatabase: number;
    server: number;
    max: number;
    pool: { total: number; idle: number; waiting: number; max: number };
  };
  /** The 15 biggest tables of the public schema. */
  biggestTables: HealthTableDto[];
  cache: {
    configured: boolean;
    up: boolean;
    hits: number;
    misses: number;
    hitRate: number | null;
    redis: { usedMemory: string | null; maxMemory: string | null; evictedKeys: number | null; version: string | null; error: string | null } | null;
  };
  slowQueries: SlowQueriesDto;
  /** Every table of the public schema, by name: the choice for VACUUM ANALYZE. */
  maintenance: HealthMaintenanceDto[];
}

export interface VacuumStartDto {
  jobId: string;
  tables: string[];
}
