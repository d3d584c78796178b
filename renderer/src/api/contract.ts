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
} from '../../../electron/core/api/contract';
export type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/core/api/contract';
export { ROLES } from '../../../electron/core/api/dto';
export type { Role, SessionDto, SetupStateDto, StatusDto, UserDto } from '../../../electron/core/api/dto';
export { ERROR_CODES } from '../../../electron/core/api/errors';
export type { ApiErrorBody, ApiResult, ErrorCode } from '../../../electron/core/api/errors';
export type { EventMap, EventName } from '../../../electron/core/api/events';
export type { KroiBridge } from '../../../electron/core/api/bridge';
