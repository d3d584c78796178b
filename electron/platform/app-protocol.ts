// Serves the built renderer from app://bundle/ so it gets a real, secure origin instead of
// file:// (which would let any page read local files), with the CSP as a response header.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import type { Logger } from '../core/logger';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeOf, resolveBundlePath } from './app-protocol-path';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const BASE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

const answer = (status: number, body: Uint8Array | string, contentType: string): Response =>
  new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': contentType },
  });

const notFound = (): Response => answer(404, 'Not found', 'text/plain; charset=utf-8');

async function readIfFile(file: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch {
    return null; // missing, a directory or unreadable: all the same 404
  }
}

/** Bodies of the start-up password form are small; anything bigger is not that form. */
const FORM_POST_MAX_BYTES = 32 * 1024;

export interface AppProtocol {
  /**
   * Hands the body of a url-encoded POST to exactly `url` to `receive` (the start-up
   * password form), until the returned function is called. The page gets 204 No Content,
   * so it stays as it is and the main process decides what the window shows next. Other
   * methods on that URL get 405; every other URL is served as before (GET/HEAD only).
   */
  receiveFormPost(url: string, receive: (body: string) => void): () => void;
}

/** Handles app:// on the default session, confined to `rootDir` (the built renderer). */
export function serveAppProtocol(rootDir: string, logger: Logger): AppProtocol {
  let formPost: { url: string; receive: (body: string) => void } | null = null;

  async function answerFormPost(request: Request, receive: (body: string) => void): Promise<Response> {
    if (request.method !== 'POST') return answer(405, 'Method not allowed', 'text/plain; charset=utf-8');
    if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return answer(415, 'Unsupported media type', 'text/plain; charset=utf-8');
    }
    if (Number(request.headers.get('content-length') ?? 0) > FORM_POST_MAX_BYTES) return answer(413, 'Too large', 'text/plain; charset=utf-8');
    const body = await request.text();
    if (body.length > FORM_POST_MAX_BYTES) return answer(413, 'Too large', 'text/plain; charset=utf-8');
    // The body holds passwords: it goes to the receiver only, never to a log.
    receive(body);
    return new Response(null, { status: 204, headers: BASE_HEADERS });
  }

  protocol.handle(APP_SCHEME, async (request) => {
    if (formPost && request.url === formPost.url) return answerFormPost(request, formPost.receive);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const file = resolveBundlePath(rootDir, request.url);
    if (!file) {
      logger.warn('app:// request refused', { url: request.url.slice(0, 200) });
      return notFound();
    }
    const body = await readIfFile(file);
    if (body) return answer(200, request.method === 'HEAD' ? '' : body, mimeTypeOf(file));

    // Client-side routes (no file extension) load the app shell, so a reload keeps working.
    if (path.extname(file) === '') {
      const shell = path.join(path.resolve(rootDir), 'index.html');
      const html = await readIfFile(shell);
      if (html) return answer(200, html, mimeTypeOf(shell));
    }
    return notFound();
  });

  return {
    receiveFormPost(url, receive) {
      const mine = { url, receive };
      formPost = mine;
      return () => {
        if (formPost === mine) formPost = null;
      };
    },
  };
}
