// The five areas of the main frame, in sidebar order; Alt+N opens the Nth.
import { roleAllows, type Role } from '../api/contract';

export type ScreenId = 'inventory' | 'leads' | 'analytics' | 'backups' | 'settings';

export interface ScreenDef {
  id: ScreenId;
  path: `/${ScreenId}`;
  /** Least role that sees the entry; the main process enforces the same on every channel. */
  access: Role;
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'inventory', path: '/inventory', access: 'VIEWER' },
  { id: 'leads', path: '/leads', access: 'VIEWER' },
  { id: 'analytics', path: '/analytics', access: 'VIEWER' },
  { id: 'backups', path: '/backups', access: 'SUPER_ADMIN' },
  { id: 'settings', path: '/settings', access: 'SUPER_ADMIN' },
];

export const HOME_PATH = '/inventory';
export const ACCOUNT_PATH = '/account';

export const canSee = (role: Role, screen: ScreenDef): boolean => roleAllows(role, screen.access);

export const visibleScreens = (role: Role): ScreenDef[] => SCREENS.filter((screen) => canSee(role, screen));
