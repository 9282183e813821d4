import { crc32 } from 'node:zlib';
import type { ZipEntry } from './zip-reader';

/**
 * Writes entries into a fresh zip with every entry stored (method 0), no comment, no extra
 * fields and one fixed date. It exists so that a spreadsheet library is given only what
 * readZip inflated and checked: a stored zip leaves the library nothing to inflate, and a zip
 * written here has exactly one reading.
 */
export function writeStoredZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((entry) => Buffer.from(entry.name, 'utf8'));
  const locals = entries.reduce((sum, e, i) => sum + 30 + names[i]!.length + e.data.length, 0);
  const central = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = Buffer.alloc(locals + central + 22);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    offsets.push(at);
    at = writeHeader(out, at, LOCAL, entry, names[i]!);
    out.set(entry.data, at);
    at += entry.data.length;
  });
  entries.forEach((entry, i) => {
    at = writeHeader(out, at, CENTRAL, entry, names[i]!, offsets[i]);
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
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
  entry: ZipEntry,
  name: Buffer,
  offset?: number,
): number {
  const s = at + kind.shift;
  out.writeUInt32LE(kind.signature, at);
  if (kind.shift) out.writeUInt16LE(20, at + 4);
  out.writeUInt16LE(10, s + 4); // version needed: 1.0, stored
  // Bit 11 says the name is UTF-8; part names are ASCII, but a name is never reinterpreted.
  out.writeUInt16LE(/^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800, s + 6);
  out.writeUInt16LE(0, s + 8); // stored
  out.writeUInt16LE(0, s + 10); // 00:00
  out.writeUInt16LE(0x21, s + 12); // 1980-01-01
  out.writeUInt32LE(crc32(entry.data) >>> 0, s + 14);
  out.writeUInt32LE(entry.data.length, s + 18);
  out.writeUInt32LE(entry.data.length, s + 22);
  out.writeUInt16LE(name.length, s + 26);
  if (offset !== undefined) out.writeUInt32LE(offset, at + 42);
  out.set(name, at + kind.fixed);
  return at + kind.fixed + name.length;
}
