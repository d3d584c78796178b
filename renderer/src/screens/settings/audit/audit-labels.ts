// The actions and entity types the audit log knows by name, worded in the user's language.
// An action or entity not listed here (one a later feature adds) shows as its raw code.
import type { TFunction } from 'i18next';
import type { Messages } from '../../../i18n/en';

type ActionKey = keyof Messages['audit']['actions'];
type EntityKey = keyof Messages['audit']['entityTypes'];

/** Action code (as the services write it) → its label key. Order is the filter's order. */
export const KNOWN_ACTIONS = {
  'auth.signIn': 'authSignIn',
  'auth.signInFailed': 'authSignInFailed',
  'auth.signOut': 'authSignOut',
  'user.create': 'userCreate',
  'user.update': 'userUpdate',
  'user.deactivate': 'userDeactivate',
  'user.reactivate': 'userReactivate',
  'user.resetPassword': 'userResetPassword',
  'user.changePassword': 'userChangePassword',
  'car.create': 'carCreate',
  'car.update': 'carUpdate',
  'car.update.price': 'carUpdatePrice',
  'car.status': 'carStatus',
  'car.delete': 'carDelete',
  'car.restore': 'carRestore',
  'car.purge': 'carPurge',
} as const satisfies Record<string, ActionKey>;

export const KNOWN_ENTITY_TYPES = ['User', 'Car'] as const satisfies readonly EntityKey[];

const has = <T extends object>(record: T, key: string): key is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(record, key);

export function actionLabel(t: TFunction, action: string): string {
  return has(KNOWN_ACTIONS, action) ? t(`audit.actions.${KNOWN_ACTIONS[action]}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return (KNOWN_ENTITY_TYPES as readonly string[]).includes(entityType) ? t(`audit.entityTypes.${entityType as EntityKey}`) : entityType;
}
