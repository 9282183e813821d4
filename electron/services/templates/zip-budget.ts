import { inflateRawSync } from 'node:zlib';

/** What a template workbook may unpack to; the built-in one unpacks to well under 1 MB. */
export const MAX_UNPACKED_BYTES = 30 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 200;

export type ZipVerdict = 'ok' | 'too-large' | 'damaged';

/**
 * Checks, before any spreadsheet library sees it, that a zip really unpacks to a bounded size:
 * every entry is inflated with a cap on its output (a zip's own size fields can lie), so a zip
 * bomb costs at most MAX_UNPACKED_BYTES of work and memory.
 */
export function checkZipBudget(data: Uint8Array, budget = MAX_UNPACKED_BYTES): ZipVerdict {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'damaged';
  const entries = u16(end + 10);
  if (entries > MAX_ZIP_ENTRIES) return 'too-large';
  let at = u32(end + 16);
  let left = budget;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || u32(at) !== 0x02014b50) return 'damaged';
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const local = u32(at + 42);
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    if (local + 30 > data.length || u32(local) !== 0x04034b50) return 'damaged';
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.length) return 'damaged';
    const body = data.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = body.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(body, { maxOutputLength: Math.max(1, left) }).length;
      } catch (error) {
        return (error as Error).name === 'RangeError' ? 'too-large' : 'damaged';
      }
    } else return 'damaged';
    left -= size;
    if (left < 0) return 'too-large';
  }
  return 'ok';
}
