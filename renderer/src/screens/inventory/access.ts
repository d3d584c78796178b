// What the signed-in role may do here. A courtesy only: the main process checks every call.
import { roleAllows } from '../../api/contract';
import { useRole } from '../../stores/session';

export interface InventoryAccess {
  /** ADMIN and up: create, edit, status, trash, bulk, import. */
  canEdit: boolean;
  /** SUPER_ADMIN: delete permanently from the trash. */
  canPurge: boolean;
}

export function useInventoryAccess(): InventoryAccess {
  const role = useRole();
  return {
    canEdit: role !== null && roleAllows(role, 'ADMIN'),
    canPurge: role !== null && roleAllows(role, 'SUPER_ADMIN'),
  };
}
