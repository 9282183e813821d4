import { crc32, inflateRawSync } from 'node:zlib';
import { readStructure, ZipRefused } from './zip-structure';
import type { ZipRefusal, ZipSlot } from './zip-structure';

export type { ZipRefusal } from './zip-structure';

/**
 * The one way this app reads a zip (a template workbook today; every later workbook door, such
 * as the bureau workbook's verify, open and aggregate, goes through here too). It parses the
 * archive once, from its bytes, refuses anything two zip readers could read two ways, inflates
 * every entry itself within a budget, and hands back only what it inflated. Callers then give a
 * library a fresh zip of these entries (zip-writer.ts), never the original bytes: a size guard
 * that reads one set of headers while the library reads another is how a small file made a
 * spreadsheet library inflate gigabytes.
 */

export interface ZipLimits {
  /** What all entries together may unpack to; the built-in template unpacks to well under 1 MB. */
  readonly maxUnpackedBytes: number;
  readonly maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 30 * 1024 * 1024, maxEntries: 200 };

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

export type ZipRead =
  | { readonly ok: true; readonly entries: ZipEntry[] }
  | { readonly ok: false; readonly refusal: ZipRefusal; readonly reason: string };

/**
 * Reads a whole zip from its bytes; never throws for bad input, it refuses with a reason.
 * `select`, when given, names the entries wanted: the whole layout is still checked, but only
 * those are inflated and counted against the unpacked budget (a DOCX's text, not its images).
 */
export function readZip(
  data: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
  select?: (name: string) => boolean,
): ZipRead {
  try {
    const all = readStructure(data, limits.maxEntries);
    const slots = select ? all.filter((slot) => select(slot.name)) : all;
    const declared = slots.reduce((sum, slot) => sum + slot.size, 0);
    if (declared > limits.maxUnpackedBytes)
      throw new ZipRefused('too-large', `the entries declare ${declared} bytes unpacked`);
    let left = limits.maxUnpackedBytes;
    const entries = slots.map((slot) => {
      const content = unpack(data, slot, left);
      left -= content.length;
      return { name: slot.name, data: content };
    });
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof ZipRefused)
      return { ok: false, refusal: error.refusal, reason: error.message };
    // A malformed zip must never surface as a crash; what it was goes into the reason.
    return { ok: false, refusal: 'damaged', reason: `unexpected: ${(error as Error).message}` };
  }
}

/**
 * One entry's content, checked against its declared size and CRC. Inflation stops at the
 * declared size (already within what is left of the budget): a stream that would go on is lying
 * and is refused after at most one byte more, whatever it claims to expand to.
 */
function unpack(data: Uint8Array, slot: ZipSlot, left: number): Uint8Array {
  const body = data.subarray(slot.start, slot.start + slot.compressedSize);
  let content: Uint8Array;
  if (slot.method === 0) content = body;
  else {
    try {
      content = inflateRawSync(body, { maxOutputLength: Math.max(1, Math.min(slot.size, left)) });
    } catch (error) {
      const reason =
        error instanceof RangeError
          ? `"${slot.name}" inflates past its declared ${slot.size} bytes`
          : `"${slot.name}" does not inflate: ${(error as Error).message}`;
      throw new ZipRefused('damaged', reason);
    }
  }
  if (content.length !== slot.size)
    throw new ZipRefused(
      'damaged',
      `"${slot.name}" unpacks to ${content.length} bytes, not ${slot.size}`,
    );
  if (crc32(content) >>> 0 !== slot.crc)
    throw new ZipRefused('damaged', `"${slot.name}" fails its CRC-32 check`);
  return content;
}
