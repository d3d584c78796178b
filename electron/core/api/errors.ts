// The error shape every channel answers with. Plain data only: it crosses IPC and HTTP.

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined) → message, for forms. */
  fields?: Record<string, string>;
  /** Extra plain data a screen may use, e.g. retryAfterSeconds or the current row on CONFLICT. */
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services; the router turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, extra?: { fields?: Record<string, string>; details?: Record<string, unknown> }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra?.fields) this.fields = extra.fields;
    if (extra?.details) this.details = extra.details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.details) body.details = this.details;
    return body;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} was not found.`);
export const conflict = (message: string, details?: Record<string, unknown>): AppError =>
  new AppError('CONFLICT', message, details ? { details } : undefined);
export const forbidden = (message = 'Your role does not allow this.'): AppError => new AppError('FORBIDDEN', message);
export const validation = (message: string, fields?: Record<string, string>): AppError =>
  new AppError('VALIDATION', message, fields ? { fields } : undefined);
