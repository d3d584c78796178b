// Turns zod issues and the main process's `fields` into per-field messages, and maps the
// contract's English rule texts onto translation keys so both show in the user's language.
import type { z } from 'zod';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN } from '../api/contract';

export type FieldErrors = Record<string, string>;

/** First message per field (dot-joined path); a form shows one problem per field at a time. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export type ValidationKey =
  | 'validation.email'
  | 'validation.passwordRequired'
  | 'validation.passwordTooLong'
  | 'validation.passwordTooShort'
  | 'validation.nameRequired'
  | 'validation.tooLong';

export interface Translatable {
  key: ValidationKey;
  values?: Record<string, number>;
}

// The contract's own messages (see electron/core/api/contract.ts). Unknown ones pass through as they are.
const KNOWN: Record<string, Translatable> = {
  'Enter a valid email address.': { key: 'validation.email' },
  'Enter a password.': { key: 'validation.passwordRequired' },
  [`A password may be at most ${PASSWORD_MAX_BYTES} bytes.`]: { key: 'validation.passwordTooLong', values: { max: PASSWORD_MAX_BYTES } },
  [`A password needs at least ${PASSWORD_MIN} characters.`]: { key: 'validation.passwordTooShort', values: { min: PASSWORD_MIN } },
  'Enter a name.': { key: 'validation.nameRequired' },
};

export function translatableMessage(message: string): Translatable | null {
  if (Object.prototype.hasOwnProperty.call(KNOWN, message)) return KNOWN[message] ?? null;
  // zod's built-in length message, e.g. "Too big: expected string to have <=120 characters".
  if (/^Too big\b/.test(message)) return { key: 'validation.tooLong' };
  return null;
}
