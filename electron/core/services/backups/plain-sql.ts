// A plain SQL file is fed to psql behind a \restrict of our own, with a key the file cannot
// know: every backslash command it carries (\! and friends) is refused. pg_dump 15.14+,
// 16.10+ and 17.6+ write their own "\restrict KEY" in the header and "\unrestrict KEY" at
// the end; psql refuses both while ours is in force, so the header line is dropped and
// the stream ends where the file's \unrestrict would lift the restriction.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** How much of the file's start may be comments and blank lines before its own \restrict. */
const HEADER_LIMIT = 64 * 1024;

export function restrictedSql(key: string): Transform {
  let header: Buffer | null = Buffer.alloc(0);
  let stop: Buffer | null = null;
  let carry = Buffer.alloc(0);
  let ended = false;
  let after = '';

  /** Drops the file's own "\restrict K" if it comes first; null until enough is read. */
  function parseHeader(buf: Buffer, final: boolean): Buffer | null {
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) return final || buf.length >= HEADER_LIMIT ? buf : null;
      const line = buf.subarray(pos, nl).toString('utf8').replace(/\r$/, '');
      if (line.trim() === '' || line.startsWith('--')) {
        pos = nl + 1;
        continue;
      }
      const own = /^\\restrict (\S+)\s*$/.exec(line);
      if (!own) return buf;
      stop = Buffer.from(`\n\\unrestrict ${own[1]}`);
      return Buffer.concat([buf.subarray(0, pos), buf.subarray(nl + 1)]);
    }
  }

  /** Passes data on, cutting it at the file's \unrestrict; keeps a tail that may hold its start. */
  function body(self: Transform, data: Buffer, final: boolean): void {
    if (ended) {
      after += data.toString('utf8');
      return;
    }
    if (!stop) {
      self.push(data);
      return;
    }
    const joined = Buffer.concat([carry, data]);
    const at = joined.indexOf(stop);
    if (at >= 0) {
      self.push(joined.subarray(0, at + 1));
      ended = true;
      carry = Buffer.alloc(0);
      after = joined.subarray(at + stop.length).toString('utf8');
      return;
    }
    const keep = final ? 0 : Math.min(joined.length, stop.length - 1);
    self.push(joined.subarray(0, joined.length - keep));
    carry = Buffer.from(joined.subarray(joined.length - keep));
  }

  /** pg_dump ends with its \unrestrict line: anything but comments after it is not from pg_dump. */
  function trailingProblem(final: boolean): Error | null {
    const lines = after.split('\n');
    if (!final) lines.pop();
    const bad = after.length > HEADER_LIMIT || lines.some((line, i) => (i === 0 ? line.trim() !== '' : line.trim() !== '' && !line.trim().startsWith('--')));
    return bad ? new Error('the SQL file goes on after its closing \\unrestrict line, which pg_dump never writes; it is refused') : null;
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (header) {
        header = Buffer.concat([header, chunk]);
        const parsed = parseHeader(header, false);
        if (!parsed) return callback();
        header = null;
        this.push(`\\restrict ${key}\n`);
        body(this, parsed, false);
      } else {
        body(this, chunk, false);
      }
      callback(ended ? trailingProblem(false) : null);
    },
    flush(callback: TransformCallback) {
      if (header) {
        this.push(`\\restrict ${key}\n`);
        const parsed = parseHeader(header, true)!;
        header = null;
        body(this, parsed, true);
      } else {
        body(this, Buffer.alloc(0), true);
      }
      callback(ended ? trailingProblem(true) : null);
    },
  });
}

/** What a backup file holds, by its first bytes (not its name). */
export async function backupFileKind(file: string): Promise<'archive' | 'gzip' | 'text'> {
  const handle = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'archive';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    // pg_dump --format=tar
    if (head.subarray(257, 262).toString('latin1') === 'ustar') return 'archive';
    return 'text';
  } finally {
    await handle.close();
  }
}

/** The first few kilobytes of a plain SQL file look like what pg_dump writes. */
const SQL_START = /^(--|SET\s|CREATE\s|COPY\s|INSERT\s|SELECT\s|BEGIN\b|START\s|ALTER\s|\\restrict\s)/im;

/**
 * Reads a plain SQL file (gzipped or not) to the end: a damaged gzip stream, binary
 * content or text that is not SQL gives the reason, null when it looks sound.
 */
export async function checkPlainSql(file: string, gzip: boolean): Promise<string | null> {
  let head = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (head.length < 65_536) head += chunk.toString('utf8', 0, Math.min(chunk.length, 65_536));
      callback();
    },
  });
  try {
    if (gzip) await pipeline(createReadStream(file), createGunzip(), sink);
    else await pipeline(createReadStream(file), sink);
  } catch (error) {
    return `the file cannot be read to the end (${(error as Error).message})`;
  }
  if (head.includes('\u0000') || !SQL_START.test(head)) return 'it is neither a pg_dump archive nor SQL text';
  return null;
}
