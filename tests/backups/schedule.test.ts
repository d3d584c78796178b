// The seed's backup policy on many PCs: one backup per slot whichever PCs tick, retention
// that deletes old rows and files but never the newest good backup, schedule edits that are
// validated, and scheduled failures that show in the list.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL } from '../../electron/core/db/pool';
import { createCore, type Core } from '../../electron/core/index';
import { electLeader } from '../../electron/core/jobs/leader';
import { startScheduler, type Scheduler } from '../../electron/core/jobs/scheduler';
import { quietLogger } from '../../electron/core/logger';
import { DEFAULT_SCHEDULE } from '../../electron/core/services/backups/backups-service';
import { REDIS_URL } from '../support/env';
import { filesIn, sql, startBackupEnv, type BackupEnv } from './helpers';

let env: BackupEnv;
const cores: Core[] = [];
beforeAll(async () => {
  env = await startBackupEnv({ seed: { cars: 5, leads: 5, views: 20, seed: 3, now: '2026-11-25T00:00:00Z', analyze: false } });
});
afterAll(async () => {
  for (const c of cores) await c.close();
  await env?.close();
});

const DAY = 86_400_000;
const logger = quietLogger();

/** Another PC on the same database (its own pool, services and scheduler). */
async function anotherPc(backupDir = env.dir): Promise<Core> {
  const core = await createCore(
    {
      appVersion: 'test',
      userDataDir: path.dirname(env.dir),
      backupDir,
      database: { mode: 'server', url: env.t.database.url },
      redis: { url: REDIS_URL, password: null, keyPrefix: env.t.keyPrefix },
      pool: { ...DEFAULT_POOL, max: 3 },
      background: false,
    },
    { logger },
  );
  cores.push(core);
  return core;
}

const schedulerOf = (core: Core): Scheduler =>
  startScheduler({ url: env.t.database.url, pool: core.pool, jobs: core.backups.jobs(), logger, tickMs: 3_600_000, leadership: electLeader({ url: env.t.database.url, logger, retryMs: 100 }) });

