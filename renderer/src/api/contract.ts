// The renderer's single doorway to the main side: types and zod schemas of the IPC
// contract only. Nothing else under electron/ may be imported from renderer code.
export {
  contract,
  roleAllows,
  setupInput,
  signInInput,
  changePasswordInput,
  PASSWORD_MIN,
  PASSWORD_MAX_BYTES,
  userCreateInput,
  userUpdateInput,
  userResetPasswordInput,
} from '../../../electron/core/api/contract';
export type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/core/api/contract';
export { ROLES } from '../../../electron/core/api/dto';
export type { AuditEntryDto, Role, SessionDto, SetupStateDto, StatusDto, UserDto } from '../../../electron/core/api/dto';
export { ERROR_CODES } from '../../../electron/core/api/errors';
export type { ApiErrorBody, ApiResult, ErrorCode } from '../../../electron/core/api/errors';
export type { EventMap, EventName } from '../../../electron/core/api/events';
export type { KroiBridge } from '../../../electron/core/api/bridge';

// Inventory.
export { carCreateInput, carUpdateInput, carStatusInput, imageInput, carSortKeys, SLUG_PATTERN, META_TITLE_MAX, META_DESCRIPTION_MAX, CSV_MAX_BYTES, MEDIA_MAX_BYTES } from '../../../electron/core/api/schemas/cars';
export type { CarSortKey, CarFilters } from '../../../electron/core/api/schemas/cars';
export { CAR_STATUSES, FUEL_TYPES, TRANSMISSIONS, CAR_CATEGORIES, DRIVE_TYPES, CAR_STATUS_MOVES } from '../../../electron/core/api/enums';
export type { CarCategory, CarStatus, DriveType, FuelType, Transmission } from '../../../electron/core/api/enums';
export type { BulkResultDto, CarDto, CarFacetsDto, CarHistoryEntryDto, CarImageDto, CarPageDto, CarRowDto, CarViewsPointDto, CsvImportResultDto, CsvRowError, FacetCount } from '../../../electron/core/api/dto-cars';
export type { CsvFileDto } from '../../../electron/core/api/dto';

// Leads and newsletter: the same kind of contract parts as the inventory's above.
export { leadSortKeys } from '../../../electron/core/api/schemas/leads';
export { LEAD_STATUSES, LEAD_PRIORITIES, LEAD_SOURCES, CONTACT_ACTIVITY_TYPES, SUBSCRIBER_STATUSES, LEAD_STATUS_MOVES, OPEN_LEAD_STATUSES } from '../../../electron/core/api/enums';
export type { ContactActivityType, LeadPriority, LeadSource, LeadStatus, SubscriberStatus } from '../../../electron/core/api/enums';
export type { AssigneeDto, LeadActivityDto, LeadCountsDto, LeadDto, LeadNoteDto, LeadPageDto, LeadRowDto, ScoreReason, SubscriberDto } from '../../../electron/core/api/dto-leads';

// Backups and the admin's settings (connection, system configuration, health): the same kind
// of contract parts as the inventory's above.
export type { BackupDto, BackupScheduleDto, BackupToolsDto } from '../../../electron/core/api/dto-backups';
export { backupScheduleInput } from '../../../electron/core/api/schemas/backups';
export type { ConnectionDto, DatabaseTargetDto, HealthDto, JsonValue, RedisTargetDto, SslMode, SystemConfigEntryDto, TestConnectionResultDto } from '../../../electron/core/api/dto-settings';
export { SSL_MODES, CONFIG_VALUE_MAX_CHARS, databaseTargetInput, redisTargetInput } from '../../../electron/core/api/schemas/settings';

// Analytics: the dashboards' plain data and the web-vitals thresholds they are rated by.
export { VITAL_NAMES, VITAL_THRESHOLDS, rateVital, STOCK_AGE_BUCKETS } from '../../../electron/core/api/dto-analytics';
export type { AnalyticsKpisDto, CarFigureDto, DashboardDto, KpiDto, StockAgeBucket, StockAgeDto, VitalName, VitalRating, VitalsDto } from '../../../electron/core/api/dto-analytics';
