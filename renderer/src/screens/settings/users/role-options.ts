// The roles as select options, least to most rights, in the user's language.
import type { TFunction } from 'i18next';
import { ROLES, type Role } from '../../../api/contract';
import type { SelectOption } from '../shared/SelectField';

export const roleOptions = (t: TFunction): SelectOption[] => ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
