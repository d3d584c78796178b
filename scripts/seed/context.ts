// What every generator needs to know about the run: the seed, "now", the staff accounts
// rows refer to, and the calendars that give timestamps their daily and weekly rhythm.
import { Calendar, SHOWROOM_HOURS, SHOWROOM_WEEKDAYS, WEB_HOURS, WEB_WEEKDAYS } from './time';
import type { UserRole } from './enums';

export interface StaffMember {
  id: string;
  name: string;
  role: UserRole;
  isActive: boolean;
}

export interface SeedContext {
  seed: number;
  nowMs: number;
  staff: readonly StaffMember[];
  /** Active SUPER_ADMIN and ADMIN users: who lists cars. */
  editors: readonly StaffMember[];
  /** Active ADMIN users: who leads are assigned to. */
  sales: readonly StaffMember[];
  /** Website traffic over the analytics window. */
  web: Calendar;
  /** Website traffic over the past year (leads arrive with the same rhythm). */
  webYear: Calendar;
  /** Showroom opening hours over the past year (stock-keeping, phone calls, meetings). */
  showroom: Calendar;
}

export const ANALYTICS_DAYS = 182;
export const HISTORY_DAYS = 370;

export function createContext(seed: number, nowMs: number, staff: readonly StaffMember[]): SeedContext {
  const editors = staff.filter((s) => s.isActive && (s.role === 'ADMIN' || s.role === 'SUPER_ADMIN'));
  const sales = staff.filter((s) => s.isActive && s.role === 'ADMIN');
  if (editors.length === 0 || sales.length === 0) throw new Error('seed needs at least one active ADMIN user');
  return {
    seed,
    nowMs,
    staff,
    editors,
    sales,
    web: new Calendar(nowMs, ANALYTICS_DAYS, { hours: WEB_HOURS, weekdays: WEB_WEEKDAYS, growth: 1.25, wobble: 0.12 }),
    webYear: new Calendar(nowMs, HISTORY_DAYS, { hours: WEB_HOURS, weekdays: WEB_WEEKDAYS, growth: 1.3, wobble: 0.15 }),
    showroom: new Calendar(nowMs, HISTORY_DAYS, { hours: SHOWROOM_HOURS, weekdays: SHOWROOM_WEEKDAYS, wobble: 0.1 }),
  };
}

