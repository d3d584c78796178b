// The browser harness: serves the built renderer and bridges `window.kroi` to the same
// core and router over HTTP (invoke) and server-sent events (push events), on loopback
// only. The session token stays here, like in Electron's main process; the browser holds
// only an opaque, HttpOnly client cookie.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { EVENT_NAMES } from '../electron/core/api/events';
import type { CallContext } from '../electron/core/api/router';
import type { Core } from '../electron/core/index';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, mimeTypeOf, resolveBundlePath } from '../electron/platform/app-protocol-path';

const MAX_BODY = 2 * 1024 * 1024;
const COOKIE = 'kroi_client';
const BRIDGE_FILE = fileURLToPath(new URL('./web-bridge.js', import.meta.url));
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** One browser: its session token, kept server-side. */
class BrowserClient implements CallContext {
  sessionToken: string | null = null;
  readonly keychainAvailable = false;
  readonly streams = new Set<http.ServerResponse>();
  async setSessionToken(token: string | null): Promise<void> {
    this.sessionToken = token;
  }
  async rememberedToken(): Promise<string | null> {
    return null;
  }
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

function cookieOf(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  const match = header.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  return match ? match.slice(COOKIE.length + 1) : null;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, value: unknown, extra: http.OutgoingHttpHeaders = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(opts: { core: Core; port?: number; staticDir?: string }): Promise<WebServer> {
  const { core } = opts;
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;
  if (!existsSync(`${staticDir}/index.html`)) {
    throw new Error(`The renderer is not built (${staticDir}/index.html is missing). Run "npm run build:renderer" first.`);
  }
  const clients = new Map<string, BrowserClient>();
  let origin = '';

  const unsubscribe = EVENT_NAMES.map((name) =>
    core.events.on(name, (payload) => {
      const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
      for (const client of clients.values()) {
        if (!client.sessionToken) continue;
        for (const stream of client.streams) stream.write(frame);
      }
    }),
  );

  const clientOf = (req: http.IncomingMessage, res: http.ServerResponse): BrowserClient => {
    const id = cookieOf(req);
    const existing = id ? clients.get(id) : undefined;
    if (existing) return existing;
    const fresh = randomBytes(24).toString('base64url');
    const client = new BrowserClient();
    clients.set(fresh, client);
    res.setHeader('Set-Cookie', `${COOKIE}=${fresh}; HttpOnly; SameSite=Strict; Path=/`);
    return client;
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      // DNS rebinding and cross-site requests: only our own host and origin are served.
      const host = req.headers.host ?? '';
      if (host !== new URL(origin).host && host !== new URL(origin).host.replace('127.0.0.1', 'localhost')) {
        return send(res, 421, 'Misdirected request', 'text/plain');
      }
      const url = new URL(req.url ?? '/', origin);

      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return json(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Use POST.' } });
        const sameOrigin = !req.headers.origin || req.headers.origin === origin || req.headers.origin === origin.replace('127.0.0.1', 'localhost');
        if (!sameOrigin || req.headers['x-kroi'] !== '1' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app itself.' } });
        }
        const raw = await readBody(req);
        if (raw === null) return json(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'The request is too large.' } });
        let message: unknown;
        try {
          message = JSON.parse(raw);
        } catch {
          return json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON.' } });
        }
        const { channel, input } = (message && typeof message === 'object' ? message : {}) as { channel?: unknown; input?: unknown };
        const client = clientOf(req, res);
        const result = await core.router.call(channel, input, client);
        return json(res, 200, result);
      }

      if (url.pathname === '/api/events') {
        const client = clientOf(req, res);
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        client.streams.add(res);
        const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(keepAlive);
          client.streams.delete(res);
        });
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');

      if (url.pathname === '/kroi-bridge.js') {
        return send(res, 200, await readFile(BRIDGE_FILE), mimeTypeOf(BRIDGE_FILE));
      }
      // The same confinement as Electron's app:// handler.
      const file = resolveBundlePath(staticDir, `${APP_ORIGIN}${url.pathname}`);
      if (!file || !existsSync(file)) return send(res, 404, 'Not found', 'text/plain');
      let body = await readFile(file);
      if (file.endsWith('index.html')) {
        // The harness's stand-in for Electron's preload, loaded before the renderer.
        body = Buffer.from(body.toString('utf8').replace('<head>', '<head>\n    <script src="/kroi-bridge.js"></script>'));
      }
      return send(res, 200, body, mimeTypeOf(file));
    })().catch((error: unknown) => {
      core.logger.error('web harness request failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    async close() {
      for (const off of unsubscribe) off();
      for (const client of clients.values()) for (const stream of client.streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
