// Words an ApiError or a field message in the user's language.
import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client';
import { translatableMessage } from './field-errors';

export const errorText = (t: TFunction, error: ApiError): string => t(`errors.${error.code}`);

export function fieldText(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const known = translatableMessage(message);
  return known ? t(known.key, known.values ?? {}) : message;
}
