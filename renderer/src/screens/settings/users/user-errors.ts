// Turns what users.* calls answer into words for the form: the server's own field texts
// in the user's language, the last-super-admin refusal, and a stale version (reload offered).
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../api/client';
import { errorText, fieldText } from '../../../lib/error-text';
import type { FieldErrors } from '../../../lib/field-errors';

// Texts of electron/core/services/{users,passwords}.ts; anything else goes through the shared mapping.
const SERVER_FIELD_TEXT = {
  'This password is too common or contains your email. Choose another.': 'users.errors.weakPassword',
  'This email is already in use.': 'users.errors.emailTaken',
} as const;

// users.update's guard; matched on its text because it is a CONFLICT like a stale version.
const LAST_SUPER_ADMIN = /last active SUPER_ADMIN/i;

export function userFieldText(t: TFunction, message: string | undefined): string | undefined {
  if (message !== undefined && Object.prototype.hasOwnProperty.call(SERVER_FIELD_TEXT, message)) {
    return t(SERVER_FIELD_TEXT[message as keyof typeof SERVER_FIELD_TEXT]);
  }
  return fieldText(t, message);
}

export interface UserProblem {
  /** The form-level message, or null when the field messages say it all. */
  message: string | null;
  fields: FieldErrors;
  /** The user changed elsewhere since the list was read: the only way on is to reload. */
  stale: boolean;
}

export function describeUserError(t: TFunction, error: ApiError): UserProblem {
  // Raw texts: the form words each one with userFieldText where it shows it.
  const fields: FieldErrors = { ...error.fields };
  const hasFields = Object.keys(fields).length > 0;
  if (error.code === 'CONFLICT') {
    if (LAST_SUPER_ADMIN.test(error.message)) return { message: t('users.errors.lastSuperAdmin'), fields, stale: false };
    // A taken email comes back as a field; anything else means the row moved on since it was read.
    if (hasFields) return { message: t('errors.VALIDATION'), fields, stale: false };
    return { message: t('users.errors.stale'), fields, stale: true };
  }
  if (error.code === 'NOT_FOUND') return { message: errorText(t, error), fields, stale: true };
  return { message: errorText(t, error), fields, stale: false };
}
