// Backups and restores for SUPER_ADMINs: run now (custom archive or plain .sql.gz), list,
// verify, restore (safety backup first, checked in a scratch database, live data
// unchanged on any failure), import a file made elsewhere, and the seed's schedule and
// retention. Progress goes out as 'backup.progress' events.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { BackupDto, BackupScheduleDto, BackupToolsDto } from '../../api/dto-backups';
import { backupScheduleInput } from '../../api/schemas/backups';
import type { EventBus } from '../../api/events';
import { AppError, conflict, notFound } from '../../api/errors';
import type { Principal } from '../../api/router';
import type { Cache } from '../../cache/cache';
import { migrate, schemaVersion } from '../../db/migrator';
import type { Db } from '../../db/prisma';
import type { JobDefinition } from '../../jobs/scheduler';
import type { Logger } from '../../logger';
import { record } from '../audit';
import { DumpCancelled, dumpDatabase, listArchive, sha256File } from './dump';
import { settleKept, sideSchemaExists, type KeptTable } from './kept-tables';
import { candidateDirs, chooseTool, type PgTool } from './pg-tools';
import { backupFileKind, checkPlainSql } from './plain-sql';
import { DEFAULT_LOCK_TIMEOUT_MS, plainToArchive, restoreArchive, type ScratchPlace } from './restore';
import { acquireRestoreLock } from './restore-lock';

export type BackupSchedule = BackupScheduleDto;
/** The seed's policy: a full backup daily at 02:00 UTC and every 6 hours, kept 30 days. */
export const DEFAULT_SCHEDULE: BackupSchedule = { enabled: true, daily: '0 2 * * *', frequent: '0 */6 * * *', retentionDays: 30 };
const SCHEDULE_KEY = 'backup.schedule';
const TOOLS_DIR_KEY = 'backup.toolsDir';
/** How long a backup or restore waits for another session's lock (ms) before it fails. */
const LOCK_TIMEOUT_KEY = 'backup.lockTimeoutMs';

type Row = Awaited<ReturnType<Db['backup']['findUniqueOrThrow']>>;
const toDto = (b: Row): BackupDto => ({
  id: b.id,
  fileName: b.fileName,
  directory: b.directory,
  kind: b.kind,
  status: b.status,
  startedAt: b.startedAt.toISOString(),
  finishedAt: b.finishedAt?.toISOString() ?? null,
  durationMs: b.durationMs,
  sizeBytes: b.sizeBytes === null ? null : Number(b.sizeBytes),
  sha256: b.sha256,
  serverVersion: b.serverVersion,
  schemaVersion: b.schemaVersion,
  startedBy: b.startedBy,
  verifiedAt: b.verifiedAt?.toISOString() ?? null,
  verifyOk: b.verifyOk,
  error: b.error,
  tables: b.manifest ? Object.keys(b.manifest as object).length : null,
});

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
const plannedName = (kind: 'FULL' | 'PLAIN_SQL' | 'SAFETY', at: Date) =>
  `kroi-${stamp(at)}-${kind.toLowerCase()}-${randomBytes(2).toString('hex')}.${kind === 'PLAIN_SQL' ? 'sql.gz' : 'dump'}`;
/**
 * What a restore takes from the live database instead of the backup. The audit log never
 * loses an entry; a session signed out after the backup must not come back to life; the
 * backup list describes files on disk, not the restored past; a scheduled slot that already
 * ran must not run again.
 */
export const KEPT_TABLES: readonly KeptTable[] = [
  { table: 'activity_logs', policy: 'union', key: 'id', sameRow: ['created_at', 'action'], ref: { column: 'user_id', table: 'users', key: 'id', ifMissing: 'null' } },
  // Emptied if they cannot be put back: everyone signs in again rather than old sessions reviving.
  {
    table: 'sessions',
    policy: 'replace',
    since: 'created_at',
    ref: { column: 'user_id', table: 'users', key: 'id', activeColumn: 'is_active', ifMissing: 'drop' },
    emptyIfLost: true,
    leftoverKey: 'id',
  },
  { table: 'backups', policy: 'replace', since: 'started_at' },
  { table: 'job_runs', policy: 'replace', since: 'started_at' },
];

