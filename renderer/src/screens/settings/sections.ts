// The sections of Settings, in tab order. A later section (connection, backup schedule,
// system configuration, health) is one entry here, a label under settings.sections in
// both i18n files, and its component.
import type { ComponentType } from 'react';
import { AuditSection } from './audit/AuditSection';
import { GeneralSection } from './general/GeneralSection';
import { UsersSection } from './users/UsersSection';
import { ConnectionSection } from './connection/ConnectionSection';
import { SystemConfigSection } from './system-config/SystemConfigSection';
import { HealthSection } from './health/HealthSection';

export type SettingsSectionId = 'general' | 'users' | 'audit' | 'connection' | 'config' | 'health';

export interface SettingsSection {
  id: SettingsSectionId;
  Component: ComponentType;
}

export const SETTINGS_PATH = '/settings';

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'general', Component: GeneralSection },
  { id: 'users', Component: UsersSection },
  { id: 'audit', Component: AuditSection },
  { id: 'connection', Component: ConnectionSection },
  { id: 'config', Component: SystemConfigSection },
  { id: 'health', Component: HealthSection },
];

export const sectionPath = (id: SettingsSectionId): string => `${SETTINGS_PATH}/${id}`;
