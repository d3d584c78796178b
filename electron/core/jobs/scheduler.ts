// Scheduled jobs (backups, analytics roll-ups). Only the elected PC runs them; each slot of
// a schedule runs once, claimed by a row in job_runs; a slot missed while every PC was off
// runs at the next start.
import os from 'node:os';
import { Cron } from 'croner';
import type pg from 'pg';
import type { Logger } from '../logger';
import { electLeader, type Leadership } from './leader';

export interface JobDefinition {
  name: string;
  /** A cron expression in UTC, read again at every tick so schedule edits apply. */
  schedule: () => Promise<string | null>;
  run: (slot: Date) => Promise<void>;
  /** How far back a missed slot is still worth running (default: one day). */
  catchUpMs?: number;
}

export interface Scheduler {
  isLeader(): boolean;
  /** Runs due slots now (also used by tests instead of waiting for the clock). */
  tick(now?: Date): Promise<string[]>;
  stop(): Promise<void>;
}

/** The latest slot of `expr` at or before `now`, looking back at most `windowMs`. */
export function latestSlot(expr: string, now: Date, windowMs: number): Date | null {
  const cron = new Cron(expr, { timezone: 'UTC', paused: true });
  let latest: Date | null = null;
  let from = new Date(now.getTime() - windowMs);
  // Step through the window; schedules here run at most every few minutes.
  for (let guard = 0; guard < 10_000; guard++) {
    const next = cron.nextRun(from);
    if (!next || next.getTime() > now.getTime()) break;
    latest = next;
    from = next;
  }
  return latest;
}

export function startScheduler(opts: { url: string; pool: pg.Pool; jobs: JobDefinition[]; logger: Logger; tickMs?: number; leadership?: Leadership }): Scheduler {
  const { pool, jobs, logger } = opts;
  const leadership = opts.leadership ?? electLeader({ url: opts.url, logger, onChange: (leader) => leader && void tick() });
  const running = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function claim(job: string, slot: Date): Promise<boolean> {
    const { rowCount } = await pool.query(
      `INSERT INTO job_runs (job, slot, status, started_at, host) VALUES ($1, $2, 'running', now(), $3) ON CONFLICT (job, slot) DO NOTHING`,
      [job, slot, os.hostname()],
    );
    return rowCount === 1;
  }

  async function finish(job: string, slot: Date, error: unknown): Promise<void> {
    await pool.query(`UPDATE job_runs SET status = $3, finished_at = now(), error = $4 WHERE job = $1 AND slot = $2`, [
      job,
      slot,
      error ? 'failed' : 'done',
      error ? String((error as Error).message ?? error).slice(0, 2000) : null,
    ]);
  }

  async function tick(now = new Date()): Promise<string[]> {
    if (stopped || !leadership.isLeader()) return [];
    const started: string[] = [];
    for (const job of jobs) {
      if (running.has(job.name)) continue;
      try {
        const expr = await job.schedule();
        if (!expr) continue;
        const slot = latestSlot(expr, now, job.catchUpMs ?? 24 * 3600_000);
        if (!slot || !(await claim(job.name, slot))) continue;
        running.add(job.name);
        started.push(job.name);
        void job
          .run(slot)
          .then(
            () => null,
            (error: unknown) => {
              logger.error(`scheduled job ${job.name} failed`, error);
              return error;
            },
          )
          .then((error) => {
            // Free the job before recording the outcome, so whoever sees the outcome can run the next slot.
            running.delete(job.name);
            return finish(job.name, slot, error);
          })
          .catch(() => undefined);
      } catch (error) {
        logger.warn(`scheduling ${job.name} failed`, { message: (error as Error).message });
      }
    }
    return started;
  }

  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().finally(loop);
    }, opts.tickMs ?? 30_000);
  };
  loop();

  return {
    isLeader: () => leadership.isLeader(),
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await leadership.stop();
    },
  };
}
