// The one error type renderer code catches: the contract's error body, as an Error.
import { ERROR_CODES, type ErrorCode } from './contract';

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Field path → message, for forms; empty when the error is not about fields. */
  readonly fields: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  /** Seconds to wait after RATE_LIMITED, when the main process said so. */
  get retryAfterSeconds(): number | null {
    const value = this.details['retryAfterSeconds'];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
  }

  /** Reads an error body (ApiErrorBody) defensively: it crossed a process boundary. */
  static fromBody(body: unknown): ApiError {
    if (!isRecord(body)) return new ApiError('INTERNAL', 'The back end sent an error the app does not understand.');
    const code = isErrorCode(body['code']) ? body['code'] : 'INTERNAL';
    const message = typeof body['message'] === 'string' ? body['message'] : code;
    return new ApiError(code, message, stringRecord(body['fields']), isRecord(body['details']) ? body['details'] : {});
  }
}

export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) if (typeof message === 'string') out[key] = message;
  return out;
}
