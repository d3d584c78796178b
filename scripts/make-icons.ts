// Draws the app icon (a white "K" with a red stripe on a navy rounded square) and writes
// every format the installers need into resources/: icon.png (1024), icon.ico (Windows),
// icon.icns (macOS) and icons/NxN.png (Linux). No image tools needed: shapes are sampled
// on a grid and the files are encoded here. Usage: tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

type Rgba = [number, number, number, number];

// ─── The drawing, in a 1024 × 1024 design space ─────────────────────────────

const inRoundedRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const nearSegment = (x: number, y: number, ax: number, ay: number, bx: number, by: number, halfWidth: number): boolean => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
};

function sample(x: number, y: number): Rgba | null {
  if (!inRoundedRect(x, y, 48, 48, 976, 976, 200)) return null;
  const inLetter = y >= 250 && y <= 740;
  const stem = x >= 290 && x <= 400 && inLetter;
  const upper = x >= 380 && inLetter && nearSegment(x, y, 400, 560, 700, 200, 56);
  const lower = x >= 380 && inLetter && nearSegment(x, y, 470, 480, 760, 800, 56);
  if (stem || upper || lower) return [255, 255, 255, 255];
  if (inRoundedRect(x, y, 290, 800, 734, 850, 25)) return [230, 57, 70, 255];
  // Navy, a little lighter at the top.
  const t = (y - 48) / 928;
  return [Math.round(36 - 14 * t), Math.round(76 - 30 * t), Math.round(136 - 50 * t), 255];
}

/** Renders at `size` px with 4 × 4 samples per pixel for smooth edges. */
function render(size: number): Buffer {
  const n = 4;
  const scale = 1024 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a / (n * n));
    }
  }
  return pixels;
}

// ─── Encoders ───────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number): Buffer {
  const rgba = render(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG-compressed entries (Windows Vista and later). */
function ico(images: Map<number, Buffer>, sizes: number[]): Buffer {
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const data = images.get(size)!;
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...sizes.map((s) => images.get(s)!)]);
}

/** ICNS with PNG entries; each type names a pixel size. */
function icns(images: Map<number, Buffer>): Buffer {
  const types: [string, number][] = [
    ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
    ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
  ];
  const entries = types.map(([type, size]) => {
    const data = images.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const images = new Map(sizes.map((s) => [s, png(s)] as const));

mkdirSync(path.join(out, 'icons'), { recursive: true });
writeFileSync(path.join(out, 'icon.png'), images.get(1024)!);
writeFileSync(path.join(out, 'icon.ico'), ico(images, [16, 24, 32, 48, 64, 128, 256]));
writeFileSync(path.join(out, 'icon.icns'), icns(images));
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(path.join(out, 'icons', `${s}x${s}.png`), images.get(s)!);
console.log(`icons written to ${out}`);
