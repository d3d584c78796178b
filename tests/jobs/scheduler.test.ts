// Scheduled jobs: one PC leads, each slot runs once, a missed slot runs at the next start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electLeader } from '../../electron/core/jobs/leader';
import { latestSlot, startScheduler, type JobDefinition } from '../../electron/core/jobs/scheduler';
import { quietLogger } from '../../electron/core/logger';
import { createTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => t?.close());

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('latestSlot', () => {
  it('finds the slot at or before now', () => {
    const now = new Date('2026-11-25T07:30:00Z');
    expect(latestSlot('0 2 * * *', now, 86_400_000)?.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(latestSlot('0 */6 * * *', now, 86_400_000)?.toISOString()).toBe('2026-11-25T06:00:00.000Z');
    expect(latestSlot('0 2 * * *', new Date('2026-11-25T01:59:00Z'), 3_600_000)).toBeNull();
  });
});

describe('two PCs with the same schedule', () => {
  // Generous timeouts: on a loaded CI box a connection can take seconds; the waits end as soon as the condition holds.
  it('one leads, and every slot runs once even when both tick at once', { timeout: 60_000 }, async () => {
    const runs: string[] = [];
    const job = (who: string): JobDefinition => ({
      name: 'test.job',
      schedule: async () => '0 2 * * *',
      run: async (slot) => {
        runs.push(`${who}@${slot.toISOString()}`);
      },
    });
    const logger = quietLogger();
    const a = startScheduler({ url: t.database.url, pool: t.core.pool, jobs: [job('a')], logger, tickMs: 3_600_000, leadership: electLeader({ url: t.database.url, logger, retryMs: 100 }) });
    const b = startScheduler({ url: t.database.url, pool: t.core.pool, jobs: [job('b')], logger, tickMs: 3_600_000, leadership: electLeader({ url: t.database.url, logger, retryMs: 100 }) });
    try {
      await waitFor(() => a.isLeader() || b.isLeader());
      await new Promise((r) => setTimeout(r, 300));
      expect([a.isLeader(), b.isLeader()].filter(Boolean)).toHaveLength(1);

      const now = new Date('2026-11-25T07:30:00Z');
      await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
      // Wait for the run to be recorded as done: until then the job counts as running and a tick skips it.
      await waitFor(async () => (await t.core.pool.query("SELECT 1 FROM job_runs WHERE job = 'test.job' AND status = 'done'")).rowCount === 1);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatch(/@2026-11-25T02:00:00.000Z$/);

      // The next day's slot: once more.
      await Promise.all([a.tick(new Date('2026-11-26T03:00:00Z')), b.tick(new Date('2026-11-26T03:00:00Z'))]);
      await waitFor(async () => (await t.core.pool.query("SELECT 1 FROM job_runs WHERE job = 'test.job' AND status = 'done'")).rowCount === 2);
      expect(runs).toHaveLength(2);

      // The leader quits: the other takes over.
      const leader = a.isLeader() ? a : b;
      const other = leader === a ? b : a;
      await leader.stop();
      await waitFor(() => other.isLeader());
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('a slot missed while every PC was off runs at the next start, a failure is recorded', async () => {
    const logger = quietLogger();
    let ran = 0;
    const s = startScheduler({
      url: t.database.url,
      pool: t.core.pool,
      logger,
      tickMs: 3_600_000,
      leadership: electLeader({ url: t.database.url, logger, retryMs: 100 }),
      jobs: [
        { name: 'missed.job', schedule: async () => '0 2 * * *', run: async () => void ran++ },
        { name: 'failing.job', schedule: async () => '0 2 * * *', run: async () => { throw new Error('disk full'); } },
      ],
    });
    try {
      await waitFor(() => s.isLeader());
      // "Now" is hours after the 02:00 slot: nobody ran it, so it runs at start.
      await s.tick(new Date('2026-11-25T09:00:00Z'));
      await waitFor(async () => (await t.core.pool.query("SELECT 1 FROM job_runs WHERE job = 'failing.job' AND status = 'failed'")).rowCount === 1);
      expect(ran).toBe(1);
      const { rows } = await t.core.pool.query("SELECT error FROM job_runs WHERE job = 'failing.job'");
      expect(rows[0].error).toContain('disk full');
    } finally {
      await s.stop();
    }
  });
});
