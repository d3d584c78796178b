// What the signed-in role may do with leads. A courtesy only: the main process checks every call.
import { roleAllows } from '../../api/contract';
import { useRole } from '../../stores/session';

export interface LeadsAccess {
  /** ADMIN and up: move, assign, note, log activities, merge, bulk, export, unsubscribe. */
  canWork: boolean;
  /** SUPER_ADMIN: erase a person's data on request. */
  canErase: boolean;
}

export function useLeadsAccess(): LeadsAccess {
  const role = useRole();
  return {
    canWork: role !== null && roleAllows(role, 'ADMIN'),
    canErase: role !== null && roleAllows(role, 'SUPER_ADMIN'),
  };
}