const until = async (check: () => Promise<boolean> | boolean, what: string, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Waits until no scheduled backup job is still running. */
const jobsSettled = () =>
  until(async () => (await sql(env.t.database.url, "SELECT 1 FROM job_runs WHERE job LIKE 'backup.%' AND status = 'running'")).length === 0, 'scheduled backups to finish');

const scheduled = async () => (await env.admin.ok('backups.list', {})).filter((b) => b.startedBy === 'schedule');

/** A backup row (and, unless it failed, a file) as an earlier run would have left it. */
async function oldBackup(name: string, daysAgo: number, fields: { kind?: 'FULL' | 'SAFETY' | 'PLAIN_SQL'; status?: 'DONE' | 'FAILED' | 'RUNNING'; verifyOk?: boolean | null } = {}) {
  const status = fields.status ?? 'DONE';
  if (status === 'DONE') await writeFile(path.join(env.dir, name), `backup ${name}`);
  const startedAt = new Date(Date.now() - daysAgo * DAY);
  return env.t.core.db.backup.create({
    data: { fileName: name, directory: env.dir, kind: fields.kind ?? 'FULL', status, startedBy: 'schedule', startedAt, finishedAt: startedAt, verifyOk: fields.verifyOk ?? null, sha256: status === 'DONE' ? 'x'.repeat(64) : null },
  });
}

describe('retention', () => {
  it('deletes rows and files older than the retention, keeps the newest good backup however old', async () => {
    await mkdir(env.dir, { recursive: true });
    await env.t.core.db.backup.deleteMany();
    const keptOld = await oldBackup('g40.dump', 40, { verifyOk: true });
    await oldBackup('g60.dump', 60);
    await oldBackup('f35.dump', 35, { status: 'FAILED' });
    // Newer than g40, but a verification found it damaged: not "good".
    await oldBackup('bad33.dump', 33, { verifyOk: false });
    await oldBackup('p45.sql.gz', 45, { kind: 'PLAIN_SQL' });
    const stuck = await oldBackup('running40.dump', 40, { status: 'RUNNING' });

    const deleted = await env.t.core.backups.applyRetention(30);
    expect(deleted.sort()).toEqual(['bad33.dump', 'f35.dump', 'g60.dump', 'p45.sql.gz']);
    expect((await env.t.core.db.backup.findMany({ orderBy: { fileName: 'asc' } })).map((b) => b.id)).toEqual([keptOld.id, stuck.id]);
    expect(await filesIn(env.dir)).toEqual(['g40.dump']);

    // A newer good one arrives: now the old one goes; recent rows stay, failed or not.
    const recent = await oldBackup('r1.dump', 1);
    const recentFailure = await oldBackup('f2.dump', 2, { status: 'FAILED' });
    expect(await env.t.core.backups.applyRetention(30)).toEqual(['g40.dump']);
    expect((await env.t.core.db.backup.findMany()).map((b) => b.id).sort()).toEqual([recent.id, recentFailure.id, stuck.id].sort());
    expect(await filesIn(env.dir)).toEqual(['r1.dump']);
    await env.t.core.db.backup.deleteMany();
    await rm(path.join(env.dir, 'r1.dump'));
  });
});

describe('the schedule setting', () => {
  it('refuses what is not a schedule, with nothing saved; other roles may not change it', async () => {
    const good = { enabled: true, daily: '0 2 * * *', frequent: '0 */6 * * *', retentionDays: 30 };
    const stored = () => sql(env.t.database.url, "SELECT value, updated_at FROM system_config WHERE key = 'backup.schedule'");
    const before = await stored();
    const bad: [Record<string, unknown>, string][] = [
      [{ ...good, daily: 'every night' }, 'daily'],
      [{ ...good, daily: '0 25 * * *' }, 'daily'],
      [{ ...good, frequent: '*/x * * * *' }, 'frequent'],
      [{ ...good, retentionDays: 0 }, 'retentionDays'],
      [{ ...good, retentionDays: 2.5 }, 'retentionDays'],
      [{ ...good, enabled: 'yes' }, 'enabled'],
    ];
    for (const [input, field] of bad) {
      const answer = await env.admin.call('backups.setSchedule', input as never);
      expect(answer.ok, JSON.stringify(input)).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('VALIDATION');
        expect(Object.keys(answer.error.fields ?? {})).toContain(field);
      }
    }
    expect(await env.users.ADMIN.call('backups.setSchedule', good)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await stored()).toEqual(before);
    expect(await env.admin.ok('backups.getSchedule', {})).toEqual(DEFAULT_SCHEDULE);
  });
});

