// Development staff accounts: a few of each role with known passwords, upserted by e-mail
// (users cannot be truncated: the insert-only audit log refers to them).
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import type { StaffMember } from './context';
import type { UserRole } from './enums';
import { STREAM, seededId } from './random';
import { DAY_MS } from './time';

/** Same cost as the app's electron/core/services/passwords.ts (BCRYPT_COST). */
export const BCRYPT_COST = 12;

/** One password per role; long enough and uncommon enough for the app's password policy. */
export const DEV_PASSWORDS: Readonly<Record<UserRole, string>> = {
  SUPER_ADMIN: 'Kehitys-Super-2026!',
  ADMIN: 'Kehitys-Myynti-2026!',
  VIEWER: 'Kehitys-Katselu-2026!',
};

export interface DevUser {
  name: string;
  email: string;
  role: UserRole;
  isActive: boolean;
  mustChangePassword: boolean;
}

export const DEV_USERS: readonly DevUser[] = [
  { name: 'Kari Kroi', email: 'kari.kroi@kroiautocenter.fi', role: 'SUPER_ADMIN', isActive: true, mustChangePassword: false },
  { name: 'Sanna Virtanen', email: 'sanna.virtanen@kroiautocenter.fi', role: 'SUPER_ADMIN', isActive: true, mustChangePassword: false },
  { name: 'Mikko Laine', email: 'mikko.laine@kroiautocenter.fi', role: 'ADMIN', isActive: true, mustChangePassword: false },
  { name: 'Jenni Korhonen', email: 'jenni.korhonen@kroiautocenter.fi', role: 'ADMIN', isActive: true, mustChangePassword: false },
  { name: 'Antti Nieminen', email: 'antti.nieminen@kroiautocenter.fi', role: 'ADMIN', isActive: true, mustChangePassword: false },
  { name: 'Laura Mäkinen', email: 'laura.makinen@kroiautocenter.fi', role: 'ADMIN', isActive: true, mustChangePassword: true },
  { name: 'Timo Heikkinen', email: 'timo.heikkinen@kroiautocenter.fi', role: 'ADMIN', isActive: false, mustChangePassword: false },
  { name: 'Pekka Hämäläinen', email: 'pekka.hamalainen@kroiautocenter.fi', role: 'VIEWER', isActive: true, mustChangePassword: false },
  { name: 'Elina Koskinen', email: 'elina.koskinen@kroiautocenter.fi', role: 'VIEWER', isActive: true, mustChangePassword: false },
  { name: 'Oskari Järvinen', email: 'oskari.jarvinen@kroiautocenter.fi', role: 'VIEWER', isActive: true, mustChangePassword: false },
];

let hashed: Promise<Record<UserRole, string>> | null = null;

/**
 * Hashes each distinct password once per process (a second seed in the same process, as
 * in the tests, reuses the hashes). Started early by seed(), so it overlaps connecting.
 */
export function hashDevPasswords(): Promise<Record<UserRole, string>> {
  const roles = Object.keys(DEV_PASSWORDS) as UserRole[];
  hashed ??= Promise.all(roles.map((r) => bcrypt.hash(DEV_PASSWORDS[r], BCRYPT_COST))).then(
    (hashes) => Object.fromEntries(roles.map((r, i) => [r, hashes[i] as string])) as Record<UserRole, string>,
  );
  // A failed attempt is not kept: the next run tries again.
  hashed.catch(() => {
    hashed = null;
  });
  return hashed;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Inserts the accounts, or refreshes them if their e-mail is already there, and returns
 * their ids (an existing account keeps its id, so rows seeded later point at it).
 */
export async function upsertDevUsers(client: pg.ClientBase, seed: number, nowMs: number, hashes: Record<UserRole, string>): Promise<StaffMember[]> {
  const staff: StaffMember[] = [];
  for (const [i, u] of DEV_USERS.entries()) {
    const createdAt = nowMs - (400 - i * 7) * DAY_MS;
    const lastLogin = u.isActive ? nowMs - (i % 4) * DAY_MS - 3_600_000 * (i + 1) : null;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO users (id, name, email, email_verified, password_hash, role, is_active, must_change_password,
                          last_login_at, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6::"UserRole", $7, $8, $9, $10, $11, 1)
       ON CONFLICT (email) DO UPDATE SET
         name = EXCLUDED.name, password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
         is_active = EXCLUDED.is_active, must_change_password = EXCLUDED.must_change_password,
         updated_at = EXCLUDED.updated_at, version = users.version + 1
       RETURNING id`,
      [
        seededId(seed, STREAM.user, i),
        u.name,
        u.email,
        iso(createdAt),
        hashes[u.role],
        u.role,
        u.isActive,
        u.mustChangePassword,
        lastLogin === null ? null : iso(lastLogin),
        iso(createdAt),
        iso(nowMs),
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`could not upsert user ${u.email}`);
    staff.push({ id, name: u.name, role: u.role, isActive: u.isActive });
  }
  return staff;
}
