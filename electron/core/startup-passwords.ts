// Passwords asked at start: on a PC where no keychain works (Linux without a Secret
// Service) the shared server's and Redis's passwords cannot be kept, and they are never
// written to a file. The main process asks for them on a page, and this module decides what
// to ask, checks the submitted form and hands the answers to loadConfig for this run only.
import { z } from 'zod';
import { readSettingsFile } from './config';
import { SECRET, type SecretStore } from './secrets';

/** What a password is asked for; shown on the page so the user knows which one to type. */
export type StartupAsk =
  | { kind: 'server'; host: string; port: number; database: string; user: string }
  | { kind: 'redis'; host: string; port: number };
export type StartupAskKind = StartupAsk['kind'];

/** The typed passwords. An empty Redis field means "no password" and is left out. */
export interface StartupPasswords {
  server?: string;
  redis?: string;
}

/** Longer than any real server password; also the inputs' maxlength on the page. */
export const STARTUP_PASSWORD_MAX = 512;
/** Two fields at their longest, percent-encoded (up to 9 bytes a character), plus names. */
const FORM_BODY_MAX = 2 * STARTUP_PASSWORD_MAX * 9 + 64;

/**
 * The passwords to ask before the core starts: none while a keychain works, and none for a
 * connection the environment (DATABASE_URL, REDIS_URL) already gives in full.
 */
export async function passwordsToAsk(opts: { userDataDir: string; env: NodeJS.ProcessEnv; secrets: SecretStore }): Promise<StartupAsk[]> {
  const settings = await readSettingsFile(opts.userDataDir);
  const asks: StartupAsk[] = [];
  if (settings.database && !opts.env.DATABASE_URL) {
    const { host, port, database, user } = settings.database;
    asks.push({ kind: 'server', host, port, database, user });
  }
  if (settings.redis && !opts.env.REDIS_URL) asks.push({ kind: 'redis', host: settings.redis.host, port: settings.redis.port });
  // Probe the keychain only when there is something to ask: a stuck keyring costs seconds.
  if (asks.length === 0 || (await opts.secrets.available().catch(() => false))) return [];
  return asks;
}

/**
 * A store that answers the server and Redis passwords from what was typed at start (held in
 * memory for this run only) and leaves everything else, saving included, to `store`: it
 * still says no keychain is available, and `set` still refuses.
 */
export function withStartupPasswords(store: SecretStore, given: StartupPasswords): SecretStore {
  const typed = new Map<string, string>();
  if (given.server !== undefined) typed.set(SECRET.serverPassword, given.server);
  if (given.redis !== undefined) typed.set(SECRET.redisPassword, given.redis);
  return {
    get: async (account) => typed.get(account) ?? store.get(account),
    set: (account, value) => store.set(account, value),
    delete: (account) => store.delete(account),
    available: () => store.available(),
  };
}

const tooLong = `is longer than ${STARTUP_PASSWORD_MAX} characters`;
const password = z
  .string()
  .max(STARTUP_PASSWORD_MAX, tooLong)
  // libpq and Redis end a password at a NUL: refuse it rather than send half a password.
  .refine((s) => !s.includes('\0'), 'contains a NUL character');

const formSchema = z.strictObject({ server: password.min(1, 'is required').optional(), redis: password.optional() });

const LABEL: Record<string, string> = { server: 'The database server password', redis: 'The Redis password' };

export type StartupPasswordsParse = { ok: true; passwords: StartupPasswords } | { ok: false; message: string };

/**
 * Checks the page's form (application/x-www-form-urlencoded) against the passwords asked:
 * nothing unknown, repeated or oversized gets through. The message never contains a value.
 */
export function parseStartupPasswords(body: string | URLSearchParams, asked: readonly StartupAskKind[]): StartupPasswordsParse {
  if (typeof body === 'string' && body.length > FORM_BODY_MAX) return { ok: false, message: 'The form is too large.' };
  const params = typeof body === 'string' ? new URLSearchParams(body) : body;
  const fields = new Map<string, string>(); // a Map: a field named __proto__ is just a name
  for (const [name, value] of params) {
    if (fields.has(name)) return { ok: false, message: `The field "${name.slice(0, 40)}" was sent twice.` };
    fields.set(name, value);
  }
  const unknown = [...fields.keys()].filter((name) => !(asked as readonly string[]).includes(name));
  if (unknown.length > 0) return { ok: false, message: `Unknown field: ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}.` };
  const parsed = formSchema.safeParse(Object.fromEntries(fields));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    return { ok: false, message: `${LABEL[field] ?? 'A field'} ${issue?.message ?? 'is invalid'}.` };
  }
  const { server, redis } = parsed.data;
  if (asked.includes('server') && server === undefined) return { ok: false, message: `${LABEL.server} is required.` };
  return { ok: true, passwords: { ...(server !== undefined ? { server } : {}), ...(redis ? { redis } : {}) } };
}
