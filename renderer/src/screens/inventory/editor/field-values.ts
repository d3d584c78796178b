// Names and values of a car's fields in the user's words, for the history and the conflict view.
import type { TFunction } from 'i18next';
import { CAR_CATEGORIES, CAR_STATUSES, DRIVE_TYPES, FUEL_TYPES, TRANSMISSIONS } from '../../../api/contract';
import { en, type Messages } from '../../../i18n/en';
import { DASH, formatDate, formatEur, formatKm } from '../format';

type FieldKey = keyof Messages['inventory']['fields'];

const isFieldKey = (name: string): name is FieldKey => Object.prototype.hasOwnProperty.call(en.inventory.fields, name);

export function fieldName(t: TFunction, name: string): string {
  return isFieldKey(name) ? t(`inventory.fields.${name}`) : name;
}

const MONEY = new Set(['priceEur', 'purchasePriceEur', 'soldPriceEur']);
const DATES = new Set(['soldAt', 'stockedAt', 'deletedAt', 'createdAt', 'updatedAt']);
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field's value as a short text. Values come from the audit log as plain JSON, so every shape is checked. */
export function describeValue(t: TFunction, name: string, value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (MONEY.has(name) && typeof value === 'number') return formatEur(value);
  if (name === 'mileageKm' && typeof value === 'number') return formatKm(value);
  if (DATES.has(name) && typeof value === 'string') return formatDate(value, language);
  if (name === 'status' && isOneOf(CAR_STATUSES, value)) return t(`inventory.status.${value}`);
  if (name === 'fuelType' && isOneOf(FUEL_TYPES, value)) return t(`inventory.fuel.${value}`);
  if (name === 'transmission' && isOneOf(TRANSMISSIONS, value)) return t(`inventory.transmission.${value}`);
  if (name === 'category' && isOneOf(CAR_CATEGORIES, value)) return t(`inventory.category.${value}`);
  if (name === 'driveType' && isOneOf(DRIVE_TYPES, value)) return t(`inventory.driveType.${value}`);
  if (typeof value === 'boolean') return value ? t('inventory.yes') : t('inventory.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return DASH;
    if (name === 'images') {
      const alts = value.map((image) => (isRecord(image) && typeof image['alt'] === 'string' ? image['alt'] : '?'));
      return `${t('inventory.history.pictures', { count: value.length })}: ${alts.join(', ')}`;
    }
    if (name === 'specifications') {
      return value.map((spec) => (isRecord(spec) ? `${String(spec['label'] ?? '')}: ${String(spec['value'] ?? '')}` : String(spec))).join('; ');
    }
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  }
  if (typeof value === 'number') return new Intl.NumberFormat('fi-FI').format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
