// A backup made on another PC while a restore ran there may hold that restore's side schema.
// Restoring it as it is would drop the side schema of this restore and bring back stale
// rows, so the live restore is given a table of contents without that schema's entries.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface ListFile {
  path: string;
  dispose(): Promise<void>;
}

/** A list file of `toc` (pg_restore --list output) without `schema`'s entries, or null when it has none. */
export async function listWithoutSchema(toc: string, schema: string): Promise<ListFile | null> {
  // Entries name their schema (and the schema entry its name) as a word of their own; lines starting with ';' are comments.
  const mentions = (line: string) => !line.startsWith(';') && line.split(' ').includes(schema);
  const lines = toc.split('\n');
  if (!lines.some(mentions)) return null;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kroi-list-'));
  const file = path.join(dir, 'toc.list');
  await writeFile(file, lines.filter((l) => !mentions(l)).join('\n'), { mode: 0o600 });
  return { path: file, dispose: () => rm(dir, { recursive: true, force: true }) };
}
