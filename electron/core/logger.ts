// A small structured logger. Anything that looks like a secret is redacted before it is
// written, so a password in a connection string or a token never reaches a log file.

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, error?: unknown): void;
}

const SECRET_KEYS = /pass(word)?|secret|token|hash|authorization|cookie/i;

export function redact(text: string): string {
  return text
    .replace(/(postgres(?:ql)?|redis|rediss):\/\/([^:/@\s]*):([^@\s]*)@/gi, '$1://$2:***@')
    .replace(/((?:password|pwd|token)\s*[=:]\s*)[^\s&;,]+/gi, '$1***');
}

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 4) return '…';
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: value.stack ? redact(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '***' : scrub(v, depth + 1);
    return out;
  }
  return value;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(opts: { level?: Level; sink?: (line: string) => void } = {}): Logger {
  const min = ORDER[opts.level ?? 'info'];
  const sink = opts.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const write = (level: Level, message: string, data?: unknown) => {
    if (ORDER[level] < min) return;
    const entry: Record<string, unknown> = { t: new Date().toISOString(), level, msg: redact(message) };
    if (data !== undefined) entry.data = scrub(data);
    sink(JSON.stringify(entry));
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, e) => write('error', m, e),
  };
}

/** For tests and tools that want silence unless something is wrong. */
export const quietLogger = (): Logger => createLogger({ level: 'error' });
