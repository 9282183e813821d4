import fs from 'node:fs';
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

/** What a local header or central entry says of an entry. */
interface Fields {
  readonly name: Buffer;
  /** The body's length. */
  readonly compressed: number;
  readonly size: number;
  readonly crc: number;
  readonly method: 0 | 8;
}

interface Packed extends Fields {
  readonly body: Uint8Array;
}

function writeZip(entries: readonly ZipEntry[], deflate: boolean): Uint8Array {
  const packed: Packed[] = entries.map((entry) => {
    const body = deflate ? deflateRawSync(entry.data, { level: 6 }) : entry.data;
    // Deflate can grow what does not compress (an image, a PDF): store those as they are.
    const stored = !deflate || body.length >= entry.data.length;
    return {
      name: Buffer.from(entry.name, 'utf8'),
      body: stored ? entry.data : body,
      compressed: stored ? entry.data.length : body.length,
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

/** Where a streamed zip goes: appended to, and a local header written over once its entry is. */
export interface ZipSink {
  /** Appends bytes. */
  write(bytes: Uint8Array): void;
  /** Writes bytes over as many already written from `position` on. */
  overwrite(position: number, bytes: Uint8Array): void;
}

/**
 * Like writeDeflatedZip, for entries too large to hold uncompressed (the district summary of
 * 10,000 schools): each piece is deflated on its own and full-flushed, so the pieces join into
 * one deflate stream; the last is finished. Pieces are read in entry order, lazily, so a later
 * entry may be made from what the earlier ones met (a shared-strings table).
 */
export function writeDeflatedZipStreamed(entries: Iterable<StreamedZipEntry>): Buffer {
  const sink = memoryZipSink();
  writeDeflatedZipTo(sink, entries);
  return sink.bytes();
}

/** A sink that gathers the zip in memory, whole once `bytes` is asked for. */
export function memoryZipSink(): ZipSink & { bytes(): Buffer } {
  const chunks: Uint8Array[] = [];
  const starts = new Map<number, number>();
  let length = 0;
  return {
    write: (bytes) => {
      starts.set(length, chunks.length);
      chunks.push(bytes);
      length += bytes.length;
    },
    overwrite: (position, bytes) => {
      const index = starts.get(position);
      if (index === undefined || chunks[index]!.length !== bytes.length)
        throw new Error(`no piece of ${bytes.length} bytes was written at ${position}`);
      chunks[index] = bytes;
    },
    bytes: () => Buffer.concat(chunks, length),
  };
}

/** A sink that writes into an open file, from its start. */
export function fileZipSink(fd: number): ZipSink {
  let at = 0;
  const writeAt = (position: number, bytes: Uint8Array) => {
    let done = 0;
    while (done < bytes.length)
      done += fs.writeSync(fd, bytes, done, bytes.length - done, position + done);
  };
  return {
    write: (bytes) => {
      writeAt(at, bytes);
      at += bytes.length;
    },
    overwrite: writeAt,
  };
}

/**
 * writeDeflatedZipStreamed's bytes, handed to `sink` as they are made: only the central
 * directory is held until the end, so a file sink never holds the compressed zip.
 */
export function writeDeflatedZipTo(sink: ZipSink, entries: Iterable<StreamedZipEntry>): void {
  const written: (Fields & { readonly offset: number })[] = [];
  let at = 0;
  const append = (bytes: Uint8Array) => {
    sink.write(bytes);
    at += bytes.length;
  };
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const offset = at;
    // The local header is written over once the entry's sizes and checksum are known.
    const header = Buffer.alloc(LOCAL.fixed + name.length);
    append(header);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let pending: Uint8Array | null = null;
    const flush = (last: boolean) => {
      if (pending === null && !last) return;
      const data = pending ?? new Uint8Array(0);
      const flag = last ? constants.Z_FINISH : constants.Z_FULL_FLUSH;
      const body = deflateRawSync(data, { level: 6, finishFlush: flag });
      append(body);
      compressed += body.length;
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
    const fields: Fields = { name, compressed, size, crc: crc >>> 0, method: 8 };
    writeHeader(header, 0, LOCAL, fields);
    sink.overwrite(offset, header);
    written.push({ ...fields, offset });
  }
  const central = written.reduce((sum, p) => sum + CENTRAL.fixed + p.name.length, 0);
  const out = Buffer.alloc(central + 22);
  let c = 0;
  for (const p of written) c = writeHeader(out, c, CENTRAL, p, p.offset);
  writeEnd(out, c, written.length, central, at);
  sink.write(out);
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
  writeEnd(out, at, packed.length, central, locals);
  return out;
}

/** The end of central directory record: no comment, one disk. */
function writeEnd(out: Buffer, at: number, count: number, central: number, offset: number) {
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(count, at + 8);
  out.writeUInt16LE(count, at + 10);
  out.writeUInt32LE(central, at + 12);
  out.writeUInt32LE(offset, at + 16);
}

const LOCAL = { signature: 0x04034b50, fixed: 30, shift: 0 };
/** A central entry has "version made by" before the fields it shares with the local header. */
const CENTRAL = { signature: 0x02014b50, fixed: 46, shift: 2 };

/** Writes one local header or central entry at `at`; returns where the next thing goes. */
function writeHeader(
  out: Buffer,
  at: number,
  kind: typeof LOCAL,
  p: Fields,
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
  out.writeUInt32LE(p.compressed, s + 18);
  out.writeUInt32LE(p.size, s + 22);
  out.writeUInt16LE(p.name.length, s + 26);
  if (offset !== undefined) out.writeUInt32LE(offset, at + 42);
  out.set(p.name, at + kind.fixed);
  return at + kind.fixed + p.name.length;
}
