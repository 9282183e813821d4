import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-reader';

/**
 * Writes entries into a fresh zip: no comment, no extra fields and one fixed date, so the same
 * entries always give the same bytes. Stored (method 0) is what every workbook door hands a
 * spreadsheet library after readZip: it leaves the library nothing to inflate, and a zip written
 * here has exactly one reading. Deflated (method 8) is what the app writes for people: the bureau
 * workbook and the submission package.
 */
export function writeStoredZip(entries: readonly ZipEntry[]): Uint8Array {
  return writeZip(entries, false);
}

export function writeDeflatedZip(entries: readonly ZipEntry[]): Uint8Array {
  return writeZip(entries, true);
}

interface Packed {
  readonly name: Buffer;
  readonly body: Uint8Array;
  readonly size: number;
  readonly crc: number;
  readonly method: 0 | 8;
}

function writeZip(entries: readonly ZipEntry[], deflate: boolean): Uint8Array {
  const packed: Packed[] = entries.map((entry) => {
    const body = deflate ? deflateRawSync(entry.data, { level: 6 }) : entry.data;
    // Deflate can grow what does not compress (an image, a PDF): store those as they are.
    const stored = !deflate || body.length >= entry.data.length;
    return {
      name: Buffer.from(entry.name, 'utf8'),
      body: stored ? entry.data : body,
      size: entry.data.length,
      crc: crc32(entry.data) >>> 0,
      method: stored ? 0 : 8,
    };
  });
  return assemble(packed);
}

/** An entry given piece by piece: never held whole uncompressed. */
export interface StreamedZipEntry {
  readonly name: string;
  readonly chunks: Iterable<Uint8Array>;
}

/**
 * Like writeDeflatedZip, for entries too large to hold uncompressed (the district summary of
 * 10,000 schools): each piece is deflated on its own and full-flushed, so the pieces join into
 * one deflate stream; the last is finished. Pieces are read in entry order, lazily, so a later
 * entry may be made from what the earlier ones met (a shared-strings table).
 */
export function writeDeflatedZipStreamed(entries: Iterable<StreamedZipEntry>): Buffer {
  const packed: Packed[] = [];
  for (const entry of entries) {
    const bodies: Buffer[] = [];
    let crc = 0;
    let size = 0;
    let pending: Uint8Array | null = null;
    const flush = (last: boolean) => {
      if (pending === null && !last) return;
      const data = pending ?? new Uint8Array(0);
      const flag = last ? constants.Z_FINISH : constants.Z_FULL_FLUSH;
      bodies.push(deflateRawSync(data, { level: 6, finishFlush: flag }));
      // Node 20's crc32 gives 0 for no bytes after a crc of 2^31 or more: skip empty pieces.
      if (data.length > 0) crc = crc32(data, crc);
      size += data.length;
      pending = null;
    };
    for (const chunk of entry.chunks) {
      flush(false);
      pending = chunk;
    }
    flush(true);
    const body = Buffer.concat(bodies);
    packed.push({ name: Buffer.from(entry.name, 'utf8'), body, size, crc: crc >>> 0, method: 8 });
  }
  return assemble(packed);
}

function assemble(packed: readonly Packed[]): Buffer {
  const locals = packed.reduce((sum, p) => sum + 30 + p.name.length + p.body.length, 0);
  const central = packed.reduce((sum, p) => sum + 46 + p.name.length, 0);
  const out = Buffer.alloc(locals + central + 22);
  const offsets: number[] = [];
  let at = 0;
  for (const p of packed) {
    offsets.push(at);
    at = writeHeader(out, at, LOCAL, p);
    out.set(p.body, at);
    at += p.body.length;
  }
  packed.forEach((p, i) => {
    at = writeHeader(out, at, CENTRAL, p, offsets[i]);
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(packed.length, at + 8);
  out.writeUInt16LE(packed.length, at + 10);
  out.writeUInt32LE(central, at + 12);
  out.writeUInt32LE(locals, at + 16);
  return out;
}

const LOCAL = { signature: 0x04034b50, fixed: 30, shift: 0 };
/** A central entry has "version made by" before the fields it shares with the local header. */
const CENTRAL = { signature: 0x02014b50, fixed: 46, shift: 2 };

/** Writes one local header or central entry at `at`; returns where the next thing goes. */
function writeHeader(
  out: Buffer,
  at: number,
  kind: typeof LOCAL,
  p: Packed,
  offset?: number,
): number {
  const s = at + kind.shift;
  out.writeUInt32LE(kind.signature, at);
  if (kind.shift) {
    // Made by Unix (3), zip 2.0, with an ordinary file's mode: an archive "made by MS-DOS" has
    // its names read in a DOS code page by Info-ZIP's unzip, UTF-8 flag or not, so Chinese
    // names came out garbled.
    out.writeUInt16LE(0x0314, at + 4);
    out.writeUInt32LE((0o100644 << 16) >>> 0, at + 38);
  }
  out.writeUInt16LE(p.method === 8 ? 20 : 10, s + 4); // version needed: 2.0 deflate, 1.0 stored
  // Bit 11 says the name is UTF-8; a name is never reinterpreted in a code page.
  out.writeUInt16LE(/^[\x20-\x7e]*$/.test(p.name.toString('utf8')) ? 0 : 0x0800, s + 6);
  out.writeUInt16LE(p.method, s + 8);
  out.writeUInt16LE(0, s + 10); // 00:00
  out.writeUInt16LE(0x21, s + 12); // 1980-01-01
  out.writeUInt32LE(p.crc, s + 14);
  out.writeUInt32LE(p.body.length, s + 18);
  out.writeUInt32LE(p.size, s + 22);
  out.writeUInt16LE(p.name.length, s + 26);
  if (offset !== undefined) out.writeUInt32LE(offset, at + 42);
  out.set(p.name, at + kind.fixed);
  return at + kind.fixed + p.name.length;
}
