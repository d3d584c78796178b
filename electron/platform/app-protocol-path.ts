// Pure resolution of `app://bundle/...` URLs to files inside the renderer folder. No
// electron import, so the security tests can load it. Anything suspicious is refused
// (null → 404) instead of normalised, so a path that tries to escape never resolves.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const PREFIX = `${APP_ORIGIN}/`;
// Dots in any spelling: Chromium and WHATWG URL treat `%2e` like `.`.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

/** Splits the raw path of an app:// URL, or null when the URL is not ours or not clean. */
function rawPathOf(url: string): string | null {
  if (url.length > 2048 || url.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const rest = url.slice(PREFIX.length);
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed percent-encoding
  }
}

const hasControlCharacter = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  // Separators smuggled in encoded form, drive letters, Windows' reserved characters, NUL and other controls.
  return !/[/\\:*?"<>|]/.test(segment) && !hasControlCharacter(segment);
}

/**
 * The absolute file a request URL names inside `root`, or null when it must be refused.
 * A directory path (trailing slash or empty) means its index.html.
 */
export function resolveBundlePath(root: string, url: string): string | null {
  const raw = rawPathOf(url);
  if (raw === null || raw.includes('\\') || DOT_SEGMENT.test(raw)) return null;

  const parts = raw === '' ? [] : raw.split('/');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const segments: string[] = [];
  for (const part of parts) {
    const decoded = decodeSegment(part);
    if (decoded === null || !isSafeSegment(decoded)) return null;
    segments.push(decoded);
  }
  if (segments.length === 0 || raw.endsWith('/')) segments.push('index.html');

  const base = path.resolve(root);
  const target = path.resolve(base, ...segments);
  const relative = path.relative(base, target);
  // Belt and braces: whatever the segments were, the result must stay below the root.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return target;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The policy every app:// response carries as a header (the renderer needs no meta tag). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
