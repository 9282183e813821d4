/**
 * A minimal PNG writer for sample images (a drawn signature, a scanned page): palette colours,
 * 1, 2 or 4 bits a pixel, compressed with "stored" deflate blocks. No compression means no zlib,
 * so the bytes are the same on every machine and Node version, which the samples' byte-identical
 * promise needs (a zlib update may change what deflate writes); the images are small anyway.
 */

export type Rgb = readonly [number, number, number];

/** A picture as palette indexes, one byte a pixel, row by row. */
export interface IndexedImage {
  readonly width: number;
  readonly height: number;
  readonly palette: readonly Rgb[];
  readonly pixels: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5,552 bytes is the most that can be summed before b could pass 2^32 (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([Uint8Array.from(type, (c) => c.charCodeAt(0)), data]);
  return concat([Uint8Array.from(u32(data.length)), typed, Uint8Array.from(u32(crc32(typed)))]);
}

/** A zlib stream of stored (uncompressed) deflate blocks, at most 65,535 bytes each. */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0x01)];
  for (let at = 0; at < data.length || at === 0; at += 0xffff) {
    const block = data.subarray(at, at + 0xffff);
    const last = at + 0xffff >= data.length ? 1 : 0;
    const len = block.length;
    parts.push(Uint8Array.of(last, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff));
    parts.push(block);
  }
  parts.push(Uint8Array.from(u32(adler32(data))));
  return concat(parts);
}

/** The PNG file's bytes. Pixels must index the palette (at most 16 colours). */
export function encodePng(image: IndexedImage): Uint8Array {
  const { width, height, palette, pixels } = image;
  if (palette.length < 1 || palette.length > 16) throw new RangeError('1 to 16 colours');
  if (pixels.length !== width * height) throw new RangeError('one index per pixel');
  const depth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : 4;
  const perByte = 8 / depth;
  const stride = Math.ceil(width / perByte);
  // Each row: filter type 0 (none), then the indexes packed high bits first.
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < width; x++) {
      const index = pixels[y * width + x]!;
      if (index === 0) continue;
      if (index >= palette.length) throw new RangeError(`no colour ${index}`);
      const at = row + ((x / perByte) | 0);
      raw[at] = raw[at]! | (index << (8 - depth * ((x % perByte) + 1)));
    }
  }
  const header = Uint8Array.from([...u32(width), ...u32(height), depth, 3, 0, 0, 0]);
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
