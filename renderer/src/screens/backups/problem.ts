// Words for a failed call on the admin screens. The main process's own message is specific
// and plain (which tool to install, why a restore was refused), so it is shown as it is;
// codes whose message says nothing more get the translated generic text.
import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/client';
import { errorText } from '../../lib/error-text';

const GENERIC = new Set(['INTERNAL', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

export function problemText(t: TFunction, error: ApiError): string {
  if (GENERIC.has(error.code) || !error.message || error.message === 'Some fields need attention.') return errorText(t, error);
  return error.message;
}
