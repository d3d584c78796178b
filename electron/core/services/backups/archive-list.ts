// A backup made on another PC while a restore ran there may hold that restore's side schema.
// Restoring it as it is would drop the side schema of this restore and bring back stale
// rows, so the live restore is given a table of contents without that schema's entries.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './dump';
import { toolEnv } from './pg-connection';

export interface ListFile {
  path: string;
  dispose(): Promise<void>;
}

/** The archive's table of contents without `schema`'s entries, or null when it has none. */
export async function listWithoutSchema(opts: { pgRestore: string; file: string; schema: string; signal: AbortSignal }): Promise<ListFile | null> {
  const child = spawn(opts.pgRestore, ['--list', opts.file], { env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => (out += chunk));
  const { code, stderr } = await waitFor(child, opts.signal, () => undefined);
  if (code !== 0) throw new Error(stderr.trim().split('\n').slice(-2).join(' ') || `pg_restore --list exited ${code}`);
  // Entries name their schema (and the schema entry its name) as a word of their own; lines starting with ';' are comments.
  const mentions = (line: string) => !line.startsWith(';') && line.split(' ').includes(opts.schema);
  const lines = out.split('\n');
  if (!lines.some(mentions)) return null;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroi-list-'));
  const file = path.join(dir, 'toc.list');
  await writeFile(file, lines.filter((l) => !mentions(l)).join('\n'), { mode: 0o600 });
  return { path: file, dispose: () => rm(dir, { recursive: true, force: true }) };
}
