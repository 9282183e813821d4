import type { ZipLimits, ZipRefusal } from './zip-reader';
import { readZip, ZIP_LIMITS } from './zip-reader';
import { writeStoredZip } from './zip-writer';

export type Repacked =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly refusal: ZipRefusal; readonly reason: string };

/**
 * What every workbook door calls before SheetJS: the zip read once by readZip, then written
 * again with every entry stored, so SheetJS is handed only what was inflated and inflates
 * nothing itself. Pass `bytes` to XLSX.read, never the original.
 */
export function repackZip(data: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Repacked {
  const read = readZip(data, limits);
  return read.ok ? { ok: true, bytes: writeStoredZip(read.entries) } : read;
}
