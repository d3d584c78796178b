// Runs the Prisma CLI without Prisma's Rust binaries: the app uses the JS engine with the
// pg adapter, and `generate`/`migrate diff` need no engine download when these point
// nowhere. A value already set in the environment wins.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
// Prisma checks that the path exists; an empty placeholder file is enough.
const placeholder = path.join(tmpdir(), 'kroi-prisma-no-engine');
closeSync(openSync(placeholder, 'a'));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
