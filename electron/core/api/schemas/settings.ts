// Inputs of Settings → Connection, System configuration and Health. The renderer validates
// its forms with the same rules.
import { z } from 'zod';

export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-full'] as const;
/** A stored configuration value may be at most this long as JSON text. */
export const CONFIG_VALUE_MAX_CHARS = 64 * 1024;

const host = z
  .string()
  .trim()
  .min(1, 'Enter the server name or address.')
  .max(255)
  // Names, IPv4 and IPv6 literals; nothing that could smuggle options into a URL.
  .regex(/^[A-Za-z0-9._:[\]-]+$/, 'Not a valid server name or address.');
const port = z.number({ message: 'Enter a port number.' }).int('Enter a port number.').min(1, 'A port is 1–65535.').max(65535, 'A port is 1–65535.');
const pgName = (what: string) => z.string().trim().min(1, `Enter the ${what}.`).max(63, `A ${what} is at most 63 characters.`);
const secret = z.string().min(1).max(1000);

export const databaseTargetInput = z.strictObject({
  host,
  port: port.default(5432),
  database: pgName('database name'),
  user: pgName('user name'),
  sslMode: z.enum(SSL_MODES).default('prefer'),
});

export const redisTargetInput = z.strictObject({
  host,
  port: port.default(6379),
  db: z.number().int().min(0, 'A Redis database is 0–15.').max(15, 'A Redis database is 0–15.').default(0),
  tls: z.boolean().default(false),
});

export const testConnectionInput = z.discriminatedUnion('kind', [
  databaseTargetInput.extend({ kind: z.literal('database'), password: secret.optional() }),
  redisTargetInput.extend({ kind: z.literal('redis'), password: secret.optional() }),
]);

/** password: omitted keeps the saved one, null forgets it, a string replaces it. */
export const saveConnectionInput = z.strictObject({
  database: databaseTargetInput.extend({ password: secret.nullable().optional() }).nullable(),
  redis: redisTargetInput.extend({ password: secret.nullable().optional() }).nullable(),
});

export const copyToServerInput = z.strictObject({
  target: databaseTargetInput.extend({ password: secret.optional() }),
  /** Required when the target already holds app tables with rows: they are replaced. */
  confirm: z.boolean().default(false),
});

export const configKeyField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Not a valid key.');

export const systemConfigSetInput = z.strictObject({
  key: configKeyField,
  value: z.json().refine((v) => JSON.stringify(v).length <= CONFIG_VALUE_MAX_CHARS, `A value may be at most ${CONFIG_VALUE_MAX_CHARS / 1024} KB of JSON.`),
});

export const vacuumInput = z.strictObject({
  /** A table of the public schema (one the health report listed), or null for all of them. */
  table: z.string().trim().min(1).max(63).nullable(),
});
