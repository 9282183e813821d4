import { FORBIDDEN_CHARACTERS } from './patterns';

/**
 * How an evidence file is named and typed: pure rules the evidence store applies to every file
 * it keeps, whichever door the file came through (the desktop dialog, the harness upload).
 */
export const OCTET_STREAM = 'application/octet-stream';

/**
 * The type a file's first bytes prove. Only these formats are recognised; SVG never is, since it
 * can carry script, and a name or a declared type never makes a file an image.
 */
export function sniffType(head: Uint8Array): string | null {
  const bytesAt = (at: number, expected: readonly number[]) =>
    expected.every((byte, i) => head[at + i] === byte);
  const textAt = (at: number, expected: string) =>
    bytesAt(
      at,
      [...expected].map((c) => c.charCodeAt(0)),
    );
  if (bytesAt(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytesAt(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (textAt(0, 'GIF87a') || textAt(0, 'GIF89a')) return 'image/gif';
  if (textAt(0, 'RIFF') && textAt(8, 'WEBP')) return 'image/webp';
  if (textAt(0, '%PDF-')) return 'application/pdf';
  return null;
}

/**
 * Types named by extension, for files whose bytes prove nothing. No previewable image type is
 * here (an image is one only when its bytes say so), and no SVG or HTML (they run script).
 */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.values(TYPES_BY_EXTENSION));

export function typeFromName(name: string): string | null {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === undefined || !Object.hasOwn(TYPES_BY_EXTENSION, ext)) return null;
  return TYPES_BY_EXTENSION[ext]!;
}

/** A type the sender declared, taken only when it is one this store would name itself. */
export function knownType(declared: string): string | null {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  return KNOWN_TYPES.has(type) ? type : null;
}

const FORBIDDEN_ALL = new RegExp(FORBIDDEN_CHARACTERS.source, 'g');
const MAX_NAME = 255;
const MAX_KEPT_EXTENSION = 16;

/**
 * The name a file is shown under: its base name only (a path from any system never is one),
 * with control and direction-override characters replaced, so "report\u202Efdp.exe" cannot
 * pose as a PDF, and at most 255 characters, keeping the extension.
 */
export function evidenceName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(FORBIDDEN_ALL, '_')
    .replace(/[\t\r\n\u2028\u2029]/g, '_')
    .trim();
  if (name === '' || name === '.' || name === '..') return 'file';
  if (name.length > MAX_NAME) {
    const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
    const kept = ext.length <= MAX_KEPT_EXTENSION ? ext : '';
    let end = MAX_NAME - kept.length;
    // Never cut between the two halves of a character outside the BMP (many emoji, rare hanzi).
    if (/[\uD800-\uDBFF]/.test(name.charAt(end - 1))) end -= 1;
    name = `${name.slice(0, end).trimEnd()}${kept}`;
  }
  return name;
}
