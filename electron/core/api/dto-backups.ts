// Backups as the Backups screen sees them.
export interface BackupDto {
  id: string;
  fileName: string;
  directory: string;
  kind: 'FULL' | 'PLAIN_SQL' | 'SAFETY' | 'IMPORTED';
  status: 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  serverVersion: string | null;
  schemaVersion: string | null;
  /** A user id, or "schedule". */
  startedBy: string;
  verifiedAt: string | null;
  verifyOk: boolean | null;
  error: string | null;
  /** Tables in the manifest. */
  tables: number | null;
}

export interface BackupScheduleDto {
  enabled: boolean;
  daily: string;
  frequent: string | null;
  retentionDays: number;
}

export interface BackupToolsDto {
  serverVersion: string;
  backupDir: string;
  tools: { name: 'pg_dump' | 'pg_restore' | 'psql'; path: string | null; version: string | null; problem: string | null }[];
}
