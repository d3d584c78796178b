// The connection forms' text fields as the contract's inputs: numbers parsed, the password
// sent only when typed (or null to forget the saved one), messages per field. Pure.
import type { z } from 'zod';
import { databaseTargetInput, redisTargetInput, type ConnectionDto, type SslMode } from '../../../api/contract';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';

export interface DatabaseForm {
  host: string;
  port: string;
  database: string;
  user: string;
  sslMode: SslMode;
  password: string;
  forgetPassword: boolean;
}

export interface RedisForm {
  host: string;
  port: string;
  db: string;
  tls: boolean;
  password: string;
  forgetPassword: boolean;
}

export type DatabaseTarget = z.output<typeof databaseTargetInput>;
export type RedisTarget = z.output<typeof redisTargetInput>;

const asNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function databaseForm(c: ConnectionDto): DatabaseForm {
  const saved = c.saved.database;
  if (saved) return { host: saved.host, port: String(saved.port), database: saved.database, user: saved.user, sslMode: saved.sslMode, password: '', forgetPassword: false };
  return { host: '', port: '5432', database: 'kroi', user: '', sslMode: 'prefer', password: '', forgetPassword: false };
}

export function redisForm(c: ConnectionDto): RedisForm {
  const saved = c.saved.redis;
  if (saved) return { host: saved.host, port: String(saved.port), db: String(saved.db), tls: saved.tls, password: '', forgetPassword: false };
  return { host: '', port: '6379', db: '0', tls: false, password: '', forgetPassword: false };
}

export type Parsed<T> = { ok: true; target: T; password: string | null | undefined } | { ok: false; fields: FieldErrors };

/** undefined: keep the saved password; null: forget it; a string: save it. */
const passwordOf = (form: { password: string; forgetPassword: boolean }) => (form.password ? form.password : form.forgetPassword ? null : undefined);

export function parseDatabase(form: DatabaseForm): Parsed<DatabaseTarget> {
  const parsed = databaseTargetInput.safeParse({ host: form.host, port: asNumber(form.port), database: form.database, user: form.user, sslMode: form.sslMode });
  return parsed.success ? { ok: true, target: parsed.data, password: passwordOf(form) } : { ok: false, fields: zodFieldErrors(parsed.error) };
}

export function parseRedis(form: RedisForm): Parsed<RedisTarget> {
  const parsed = redisTargetInput.safeParse({ host: form.host, port: asNumber(form.port), db: asNumber(form.db), tls: form.tls });
  return parsed.success ? { ok: true, target: parsed.data, password: passwordOf(form) } : { ok: false, fields: zodFieldErrors(parsed.error) };
}
