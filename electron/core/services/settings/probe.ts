// "Test connection": one short-lived connection to a PostgreSQL or Redis server with short
// timeouts, answered as plain data. A failure is ok:false with a sentence that says what to
// check; never a stack, never the password (it is scrubbed from any driver message).
import { isIP } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { DatabaseTargetDto, RedisTargetDto, TestConnectionResultDto } from '../../api/dto-settings';
import { serverUrl } from '../../config';
import { redact } from '../../logger';

export const DB_CONNECT_TIMEOUT_MS = 3000;
export const REDIS_CONNECT_TIMEOUT_MS = 1000;

const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** Removes the password (also URL-encoded) and anything that looks like a credential. */
export function scrub(text: string, password: string | null | undefined): string {
  let out = text;
  if (password) for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  return redact(out);
}

type DriverError = Error & { code?: string };

export function databaseProblem(error: unknown, target: DatabaseTargetDto, password: string | null | undefined): string {
  const e = (error instanceof Error ? error : new Error(String(error))) as DriverError;
  const where = `${target.host}:${target.port}`;
  const text = e.message ?? '';
  if (e.code === 'ECONNREFUSED') return `Nothing answers at ${where} (connection refused). Check the address and port, and that PostgreSQL accepts connections from this PC.`;
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return `The server name ${target.host} is not known. Check the spelling, or use its IP address.`;
  if (e.code === 'ETIMEDOUT' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' || /timeout|timed out/i.test(text)) {
    return `${where} did not answer within ${DB_CONNECT_TIMEOUT_MS / 1000} seconds. Check the address, the port and any firewall between this PC and the server.`;
  }
  if (/terminated unexpectedly|ECONNRESET/i.test(text) || e.code === 'ECONNRESET') return `${where} closed the connection without answering. Check that it is a PostgreSQL server and that it accepts connections from this PC.`;
  if (e.code === '28P01') return `The server refused the user name or password for "${target.user}".`;
  if (e.code === '3D000') return `The database "${target.database}" does not exist on ${where}.`;
  if (e.code === '28000') return `The server does not let "${target.user}" connect from this PC: ${scrub(text, password)}`;
  if (/does not support SSL/i.test(text)) return 'The server does not offer SSL. Enable SSL on the server, or choose the SSL mode "disable" on a trusted network.';
  if (/certificate|self[- ]signed/i.test(text)) return `The server's SSL certificate was not accepted: ${scrub(text, password)}`;
  return `The connection failed: ${scrub(text, password) || 'no reason given'}`;
}

export function redisProblem(error: unknown, target: RedisTargetDto, password: string | null | undefined): string {
  const e = (error instanceof Error ? error : new Error(String(error))) as DriverError;
  const where = `${target.host}:${target.port}`;
  const text = e.message ?? '';
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text)) return `Nothing answers at ${where} (connection refused). Check the address and port.`;
  if (e.code === 'ENOTFOUND' || /ENOTFOUND|EAI_AGAIN/.test(text)) return `The server name ${target.host} is not known. Check the spelling, or use its IP address.`;
  if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(text)) return 'Redis refused the password (or needs one).';
  if (/Protocol error/i.test(text)) return `${where} does not answer like a Redis server. Check the port (and whether it needs TLS).`;
  if (/timeout|timed out|ETIMEDOUT|Connection is closed/i.test(text)) return `${where} did not answer within ${REDIS_CONNECT_TIMEOUT_MS / 1000} second. Check the address, the port, TLS and any firewall.`;
  return `The connection failed: ${scrub(text, password) || 'no reason given'}`;
}

/**
 * Connects as the app would at its next start (the same URL, hence the same SSL handling),
 * reads the version and times one round trip. `appTables` are checked for rows.
 */
export async function probeDatabase(target: DatabaseTargetDto, password: string | null, appTables: readonly string[] = []): Promise<TestConnectionResultDto> {
  const client = new pg.Client({
    connectionString: serverUrl(target, password),
    connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
    query_timeout: DB_CONNECT_TIMEOUT_MS,
    application_name: 'kroi-desktop-test',
  });
  // A server dropping the connection later must not become an unhandled 'error'.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const started = performance.now();
    await client.query('SELECT 1');
    const roundTripMs = ms(started);
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? null;
    const tablesWithRows = await tablesHoldingRows(client, appTables);
    return {
      ok: true,
      serverVersion: version,
      roundTripMs,
      message: `Connected to PostgreSQL ${version ?? '?'} at ${target.host}:${target.port} in ${roundTripMs} ms.`,
      tablesWithRows,
    };
  } catch (error) {
    return { ok: false, serverVersion: null, roundTripMs: null, message: databaseProblem(error, target, password), tablesWithRows: null };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Which of the app's tables exist in the target's public schema and hold at least one row. */
export async function tablesHoldingRows(client: pg.ClientBase, appTables: readonly string[]): Promise<string[]> {
  if (!appTables.length) return [];
  const { rows } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[]) ORDER BY 1", [appTables]);
  const found: string[] = [];
  for (const { name } of rows) {
    try {
      const r = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM public.${client.escapeIdentifier(name)}) AS any`);
      if (r.rows[0]?.any) found.push(name);
    } catch {
      // Unreadable to this user: count it as holding rows, so it is not silently replaced.
      found.push(name);
    }
  }
  return found;
}

export async function probeRedis(target: RedisTargetDto, password: string | null): Promise<TestConnectionResultDto> {
  const redis = new Redis({
    host: target.host,
    port: target.port,
    db: target.db,
    password: password ?? undefined,
    // SNI takes a name, never an IP address.
    ...(target.tls ? { tls: isIP(target.host) ? {} : { servername: target.host } } : {}),
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: REDIS_CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    // One attempt: a test that keeps reconnecting in the background would outlive its answer.
    retryStrategy: () => null,
  });
  let lastError: unknown = null;
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
    const started = performance.now();
    await redis.ping();
    const roundTripMs = ms(started);
    const info = await redis.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? null;
    return { ok: true, serverVersion: version, roundTripMs, message: `Connected to Redis ${version ?? '?'} at ${target.host}:${target.port} in ${roundTripMs} ms.`, tablesWithRows: null };
  } catch (error) {
    // ioredis often rejects with a generic "Connection is closed"; the emitted error says why.
    return { ok: false, serverVersion: null, roundTripMs: null, message: redisProblem(lastError ?? error, target, password), tablesWithRows: null };
  } finally {
    redis.disconnect();
  }
}
