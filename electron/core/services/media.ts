// Pictures added from local files: checked by their bytes (not their name), copied into
// the media folder under a content-hash name, and stored on the car as a URL.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validation } from '../api/errors';
import { MEDIA_MAX_BYTES } from '../api/schemas/cars';

const SIGNATURES: { ext: string; test: (b: Buffer) => boolean }[] = [
  { ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { ext: 'avif', test: (b) => b.subarray(4, 12).toString('latin1') === 'ftypavif' },
];

export function createMediaService(deps: { mediaDir: string; baseUrl: string }) {
  return {
    async upload(input: { filename: string; dataBase64: string }): Promise<{ url: string }> {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length === 0 || bytes.length > MEDIA_MAX_BYTES) throw validation('A picture may be at most 10 MB.', { file: 'Too large or empty.' });
      const kind = SIGNATURES.find((s) => s.test(bytes));
      if (!kind) throw validation('Only JPEG, PNG, WebP and AVIF pictures can be added.', { file: 'Not a supported picture.' });
      const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${kind.ext}`;
      await mkdir(deps.mediaDir, { recursive: true });
      const target = path.join(deps.mediaDir, name);
      // Written under a temporary name and renamed, so a half-written file never has the real name.
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, bytes, { mode: 0o644 });
      await rename(temp, target);
      return { url: `${deps.baseUrl.replace(/\/+$/, '')}/${name}` };
    },
  };
}
