// Turns anything a handler throws into the documented error body. Internal details
// (SQL, stack, connection strings) are logged here and never cross the boundary.
import { z } from 'zod';
import type { Logger } from '../logger';
import { AppError, type ApiErrorBody } from './errors';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P03', '08006', '08001', '08004']);

function codeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The PostgreSQL code under a driver or Prisma wrapper (cause.code, cause.originalCode, meta.code). */
function causeCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { cause?: { code?: unknown; originalCode?: unknown }; meta?: { code?: unknown } };
  for (const c of [e.cause?.originalCode, e.cause?.code, e.meta?.code]) if (typeof c === 'string') return c;
  return undefined;
}

export function mapError(error: unknown, logger: Logger, channel: string): ApiErrorBody {
  if (error instanceof AppError) return error.toBody();
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    return { code: 'VALIDATION', message: 'Some fields need attention.', fields };
  }
  const direct = codeOf(error);
  const inner = causeCode(error);
  // Prisma wraps driver errors (P2010 and friends); the database's own code decides.
  const code = direct && /^P20(10|37)$/.test(direct) && inner ? inner : direct;
  // Prisma's known request errors.
  if (code === 'P2002') return { code: 'CONFLICT', message: 'Another record already uses this value.' };
  if (code === 'P2025') return { code: 'NOT_FOUND', message: 'The record was not found; it may have been deleted.' };
  if (code === 'P2034' || code === '40001' || code === '40P01') {
    return { code: 'CONFLICT', message: 'Someone else changed this at the same moment. Try again.' };
  }
  if (code === '23505') return { code: 'CONFLICT', message: 'Another record already uses this value.' };
  if (code === '57014' || inner === '57014') return { code: 'UNAVAILABLE', message: 'The database took too long to answer. Try again.' };
  if (code === '23514' || inner === '23514') return { code: 'VALIDATION', message: 'A value is outside what the database accepts.' };
  if (inner === '23505') return { code: 'CONFLICT', message: 'Another record already uses this value.' };
  if ((code && CONNECTION_CODES.has(code)) || (inner && CONNECTION_CODES.has(inner)) || code === 'P1001' || code === 'P1017') {
    logger.warn(`${channel}: database unavailable`, { code: code ?? inner });
    return { code: 'UNAVAILABLE', message: 'The database server cannot be reached. Check the connection in Settings.' };
  }
  logger.error(`${channel} failed`, error);
  return { code: 'INTERNAL', message: 'Something went wrong. The error was logged.' };
}
