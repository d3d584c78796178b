// The app:// handler must never serve a file outside the renderer bundle.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeOf,
  resolveBundlePath,
} from '../../electron/platform/app-protocol-path';
import { escapeHtml, startupFailureHtml } from '../../electron/platform/startup-failure-page';

const root = path.resolve('/srv/kroi/dist/renderer');
const inside = (...parts: string[]) => path.join(root, ...parts);

describe('resolveBundlePath', () => {
  it.each([
    ['app://bundle/index.html', inside('index.html')],
    ['app://bundle/', inside('index.html')],
    ['app://bundle/assets/main-3f2a.js', inside('assets', 'main-3f2a.js')],
    ['app://bundle/assets/', inside('assets', 'index.html')],
    ['app://bundle/assets/app.css?v=2#top', inside('assets', 'app.css')],
    ['app://bundle/fonts/Inter%20Var.woff2', inside('fonts', 'Inter Var.woff2')],
    ['app://BUNDLE/index.html', inside('index.html')],
    ['app://bundle/cars/123', inside('cars', '123')],
  ])('resolves %s inside the bundle', (url, expected) => {
    expect(resolveBundlePath(root, url)).toBe(expected);
  });

  it.each([
    // parent segments, plain and encoded in every spelling
    'app://bundle/../secret.txt',
    'app://bundle/assets/../../etc/passwd',
    'app://bundle/..',
    'app://bundle/%2e%2e/etc/passwd',
    'app://bundle/%2E%2E/etc/passwd',
    'app://bundle/.%2e/etc/passwd',
    'app://bundle/%2e./etc/passwd',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://bundle/./index.html',
    'app://bundle/%2e/index.html',
    // encoded separators
    'app://bundle/assets%2f..%2f..%2fsecret',
    'app://bundle/..%5c..%5cwindows%5cwin.ini',
    'app://bundle/assets%5cmain.js',
    // backslashes
    'app://bundle/..\\..\\windows\\win.ini',
    'app://bundle/assets\\main.js',
    // absolute paths and drive letters
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/C%3a%5cWindows%5cwin.ini',
    'app://bundle/\\\\server\\share\\x',
    // null bytes and control characters
    'app://bundle/index.html%00.png',
    'app://bundle/index.html\u0000.png',
    'app://bundle/a%0ab.js',
    // malformed encoding
    'app://bundle/%E0%A4%A',
    // other hosts, schemes and look-alikes
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://bundleindex.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeNull();
  });

  it('refuses very long URLs', () => {
    expect(resolveBundlePath(root, `app://bundle/${'a/'.repeat(2000)}x.js`)).toBeNull();
  });

  it('keeps every resolved path below the root', () => {
    const tricky = ['a/b/c.js', 'x%20y/z.png', 'deep/er/est/file.map', '%e2%82%ac.txt'];
    for (const p of tricky) {
      const resolved = resolveBundlePath(root, `app://bundle/${p}`);
      expect(resolved).not.toBeNull();
      expect(path.relative(root, resolved!).startsWith('..')).toBe(false);
    }
  });
});

describe('mimeTypeOf', () => {
  it('names the types the renderer uses and falls back to octet-stream', () => {
    expect(mimeTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('/x/a.exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('/x/noext')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  it('is the documented policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });
});

describe('start-up failure page', () => {
  it('escapes the error message and the folder', () => {
    const html = startupFailureHtml({
      message: '<img src=x onerror=alert(1)> "quoted" & \'single\'',
      dataDir: '/home/<script>/x',
      locale: 'en-US',
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('/home/&#60;script&#62;/x');
    expect(html).not.toMatch(/<script/i);
  });

  it('speaks Finnish to a Finnish locale', () => {
    expect(startupFailureHtml({ message: 'x', dataDir: '/d', locale: 'fi' })).toContain('Lopeta');
  });

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<>&"'\``)).toBe('&#60;&#62;&#38;&#34;&#39;&#96;');
  });
});
