// Shared set-up of the analytics tests: a core on a seeded database (the seed's generator
// with a fixed seed, history ending two minutes ago so that today has rows), signed-in
// users, raw-row inserts, and the comparison of a dashboard with its raw-SQL definition.
import type pg from 'pg';
import { expect } from 'vitest';
import type { DashboardDto, VitalsDto } from '../../electron/core/api/dto-analytics';
import { DEFAULT_SITE_HOSTS } from '../../electron/core/services/analytics/analytics-service';
import { seed } from '../../scripts/seed/index';
import { createTestCore, type TestClient, type TestCore } from '../support/core';
import { createRoleUsers, type RoleClients } from '../support/users';
import { rawDashboard, rawVitals } from './raw-dashboard';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export interface Fixture {
  t: TestCore;
  users: RoleClients;
  pool: pg.Pool;
  /** Start of today (UTC) when the fixture was made. */
  today: number;
}

export async function analyticsFixture(): Promise<Fixture> {
  const t = await createTestCore();
  await seed(t.database.url, { cars: 60, leads: 400, views: 8000, pageViews: 16_000, vitals: 4000, seed: 11, now: new Date(Date.now() - 120_000), analyze: false });
  const users = await createRoleUsers(t.core);
  return { t, users, pool: t.core.pool, today: Math.floor(Date.now() / DAY) * DAY };
}

/** Differences between two plain values; numbers agree to 1e-9 (relative). */
export function differences(actual: unknown, expected: unknown, path = '$', out: string[] = []): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (!(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected)))) out.push(`${path}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) out.push(`${path}: length ${actual.length} ≠ ${expected.length}`);
    for (let i = 0; i < Math.min(actual.length, expected.length); i++) differences(actual[i], expected[i], `${path}[${i}]`, out);
  } else if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const k of keys) differences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (actual !== expected) {
    out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  }
  return out;
}

/** Every number in a value is finite (no NaN or Infinity crosses the boundary). */
export function expectFinite(value: unknown): void {
  const bad: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number' && !Number.isFinite(v)) bad.push(path);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(value, '$');
  expect(bad).toEqual([]);
}

export interface Range {
  from: string;
  to: string;
  compare: boolean;
}
export const range = (fromMs: number, toMs: number, compare = true): Range => ({ from: iso(fromMs), to: iso(toMs), compare });

/** The dashboard of a range equals its raw-SQL definition, figure for figure. */
export async function expectDashboardExact(f: Fixture, client: TestClient, r: Range, label: string): Promise<DashboardDto> {
  const got = await client.ok('analytics.dashboard', r);
  expectFinite(got);
  const want = await rawDashboard(f.pool, r, { stockAt: got.stockAt, previousStockAt: got.previousStockAt, siteHosts: DEFAULT_SITE_HOSTS });
  const { rolledUpTo: _w, ...figures } = got;
  expect(differences(figures, want), label).toEqual([]);
  return got;
}

export async function expectVitalsExact(f: Fixture, client: TestClient, r: Range, path: string | null, label: string): Promise<VitalsDto> {
  const got = await client.ok('analytics.vitals', { from: r.from, to: r.to, path });
  expectFinite(got);
  expect(differences(got, await rawVitals(f.pool, { from: r.from, to: r.to, path })), `${label} (${path ?? 'all pages'})`).toEqual([]);
  return got;
}

export interface PageViewRow {
  at: number;
  path: string;
  session: string | null;
  referrer?: string | null;
}

export async function insertPageViews(pool: pg.Pool, rows: PageViewRow[]): Promise<void> {
  if (!rows.length) return;
  await pool.query(
    `INSERT INTO page_views (path, session_id, referrer, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp[])`,
    [rows.map((r) => r.path), rows.map((r) => r.session), rows.map((r) => r.referrer ?? null), rows.map((r) => iso(r.at))],
  );
}

export async function insertCarViews(pool: pg.Pool, rows: { at: number; carId: string; session?: string }[]): Promise<void> {
  if (!rows.length) return;
  await pool.query(
    `INSERT INTO car_views (car_id, session_id, created_at) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamp[])`,
    [rows.map((r) => r.carId), rows.map((r) => r.session ?? null), rows.map((r) => iso(r.at))],
  );
}

export async function insertVitals(pool: pg.Pool, rows: { at: number; name: string; value: number; path: string }[]): Promise<void> {
  if (!rows.length) return;
  await pool.query(
    `INSERT INTO web_vitals (name, value, path, created_at) SELECT * FROM unnest($1::text[], $2::float8[], $3::text[], $4::timestamp[])`,
    [rows.map((r) => r.name), rows.map((r) => r.value), rows.map((r) => r.path), rows.map((r) => iso(r.at))],
  );
}

/** Some car that exists (and has a car page). */
export async function anyCar(pool: pg.Pool): Promise<{ id: string; slug: string }> {
  const { rows } = await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM cars WHERE deleted_at IS NULL ORDER BY id LIMIT 1');
  return rows[0]!;
}

/** Leave cached aggregations out of a comparison that is about the figures, not the cache. */
export const dropCache = (f: Fixture) => f.t.core.cache.delPattern('analytics:*');
