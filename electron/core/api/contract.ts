// The one declaration of every channel: its name, zod input schema, least role and
// output type. Handlers, the preload and the renderer's client are all typed from it.
// It imports neither Node nor React, so the renderer may import it for form validation.
import { z } from 'zod';
import type {
  AuditEntryDto,
  CsvFileDto,
  Page,
  Role,
  SessionDto,
  SetupStateDto,
  StatusDto,
  UserDto,
} from './dto';
import { ROLES } from './dto';
import type { BulkResultDto, CarDto, CarFacetsDto, CarHistoryEntryDto, CarPageDto, CarRowDto, CarViewsPointDto, CsvImportResultDto } from './dto-cars';
import {
  carBulkInput,
  carCreateInput,
  carCsvInput,
  carExportInput,
  carFilters,
  carIdInput,
  carsListInput,
  carStatusInput,
  carUpdateInput,
  carVersionedIdInput,
  mediaUploadInput,
  slugPreviewInput,
} from './schemas/cars';
import type { BackupDto, BackupScheduleDto, BackupToolsDto } from './dto-backups';
import { backupScheduleInput } from './schemas/backups';
import type { DashboardDto, VitalsDto } from './dto-analytics';
import { analyticsDashboardInput, analyticsVitalsInput } from './schemas/analytics';
import type { ConnectionDto, HealthDto, SaveConnectionResultDto, SystemConfigEntryDto, TestConnectionResultDto, VacuumStartDto } from './dto-settings';
import { copyToServerInput, saveConnectionInput, systemConfigSetInput, testConnectionInput, vacuumInput } from './schemas/settings';
import type { AssigneeDto, LeadCountsDto, LeadDto, LeadPageDto, SubscriberDto } from './dto-leads';
import {
  leadActivityInput,
  leadAssignInput,
  leadBulkInput,
  leadCreateInput,
  leadEraseInput,
  leadExportInput,
  leadFilters,
  leadFollowUpInput,
  leadMergeInput,
  leadNoteEditInput,
  leadNoteInput,
  leadsListInput,
  leadStatusInput,
  subscriberIdInput,
  subscribersExportInput,
  subscribersListInput,
} from './schemas/leads';

/** 'public' channels need no session (sign-in and first-run setup). */
export type Access = 'public' | Role;

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type only. */
  readonly _output?: O;
}

const channel = <O>() => <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });

// ─── Shared field rules ─────────────────────────────────────────────────────

export const PASSWORD_MIN = 10;
/** bcrypt reads 72 bytes at most; longer input would be silently truncated, so it is refused. */
export const PASSWORD_MAX_BYTES = 72;

export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Enter a valid email address.' }));
export const passwordField = z
  .string()
  .min(1, 'Enter a password.')
  .max(PASSWORD_MAX_BYTES * 4)
  .refine((s) => new TextEncoder().encode(s).length <= PASSWORD_MAX_BYTES, `A password may be at most ${PASSWORD_MAX_BYTES} bytes.`);