describe('two PCs with schedules on', () => {
  it('make one backup per slot, however often both tick', async () => {
    const other = await anotherPc();
    const a = schedulerOf(env.t.core);
    const b = schedulerOf(other);
    try {
      await until(() => a.isLeader() || b.isLeader(), 'a leader');
      const now = new Date('2026-11-25T07:30:00Z');
      await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
      await until(async () => (await sql(env.t.database.url, "SELECT 1 FROM job_runs WHERE job LIKE 'backup.%'")).length === 2, 'both slots claimed');
      await jobsSettled();
      // 02:00 (daily) and 06:00 (every 6 hours): one backup each.
      const runs = await sql<{ job: string; slot: Date; status: string }>(env.t.database.url, "SELECT job, slot, status FROM job_runs WHERE job LIKE 'backup.%' ORDER BY job");
      expect(runs.map((r) => [r.job, r.slot.toISOString(), r.status])).toEqual([
        ['backup.daily', '2026-11-25T02:00:00.000Z', 'done'],
        ['backup.frequent', '2026-11-25T06:00:00.000Z', 'done'],
      ]);
      let list = await scheduled();
      expect(list).toHaveLength(2);
      for (const backup of list) expect(backup).toMatchObject({ kind: 'FULL', status: 'DONE', verifyOk: true });

      // Both tick again in the same slots: nothing new. The next 6-hour slot: one more.
      await Promise.all([a.tick(new Date('2026-11-25T11:59:00Z')), b.tick(new Date('2026-11-25T11:59:00Z'))]);
      await jobsSettled();
      expect(await scheduled()).toHaveLength(2);
      await Promise.all([a.tick(new Date('2026-11-25T12:00:00Z')), b.tick(new Date('2026-11-25T12:00:00Z')), a.tick(new Date('2026-11-25T12:00:00Z'))]);
      await until(async () => (await sql(env.t.database.url, "SELECT 1 FROM job_runs WHERE job LIKE 'backup.%'")).length === 3, 'the 12:00 slot claimed');
      await jobsSettled();
      list = await scheduled();
      expect(list).toHaveLength(3);
      expect(await filesIn(env.dir)).toEqual(list.map((x) => x.fileName).sort());
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('a schedule edit applies at the next tick, and a scheduled run applies the retention', async () => {
    expect(await env.admin.ok('backups.setSchedule', { enabled: true, daily: '30 3 * * *', frequent: null, retentionDays: 7 })).toMatchObject({ daily: '30 3 * * *', frequent: null, retentionDays: 7 });
    const eightDaysOld = await oldBackup('old8.dump', 8);
    const before = await scheduled();
    const s = schedulerOf(env.t.core);
    try {
      await until(() => s.isLeader(), 'leadership');
      expect((await s.tick(new Date('2026-11-26T04:00:00Z'))).sort()).toEqual(['backup.daily']);
      await jobsSettled();
      const after = await scheduled();
      const fresh = after.filter((b) => !before.some((o) => o.id === b.id));
      expect(fresh).toHaveLength(1);
      expect(fresh[0]).toMatchObject({ status: 'DONE', verifyOk: true });
      expect(after.some((b) => b.id === eightDaysOld.id)).toBe(false);
      expect(await filesIn(env.dir)).not.toContain('old8.dump');

      // Off: no more runs.
      await env.admin.ok('backups.setSchedule', { enabled: false, daily: '30 3 * * *', frequent: null, retentionDays: 7 });
      expect(await s.tick(new Date('2026-11-27T04:00:00Z'))).toEqual([]);
    } finally {
      await s.stop();
    }
    await env.admin.ok('backups.setSchedule', DEFAULT_SCHEDULE);
  });
});

describe('a scheduled run that fails', () => {
  // One job, so one run per tick.
  beforeAll(async () => env.admin.ok('backups.setSchedule', { ...DEFAULT_SCHEDULE, frequent: null }));
  afterAll(async () => env.admin.ok('backups.setSchedule', DEFAULT_SCHEDULE));

  it('is listed as FAILED with the reason when another session blocks the dump', async () => {
    await sql(env.t.database.url, `INSERT INTO system_config (key, value, updated_at) VALUES ('backup.lockTimeoutMs', '300', now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
    const blocker = new pg.Client({ connectionString: env.t.database.url });
    blocker.on('error', () => undefined);
    await blocker.connect();
    const s = schedulerOf(env.t.core);
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE page_views IN ACCESS EXCLUSIVE MODE');
      await until(() => s.isLeader(), 'leadership');
      expect(await s.tick(new Date('2026-12-01T02:10:00Z'))).toEqual(['backup.daily']);
      await jobsSettled();
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
      await s.stop();
      await sql(env.t.database.url, "DELETE FROM system_config WHERE key = 'backup.lockTimeoutMs'");
    }
    const failed = (await scheduled()).filter((b) => b.status === 'FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/lock timeout/);
    expect((await filesIn(env.dir)).some((f) => f === failed[0]!.fileName || f.endsWith('.partial'))).toBe(false);
    const [run] = await sql<{ status: string; error: string }>(env.t.database.url, "SELECT status, error FROM job_runs WHERE job = 'backup.daily' AND slot = '2026-12-01T02:00:00Z'");
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/lock timeout/) });
  });

  it('is listed as FAILED, and announced, when the backup folder cannot be made', async () => {
    // The folder's parent is a file: no folder can be made there.
    const blockedDir = path.join(env.dir, 'not-a-folder.txt', 'backups');
    await writeFile(path.join(env.dir, 'not-a-folder.txt'), 'a file');
    const pc = await anotherPc(blockedDir);
    const announced: string[] = [];
    pc.events.on('backup.progress', (p) => p.done && p.error && announced.push(p.error));
    const s = schedulerOf(pc);
    try {
      await until(() => s.isLeader(), 'leadership');
      expect(await s.tick(new Date('2026-12-02T02:10:00Z'))).toEqual(['backup.daily']);
      await jobsSettled();
    } finally {
      await s.stop();
    }
    const failed = (await scheduled()).filter((b) => b.status === 'FAILED' && b.directory === blockedDir);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/ENOTDIR|not a directory/);
    expect(announced).toEqual([failed[0]!.error]);
  });
});
