// Password hashing and policy. bcryptjs is pure JS: only the async calls are used so the
// main process's event loop keeps serving the window while a hash is computed.
import bcrypt from 'bcryptjs';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN } from '../api/contract';
import { validation } from '../api/errors';
import { isCommonPassword } from './common-passwords';

export const BCRYPT_COST = 12;

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummy: Promise<string> | null = null;
/** A hash of a random password at the same cost: unknown users cost the same time as known ones. */
export function dummyHash(): Promise<string> {
  dummy ??= bcrypt.hash(`no-such-user-${Math.random()}`, BCRYPT_COST);
  return dummy;
}

/** Policy for a new password; throws VALIDATION naming the field. */
export function assertAcceptable(password: string, field: string, context: { email?: string; name?: string | null } = {}): void {
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) {
    throw validation('The password is too long.', { [field]: `A password may be at most ${PASSWORD_MAX_BYTES} bytes.` });
  }
  if (password.length < PASSWORD_MIN) {
    throw validation('The password is too short.', { [field]: `A password needs at least ${PASSWORD_MIN} characters.` });
  }
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (isCommonPassword(lower) || (local && local.length >= 4 && lower.includes(local))) {
    throw validation('Choose a less guessable password.', { [field]: 'This password is too common or contains your email. Choose another.' });
  }
}