export const newPasswordField = passwordField.refine((s) => s.length >= PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`);
export const idField = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id.');
export const nameField = z.string().trim().min(1, 'Enter a name.').max(120);
export const roleField = z.enum(ROLES);
export const cursorField = z.string().max(200).nullish();
export const limitField = z.number().int().min(1).max(200).default(50);
const isoDate = z.iso.datetime({ offset: true });
const empty = z.strictObject({});

// ─── Channel inputs ─────────────────────────────────────────────────────────

export const setupInput = z.strictObject({ email: emailField, name: nameField, password: newPasswordField });
export const signInInput = z.strictObject({ email: emailField, password: passwordField, remember: z.boolean().default(false) });
export const changePasswordInput = z.strictObject({ currentPassword: passwordField, newPassword: newPasswordField });
export const userCreateInput = z.strictObject({
  email: emailField,
  name: nameField,
  role: roleField,
  temporaryPassword: newPasswordField,
});
export const userUpdateInput = z.strictObject({
  id: idField,
  version: z.number().int().min(1),
  name: nameField.optional(),
  role: roleField.optional(),
  isActive: z.boolean().optional(),
});
export const userResetPasswordInput = z.strictObject({ id: idField, temporaryPassword: newPasswordField });
export const auditListInput = z.strictObject({
  userId: idField.nullish(),
  action: z.string().max(80).nullish(),
  entityType: z.string().max(80).nullish(),
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  cursor: cursorField,
  limit: limitField,
});
export const auditExportInput = auditListInput.omit({ cursor: true, limit: true });

// ─── The contract ───────────────────────────────────────────────────────────

export const contract = {
  'auth.setupState': channel<SetupStateDto>()(empty, 'public'),
  'auth.setup': channel<SessionDto>()(setupInput, 'public'),
  'auth.signIn': channel<SessionDto>()(signInInput, 'public'),
  /** Resumes a session kept in the keychain ("keep me signed in on this PC"). */
  'auth.resume': channel<SessionDto | null>()(empty, 'public'),
  'auth.signOut': channel<null>()(empty, 'VIEWER'),
  'auth.me': channel<SessionDto>()(empty, 'VIEWER'),
  'auth.changePassword': channel<null>()(changePasswordInput, 'VIEWER'),

  'users.list': channel<UserDto[]>()(empty, 'SUPER_ADMIN'),
  'users.create': channel<UserDto>()(userCreateInput, 'SUPER_ADMIN'),
  'users.update': channel<UserDto>()(userUpdateInput, 'SUPER_ADMIN'),
  'users.resetPassword': channel<UserDto>()(userResetPasswordInput, 'SUPER_ADMIN'),

  'audit.list': channel<Page<AuditEntryDto>>()(auditListInput, 'SUPER_ADMIN'),
  'audit.get': channel<AuditEntryDto>()(z.strictObject({ id: z.string().regex(/^\d{1,19}$/, 'Not a valid id.') }), 'SUPER_ADMIN'),
  'audit.exportCsv': channel<CsvFileDto>()(auditExportInput, 'SUPER_ADMIN'),

  'system.status': channel<StatusDto>()(empty, 'VIEWER'),

  'cars.list': channel<CarPageDto>()(carsListInput, 'VIEWER'),
  'cars.facets': channel<CarFacetsDto>()(carFilters, 'VIEWER'),
  'cars.get': channel<CarDto>()(carIdInput, 'VIEWER'),
  'cars.related': channel<CarRowDto[]>()(carIdInput, 'VIEWER'),
  'cars.history': channel<CarHistoryEntryDto[]>()(carIdInput, 'VIEWER'),
  'cars.views': channel<CarViewsPointDto[]>()(carIdInput, 'VIEWER'),
  'cars.featured': channel<CarRowDto[]>()(empty, 'VIEWER'),
  'cars.brandModels': channel<{ model: string; count: number }[]>()(z.strictObject({ brand: z.string().trim().min(1).max(60) }), 'VIEWER'),
  'cars.exportCsv': channel<CsvFileDto>()(carExportInput, 'VIEWER'),
  'cars.slugPreview': channel<string>()(slugPreviewInput, 'ADMIN'),
  'cars.create': channel<CarDto>()(carCreateInput, 'ADMIN'),
  'cars.update': channel<CarDto>()(carUpdateInput, 'ADMIN'),
  'cars.setStatus': channel<CarDto>()(carStatusInput, 'ADMIN'),
  'cars.delete': channel<CarDto>()(carVersionedIdInput, 'ADMIN'),
  'cars.restore': channel<CarDto>()(carIdInput, 'ADMIN'),
  'cars.purge': channel<null>()(carIdInput, 'SUPER_ADMIN'),
  'cars.bulk': channel<BulkResultDto>()(carBulkInput, 'ADMIN'),
  'cars.importCsv': channel<CsvImportResultDto>()(carCsvInput, 'ADMIN'),
  'media.upload': channel<{ url: string }>()(mediaUploadInput, 'ADMIN'),

  'leads.list': channel<LeadPageDto>()(leadsListInput, 'VIEWER'),
  'leads.counts': channel<LeadCountsDto>()(leadFilters, 'VIEWER'),
  'leads.get': channel<LeadDto>()(z.strictObject({ id: idField }), 'VIEWER'),
  'leads.assignees': channel<AssigneeDto[]>()(empty, 'VIEWER'),
  'leads.create': channel<LeadDto>()(leadCreateInput, 'ADMIN'),
  'leads.setStatus': channel<LeadDto>()(leadStatusInput, 'ADMIN'),
  'leads.assign': channel<LeadDto>()(leadAssignInput, 'ADMIN'),
  'leads.addNote': channel<LeadDto>()(leadNoteInput, 'ADMIN'),
  'leads.editNote': channel<LeadDto>()(leadNoteEditInput, 'ADMIN'),
  'leads.addActivity': channel<LeadDto>()(leadActivityInput, 'ADMIN'),
  'leads.setFollowUp': channel<LeadDto>()(leadFollowUpInput, 'ADMIN'),
  'leads.merge': channel<LeadDto>()(leadMergeInput, 'ADMIN'),
  'leads.bulk': channel<{ updated: number; skipped: { id: string; reason: string }[] }>()(leadBulkInput, 'ADMIN'),
  'leads.exportCsv': channel<CsvFileDto>()(leadExportInput, 'ADMIN'),
  'leads.erase': channel<{ erased: number }>()(leadEraseInput, 'SUPER_ADMIN'),
  'newsletter.list': channel<Page<SubscriberDto>>()(subscribersListInput, 'VIEWER'),
  'newsletter.unsubscribe': channel<SubscriberDto>()(subscriberIdInput, 'ADMIN'),
  'newsletter.exportCsv': channel<CsvFileDto>()(subscribersExportInput, 'ADMIN'),

  // Managers' dashboards (read-only): KPIs and charts of a range, and web vitals per day.
  'analytics.dashboard': channel<DashboardDto>()(analyticsDashboardInput, 'VIEWER'),
  'analytics.vitals': channel<VitalsDto>()(analyticsVitalsInput, 'VIEWER'),

  'backups.list': channel<BackupDto[]>()(empty, 'SUPER_ADMIN'),
  'backups.tools': channel<BackupToolsDto>()(empty, 'SUPER_ADMIN'),
  'backups.run': channel<{ jobId: string; backupId: string }>()(z.strictObject({ kind: z.enum(['FULL', 'PLAIN_SQL']).default('FULL') }), 'SUPER_ADMIN'),
  'backups.cancel': channel<{ cancelled: boolean }>()(z.strictObject({ jobId: z.string().min(1).max(120) }), 'SUPER_ADMIN'),
  'backups.verify': channel<BackupDto>()(z.strictObject({ id: idField }), 'SUPER_ADMIN'),
  'backups.restore': channel<{ jobId: string }>()(z.strictObject({ id: idField, confirmDatabase: z.string().min(1).max(63) }), 'SUPER_ADMIN'),
  'backups.import': channel<BackupDto>()(z.strictObject({ path: z.string().trim().min(1).max(1000) }), 'SUPER_ADMIN'),
  'backups.delete': channel<null>()(z.strictObject({ id: idField }), 'SUPER_ADMIN'),
  'backups.getSchedule': channel<BackupScheduleDto>()(empty, 'SUPER_ADMIN'),
  'backups.setSchedule': channel<BackupScheduleDto>()(backupScheduleInput, 'SUPER_ADMIN'),

  // Settings → Connection, System configuration and Health (all SUPER_ADMIN).
  'settings.getConnection': channel<ConnectionDto>()(empty, 'SUPER_ADMIN'),
  'settings.testConnection': channel<TestConnectionResultDto>()(testConnectionInput, 'SUPER_ADMIN'),
  'settings.saveConnection': channel<SaveConnectionResultDto>()(saveConnectionInput, 'SUPER_ADMIN'),
  /** Starts the copy; progress and the outcome come as 'backup.progress' events of the job. */
  'settings.copyToServer': channel<{ jobId: string }>()(copyToServerInput, 'SUPER_ADMIN'),
  'settings.systemConfig.list': channel<SystemConfigEntryDto[]>()(empty, 'SUPER_ADMIN'),
  'settings.systemConfig.set': channel<SystemConfigEntryDto>()(systemConfigSetInput, 'SUPER_ADMIN'),
  'health.get': channel<HealthDto>()(empty, 'SUPER_ADMIN'),
  /** Starts VACUUM (ANALYZE); progress comes as 'maintenance.progress' events. */
  'health.vacuum': channel<VacuumStartDto>()(vacuumInput, 'SUPER_ADMIN'),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

const RANK: Record<Role, number> = { VIEWER: 1, ADMIN: 2, SUPER_ADMIN: 3 };
/** Whether a role reaches a channel's least role. */
export const roleAllows = (role: Role, access: Access): boolean => access === 'public' || RANK[role] >= RANK[access];
