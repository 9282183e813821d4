import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../shared/random';
import { pageImage, signatureImage } from '../../../shared/samples/images';
import type { IndexedImage } from '../../../shared/samples/png';
import { crc32, encodePng } from '../../../shared/samples/png';

/** A PNG read back the long way: its chunks (CRCs checked), then the pixels zlib inflates. */
function decode(png: Uint8Array) {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const typed = bytes.subarray(at + 4, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(typed));
    chunks.push({ type: typed.subarray(0, 4).toString('latin1'), data: typed.subarray(4) });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
  const header = chunks[0]!.data;
  const [width, height, depth] = [header.readUInt32BE(0), header.readUInt32BE(4), header[8]!];
  expect([...header.subarray(9)]).toEqual([3, 0, 0, 0]);
  const palette = chunks[1]!.data;
  const raw = inflateSync(chunks[2]!.data);
  const stride = Math.ceil((width * depth) / 8);
  expect(raw.length).toBe((stride + 1) * height);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const byte = raw[y * (stride + 1) + 1 + Math.floor((x * depth) / 8)]!;
      const shift = 8 - depth - ((x * depth) % 8);
      pixels[y * width + x] = (byte >> shift) & ((1 << depth) - 1);
    }
  }
  return { width, height, depth, colours: palette.length / 3, pixels };
}

describe('the sample PNG writer', () => {
  it.each([
    [2, 1],
    [3, 2],
    [4, 2],
    [9, 4],
  ])('writes %i colours at %i bit(s) a pixel, and zlib reads back every pixel', (n, depth) => {
    const rng = createRandom(`png-${n}`);
    const image: IndexedImage = {
      width: 37,
      height: 11,
      palette: Array.from({ length: n }, (_, i) => [i * 20, 255 - i * 20, 7] as const),
      pixels: Uint8Array.from({ length: 37 * 11 }, () => rng.int(0, n - 1)),
    };
    const decoded = decode(encodePng(image));
    expect(decoded).toEqual({ width: 37, height: 11, depth, colours: n, pixels: image.pixels });
  });

  it('splits image data over 64 KB into several stored blocks', () => {
    const image: IndexedImage = {
      width: 1000,
      height: 140,
      palette: [
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 2],
        [3, 3, 3],
        [4, 4, 4],
      ],
      pixels: Uint8Array.from({ length: 140_000 }, (_, i) => i % 5),
    };
    const png = encodePng(image);
    // 70,140 bytes of rows at 4 bits a pixel: two blocks.
    expect(png.length).toBeGreaterThan(70_140);
    expect(Buffer.from(decode(png).pixels).equals(image.pixels)).toBe(true);
  });

  it('refuses what it cannot write', () => {
    const one = { width: 1, height: 1, pixels: Uint8Array.of(0) };
    expect(() => encodePng({ ...one, palette: [] })).toThrow(RangeError);
    expect(() => encodePng({ ...one, palette: [[0, 0, 0]], pixels: Uint8Array.of(0, 0) })).toThrow(
      RangeError,
    );
    expect(() => encodePng({ ...one, palette: [[0, 0, 0]], pixels: Uint8Array.of(1) })).toThrow(
      RangeError,
    );
  });

  it('draws pages and signatures that are real pictures, the same for the same seed', () => {
    const page = decode(pageImage(createRandom('a'), true));
    expect([page.width, page.height, page.colours]).toEqual([120, 160, 4]);
    const used = new Set(page.pixels);
    expect(used).toEqual(new Set([0, 1, 2, 3]));
    // Mostly paper, some ink.
    const ink = page.pixels.filter((p) => p !== 0).length / page.pixels.length;
    expect(ink).toBeGreaterThan(0.1);
    expect(ink).toBeLessThan(0.5);
    expect(new Set(decode(pageImage(createRandom('a'), false)).pixels)).not.toContain(2);

    const signature = decode(signatureImage(createRandom('a')));
    expect([signature.width, signature.height, signature.colours]).toEqual([240, 80, 2]);
    expect(signature.pixels.filter((p) => p === 1).length).toBeGreaterThan(300);

    expect(signatureImage(createRandom('a'))).toEqual(signatureImage(createRandom('a')));
    expect(signatureImage(createRandom('b'))).not.toEqual(signatureImage(createRandom('a')));
  });
});