/** Plain SQL (made here or imported) is restored through psql; everything else is an archive. */
const isPlain = (b: { kind: string; fileName: string }) => b.kind === 'PLAIN_SQL' || /\.sql(\.gz)?$/i.test(b.fileName);

export function createBackupsService(deps: {
  db: Db;
  pool: pg.Pool;
  cache: Cache;
  events: EventBus;
  logger: Logger;
  /** The app's connection (what is backed up and restored). */
  url: string;
  /** Where scratch databases can be created (embedded: its superuser). */
  scratchUrl: string;
  backupDir: string;
  resourcesDir?: string | null;
  migrationsDir?: string;
}) {
  const { db, pool, events, logger } = deps;
  const running = new Map<string, AbortController>();
  /** Every backup and restore still going, so stop() can wait for them to tidy up. */
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.then(
      () => inflight.delete(p),
      () => inflight.delete(p),
    );
    return p;
  };

  async function serverMajor(): Promise<number> {
    // SHOW names its column after the setting; current_setting() lets us name it.
    const { rows } = await pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    const major = Math.floor(Number(rows[0]?.v) / 10000);
    if (!Number.isFinite(major) || major < 1) throw new Error(`Could not read the server's version (${rows[0]?.v}).`);
    return major;
  }

  // Looking for the tools runs each candidate with --version (Debian's wrapper is a Perl
  // script): remembered for ten minutes.
  // Failures are not remembered, so a tool installed after the message is found at once.
  const toolCache = new Map<string, { at: number; path: Promise<string> }>();
  async function tool(name: PgTool): Promise<string> {
    const configured = await db.systemConfig.findUnique({ where: { key: TOOLS_DIR_KEY } });
    const dir = typeof configured?.value === 'string' ? configured.value : null;
    const major = await serverMajor();
    const key = `${name}\0${dir ?? ''}\0${major}`;
    const cached = toolCache.get(key);
    if (cached && Date.now() - cached.at < 600_000) return cached.path;
    const found = chooseTool(name, candidateDirs({ configuredDir: dir, resourcesDir: deps.resourcesDir ?? null }), major).then((t) => t.path);
    toolCache.set(key, { at: Date.now(), path: found });
    found.catch(() => toolCache.delete(key));
    return found;
  }

  async function lockTimeoutMs(): Promise<number> {
    const row = await db.systemConfig.findUnique({ where: { key: LOCK_TIMEOUT_KEY } });
    const value = typeof row?.value === 'number' ? row.value : Number.NaN;
    return Number.isFinite(value) && value >= 10 && value <= 3_600_000 ? value : DEFAULT_LOCK_TIMEOUT_MS;
  }

  async function tools() {
    const [pgDump, pgRestore, psql] = await Promise.all([tool('pg_dump'), tool('pg_restore'), tool('psql')]);
    return { pgDump, pgRestore, psql };
  }

  const progress = (jobId: string, phase: string, tables: number, bytes: number, done = false, error: string | null = null) =>
    events.emit('backup.progress', { jobId, phase, tables, bytes, done, error });

  /** Starts a backup; resolves when it is finished (the channel does not wait for that). */
  async function start(kind: 'FULL' | 'PLAIN_SQL' | 'SAFETY', startedBy: string): Promise<{ jobId: string; backupId: string; finished: Promise<BackupDto> }> {
    // Tools and folder are checked before anything is written: a wrong setup is a clear error, not a failed row.
    const pgDump = await tool('pg_dump');
    const lockWaitMs = await lockTimeoutMs();
    await mkdir(deps.backupDir, { recursive: true });
    const startedAt = new Date();
    const fileName = plannedName(kind, startedAt);
    const row = await db.backup.create({ data: { fileName, directory: deps.backupDir, kind, startedBy, startedAt, host: os.hostname(), schemaVersion: await schemaVersion(pool) } });
    const jobId = row.id;
    const controller = new AbortController();
    running.set(jobId, controller);
    progress(jobId, 'starting', 0, 0);
    const finished = (async () => {
      try {
        const result = await dumpDatabase({
          url: deps.url,
          pgDump,
          target: path.join(deps.backupDir, fileName),
          format: kind === 'PLAIN_SQL' ? 'plain-gzip' : 'custom',
          signal: controller.signal,
          lockTimeoutMs: lockWaitMs,
          onProgress: (p) => progress(jobId, p.phase, p.tables, p.bytes),
        });
        const updated = await db.backup.update({
          where: { id: jobId },
          data: { status: 'DONE', finishedAt: new Date(), durationMs: Date.now() - startedAt.getTime(), sizeBytes: result.sizeBytes, sha256: result.sha256, manifest: result.manifest, serverVersion: result.serverVersion },
        });
        progress(jobId, 'done', Object.keys(result.manifest).length, result.sizeBytes, true);
        return toDto(updated);
      } catch (error) {
        const cancelled = error instanceof DumpCancelled;
        const message = cancelled ? 'Cancelled.' : (error as Error).message;
        if (!cancelled) logger.error('backup failed', error);
        const updated = await db.backup.update({ where: { id: jobId }, data: { status: cancelled ? 'CANCELLED' : 'FAILED', finishedAt: new Date(), durationMs: Date.now() - startedAt.getTime(), error: message } });
        progress(jobId, cancelled ? 'cancelled' : 'failed', 0, 0, true, message);
        return toDto(updated);
      } finally {
        running.delete(jobId);
      }
    })();
    track(finished);
    return { jobId, backupId: row.id, finished };
  }

  async function verify(id: string): Promise<BackupDto> {
    const b = await db.backup.findUnique({ where: { id } });
    if (!b) throw notFound('The backup');
    if (b.status !== 'DONE') throw new AppError('CONFLICT', 'Only a finished backup can be verified.');
    const file = path.join(b.directory, b.fileName);
    let ok = false;
    let error: string | null = null;
    try {
      const sum = await sha256File(file);
      if (sum !== b.sha256) error = 'The file has changed since it was written (its SHA-256 differs).';
      else if (isPlain(b)) {
        // Plain SQL has no table of contents: the whole file is read (and unzipped) instead.
        const problem = await checkPlainSql(file, (await backupFileKind(file)) === 'gzip');
        ok = problem === null;
        error = problem && `The file is damaged: ${problem}.`;
      } else {
        const listing = await listArchive({ pgRestore: await tool('pg_restore'), file });
        ok = listing.ok;
        error = listing.error;
      }
    } catch (e) {
      error = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `The file ${file} is missing.` : (e as Error).message;
    }
    return toDto(await db.backup.update({ where: { id }, data: { verifiedAt: new Date(), verifyOk: ok, error: ok ? null : error } }));
  }

  /** Deletes backups older than the retention, never the newest good one. */
  async function applyRetention(days: number, now = new Date()): Promise<string[]> {
    // Good: finished and not found damaged by a verification.
    const newestGood = await db.backup.findFirst({
      where: { status: 'DONE', kind: { in: ['FULL', 'SAFETY'] }, OR: [{ verifyOk: null }, { verifyOk: true }] },
      orderBy: { startedAt: 'desc' },
    });
    const old = await db.backup.findMany({
      where: { startedAt: { lt: new Date(now.getTime() - days * 86_400_000) }, status: { not: 'RUNNING' }, ...(newestGood ? { id: { not: newestGood.id } } : {}) },
    });
    const deleted: string[] = [];
    for (const b of old) {
      try {
        await rm(path.join(b.directory, b.fileName), { force: true });
      } catch (error) {
        // A file that cannot be removed now (in use, offline share) keeps its row, so the next run tries again.
        logger.warn('could not delete an old backup file', { file: b.fileName, message: (error as Error).message });
        continue;
      }
      await db.backup.delete({ where: { id: b.id } });
      deleted.push(b.fileName);
    }
    return deleted;
  }

  async function schedule(): Promise<BackupSchedule> {
    const row = await db.systemConfig.findUnique({ where: { key: SCHEDULE_KEY } });
    const parsed = backupScheduleInput.safeParse(row?.value);
    return parsed.success ? parsed.data : DEFAULT_SCHEDULE;
  }

  async function scheduledRun(): Promise<void> {
    let run: Awaited<ReturnType<typeof start>>;
    try {
      run = await start('FULL', 'schedule');
    } catch (error) {
      // A run that could not start (tools, folder) is listed too, so every PC sees that it failed.
      const now = new Date();
      const row = await db.backup.create({
        data: { fileName: plannedName('FULL', now), directory: deps.backupDir, kind: 'FULL', status: 'FAILED', startedBy: 'schedule', startedAt: now, finishedAt: now, durationMs: 0, error: (error as Error).message, host: os.hostname() },
      });
      progress(row.id, 'failed', 0, 0, true, row.error);
      throw error;
    }
    const result = await run.finished;
    if (result.status !== 'DONE') throw new Error(result.error ?? 'backup failed');
    await verify(result.id);
    await applyRetention((await schedule()).retentionDays);
  }

  return {
    list: async (): Promise<BackupDto[]> => (await db.backup.findMany({ orderBy: { startedAt: 'desc' }, take: 500 })).map(toDto),
    get: async (id: string): Promise<BackupDto> => {
      const b = await db.backup.findUnique({ where: { id } });
      if (!b) throw notFound('The backup');
      return toDto(b);
    },

    async run(kind: 'FULL' | 'PLAIN_SQL', actor: Principal) {
      const { jobId, backupId, finished } = await start(kind, actor.userId);
      void finished.then(
        (b) => record(db, { userId: actor.userId, action: 'backup.run', entityType: 'Backup', entityId: backupId, metadata: { kind, status: b.status, file: b.fileName } }).catch(() => undefined),
        () => undefined, // the row could not be updated (the app is closing): nothing more to record
      );
      return { jobId, backupId, finished };
    },

    cancel(jobId: string): boolean {
      const controller = running.get(jobId);
      if (!controller) return false;
      controller.abort();
      return true;
    },

    verify,
    applyRetention,

    /** Which client tools would be used, or what is wrong with them. */
    async toolsReport(): Promise<BackupToolsDto> {
      const { rows } = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      const report = await Promise.all(
        (['pg_dump', 'pg_restore', 'psql'] as const).map(async (name) => {
          try {
            const found = await tool(name);
            const { toolVersion } = await import('./pg-tools');
            return { name, path: found, version: (await toolVersion(found))?.version ?? null, problem: null };
          } catch (error) {
            return { name, path: null, version: null, problem: (error as Error).message };
          }
        }),
      );
      return { serverVersion: rows[0]!.v, backupDir: deps.backupDir, tools: report };
    },
    schedule,

    async setSchedule(value: BackupSchedule, actor: Principal): Promise<BackupSchedule> {
      const before = await schedule();
      await db.$transaction(async (tx) => {
        const json = { ...value };
        await tx.systemConfig.upsert({ where: { key: SCHEDULE_KEY }, create: { key: SCHEDULE_KEY, value: json, description: 'Backup schedule (UTC cron) and retention', updatedById: actor.userId }, update: { value: json, updatedById: actor.userId } });
        await record(tx, { userId: actor.userId, action: 'settings.backupSchedule', entityType: 'SystemConfig', entityId: SCHEDULE_KEY, changes: { value: { before, after: value } } });
      });
      return value;
    },

    /** Copies a backup file made elsewhere (custom archive, .sql or .sql.gz) into the backup folder and lists it. */
    async importFile(source: string, actor: Principal): Promise<BackupDto> {
      const info = await stat(source).catch(() => null);
      if (!info?.isFile()) throw new AppError('VALIDATION', 'That file does not exist.', { fields: { path: 'No such file.' } });
      // What the file is comes from its content, not its name: a .backup, .gz or .sql may be any of them.
      const kind = await backupFileKind(source);
      if (kind === 'archive') {
        const listing = await listArchive({ pgRestore: await tool('pg_restore'), file: source });
        if (!listing.ok) throw new AppError('VALIDATION', `This is not a readable PostgreSQL backup: ${listing.error}`, { fields: { path: 'Not a readable backup.' } });
      } else {
        const problem = await checkPlainSql(source, kind === 'gzip');
        if (problem) throw new AppError('VALIDATION', `This is not a PostgreSQL backup: ${problem}.`, { fields: { path: 'Not a backup file.' } });
      }
      await mkdir(deps.backupDir, { recursive: true });
      const fileName = `kroi-${stamp(new Date())}-imported-${randomBytes(2).toString('hex')}.${{ archive: 'dump', gzip: 'sql.gz', text: 'sql' }[kind]}`;
      const target = path.join(deps.backupDir, fileName);
      await copyFile(source, target);
      await chmod(target, 0o600);
      const sha256 = await sha256File(target);
      const row = await db.backup.create({
        data: { fileName, directory: deps.backupDir, kind: 'IMPORTED', status: 'DONE', startedBy: actor.userId, finishedAt: new Date(), sizeBytes: info.size, sha256, host: os.hostname() },
      });
      await record(db, { userId: actor.userId, action: 'backup.import', entityType: 'Backup', entityId: row.id, metadata: { source: path.basename(source) } });
      return toDto(row);
    },

    async remove(id: string, actor: Principal): Promise<null> {
      const b = await db.backup.findUnique({ where: { id } });
      if (!b) throw notFound('The backup');
      if (b.status === 'RUNNING') throw conflict('The backup is still running; cancel it first.');
      await rm(path.join(b.directory, b.fileName), { force: true });
      await db.backup.delete({ where: { id } });
      await record(db, { userId: actor.userId, action: 'backup.delete', entityType: 'Backup', entityId: id, metadata: { file: b.fileName } });
      return null;
    },

    /** SUPER_ADMIN restore, after typing the database's name. */
    async restore(input: { id: string; confirmDatabase: string }, actor: Principal): Promise<{ jobId: string; finished: Promise<BackupDto> }> {
      const b = await db.backup.findUnique({ where: { id: input.id } });
      if (!b) throw notFound('The backup');
      if (b.status !== 'DONE') throw new AppError('CONFLICT', 'Only a finished backup can be restored.');
      const database = new URL(deps.url).pathname.replace(/^\//, '');
      if (input.confirmDatabase !== database) {
        throw new AppError('VALIDATION', `Type the database name "${database}" to confirm.`, { fields: { confirmDatabase: `Type "${database}" exactly.` } });
      }
      const allTools = await tools();
      const lockWaitMs = await lockTimeoutMs();
      const controller = new AbortController();
      // One restore at a time on every PC; losing the lock's connection cancels this one
      // (pg_restore runs in one transaction, so the live data stays as it was).
      const lock = await acquireRestoreLock({ url: deps.url, host: os.hostname(), onLost: () => controller.abort() });
      const jobId = `restore-${b.id}-${Date.now()}`;
      running.set(jobId, controller);
      const scratch: ScratchPlace = { url: deps.scratchUrl };
      const finished = (async () => {
        let archive = path.join(b.directory, b.fileName);
        let converted: string | null = null;
        // Once the live restore has committed, a later failure must not claim the data is unchanged.
        let liveReplaced = false;
        try {
          const sum = await sha256File(archive).catch(() => null);
          if (sum !== b.sha256) throw new AppError('VALIDATION', 'The backup file is missing or has changed since it was made (SHA-256 differs). Nothing was restored.');
          let manifest = (b.manifest as Record<string, number> | null) ?? null;
          if (isPlain(b)) {
            progress(jobId, 'converting', 0, 0);
            converted = path.join(deps.backupDir, `.convert-${randomBytes(4).toString('hex')}.dump`);
            const convertedCounts = await plainToArchive({ file: archive, tools: allTools, scratch, target: converted, signal: controller.signal, lockTimeoutMs: lockWaitMs });
            // The counts taken when the file was written are the stronger check; a file made elsewhere has only the converted ones.
            manifest ??= convertedCounts;
            archive = converted;
          }
          await restoreArchive({
            liveUrl: deps.url,
            scratch,
            tools: allTools,
            file: archive,
            manifest: manifest ? Object.fromEntries(Object.entries(manifest).filter(([t]) => !/backups"?$/.test(t))) : null,
            keepTables: KEPT_TABLES,
            signal: controller.signal,
            lockTimeoutMs: lockWaitMs,
            onPhase: (phase) => progress(jobId, phase, 0, 0),
            beforeLive: async () => {
              progress(jobId, 'safety backup', 0, 0);
              const safety = await start('SAFETY', actor.userId);
              const done = await safety.finished;
              if (done.status !== 'DONE') throw new AppError('UNAVAILABLE', `The safety backup failed, so nothing was restored: ${done.error}`);
            },
            onLiveReplaced: () => {
              liveReplaced = true;
            },
          });
          // A backup of an older schema is brought up to this app version's.
          await migrate(deps.url, deps.migrationsDir ? { migrationsDir: deps.migrationsDir } : {});
          await deps.cache.delPattern('*');
          // The restored users may not include the one who restored (a backup from elsewhere): the entry then names no user.
          const actorExists = (await db.user.count({ where: { id: actor.userId } })) > 0;
          await record(db, { userId: actorExists ? actor.userId : null, action: 'backup.restore', entityType: 'Backup', entityId: b.id, metadata: { file: b.fileName, restoredBy: actor.userId } });
          await pool.query(`SELECT pg_notify('kroi_app', json_build_object('op', 'reload', 'reason', 'restore')::text)`);
          // Released before the last event, so whoever waits for it can restore again at once.
          await lock.release();
          progress(jobId, 'done', 0, 0, true);
          return toDto(await db.backup.findUniqueOrThrow({ where: { id: b.id } }));
        } catch (error) {
          const reason = (error as Error).message;
          const message =
            error instanceof DumpCancelled && !liveReplaced
              ? 'Cancelled; the live data is unchanged.'
              : liveReplaced
                ? `The backup was restored, but a step after it failed: ${reason}`
                : `${reason} The live data is unchanged.`;
          if (!(error instanceof AppError) && !(error instanceof DumpCancelled)) logger.error('restore failed', error);
          const actorExists = (await db.user.count({ where: { id: actor.userId } }).catch(() => 0)) > 0;
          await record(db, { userId: actorExists ? actor.userId : null, action: 'backup.restoreFailed', entityType: 'Backup', entityId: b.id, metadata: { error: message, restoredBy: actor.userId } }).catch(() => undefined);
          await lock.release();
          progress(jobId, 'failed', 0, 0, true, message);
          throw new AppError(error instanceof AppError && !liveReplaced ? error.code : 'INTERNAL', message);
        } finally {
          if (converted) await rm(converted, { force: true });
          running.delete(jobId);
          await lock.release();
        }
      })();
      finished.catch(() => undefined);
      track(finished);
      return { jobId, finished };
    },

    /** Files in the backup folder that the list does not know (e.g. copied there by hand). */
    async unknownFiles(): Promise<string[]> {
      const known = new Set((await db.backup.findMany({ select: { fileName: true } })).map((b) => b.fileName));
      const files = await readdir(deps.backupDir).catch(() => [] as string[]);
      return files.filter((f) => /\.(dump|sql|sql\.gz|backup)$/i.test(f) && !known.has(f));
    },

    jobs(): JobDefinition[] {
      const slot = (which: 'daily' | 'frequent'): JobDefinition => ({
        name: `backup.${which}`,
        schedule: async () => {
          const s = await schedule();
          return s.enabled ? s[which] : null;
        },
        run: scheduledRun,
      });
      return [slot('daily'), slot('frequent')];
    },

    /**
     * Marks runs left RUNNING by a PC that stopped mid-backup, and removes their partial files;
     * puts back the kept rows of a restore that crashed after its live step (its audit entries
     * exist nowhere else, and its sessions are the backup's until then).
     */
    async cleanUpInterrupted(): Promise<void> {
      // Only while no restore runs anywhere: a running restore's side schema is not a leftover.
      // Almost always there is none: one query on the pool, no connections of its own at start-up.
      const leftover = await sideSchemaExists(pool).catch(() => false);
      const lock = leftover ? await acquireRestoreLock({ url: deps.url, host: os.hostname(), onLost: () => undefined }).catch(() => null) : null;
      if (lock) {
        try {
          await settleKept(deps.url, KEPT_TABLES, await lockTimeoutMs(), 'leftover').catch((error) => logger.warn('could not put back the rows an interrupted restore kept', error));
        } finally {
          await lock.release();
        }
      }
      const stale = await db.backup.findMany({ where: { status: 'RUNNING', host: os.hostname() } });
      for (const b of stale) {
        if (running.has(b.id)) continue;
        await rm(path.join(b.directory, `${b.fileName}.partial`), { force: true });
        await db.backup.update({ where: { id: b.id }, data: { status: 'FAILED', finishedAt: new Date(), error: 'The app stopped during the backup.' } });
      }
    },

    /** Cancels what is running (a restore rolls back) and waits until it has tidied up. */
    async stop(): Promise<void> {
      for (const c of running.values()) c.abort();
      await Promise.allSettled([...inflight]);
    },
  };
}

export type BackupsService = ReturnType<typeof createBackupsService>;
