import type { ScanNote } from './finding';
import { scratchUnits, stringOfUnits } from './text/code-units';

/**
 * How the content review turns a file's or a page's bytes into text (issue 13): a byte-order
 * mark wins, then the charset the page declares (the GB family is read as GB18030, its
 * superset), then UTF-8 if the bytes are valid UTF-8, then GB18030 if they are valid GB18030
 * (a school's old page saved without a declaration), else UTF-8 with replacement characters.
 * Every guess and every invalid byte is said in a note, so a finding's text can be trusted.
 */

/**
 * The WHATWG TextDecoder every runtime this code runs in has (Node with full ICU, Chromium).
 * shared/ is typed against plain ES2023, so the part used here is declared, not imported.
 */
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { readonly encoding: string; decode(input: Uint8Array): string };

/** How far into a page its own charset declaration is looked for (as browsers do, roughly). */
export const DECLARATION_BYTES = 4096;
/** How much of a file's start is looked at to tell text from binary. */
export const BINARY_SNIFF_BYTES = 8192;

export interface DecodedText {
  readonly text: string;
  /** The encoding the text was read with (a WHATWG name: utf-8, gb18030, big5, utf-16le…). */
  readonly encoding: string;
  readonly notes: readonly ScanNote[];
}

/**
 * A strict UTF-8 decoder: the text, or null when the bytes are not valid UTF-8. decodeText has
 * its own (a fatal TextDecoder); a runtime with a faster one passes it in (the scan's sources
 * do: electron/services/scan/sources/utf8.ts). It must give exactly what the fatal TextDecoder
 * gives (no BOM handling: decodeText strips the mark itself).
 */
export type StrictUtf8 = (bytes: Uint8Array) => string | null;

/** Latin-1 view of bytes: every byte one character, so ASCII markup can be searched. */
function latin1(bytes: Uint8Array): string {
  const units = scratchUnits(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = bytes[i] as number;
  return stringOfUnits(units, bytes.length);
}

const CHARSET_IN_TAG = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

/**
 * The charset a page declares in its first 4,096 bytes: `<meta charset>`, a `<meta http-equiv=
 * "Content-Type" content="…; charset=…">`, or an XML declaration's encoding; lower-case, or null.
 */
export function declaredCharset(head: Uint8Array): string | null {
  const text = latin1(head.subarray(0, DECLARATION_BYTES));
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i.exec(text);
  if (xml) return xml[1]!.toLowerCase();
  for (const tag of text.matchAll(/<meta\b[^>]*>/gi)) {
    const found = CHARSET_IN_TAG.exec(tag[0]);
    if (found) return found[1]!.toLowerCase();
  }
  return null;
}

/** The charset of a Content-Type header (`text/html; charset=GBK` → `gbk`), or null. */
export function charsetOfContentType(header: string | null | undefined): string | null {
  if (!header) return null;
  const found = /;\s*charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(header);
  return found ? found[1]!.toLowerCase() : null;
}

/** Every label of the GB family: all read as GB18030, which decodes each of them. */
const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'x-gbk',
  'cp936',
  'ms936',
  'windows-936',
  'gb_2312',
  'gb_2312-80',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'euc-cn',
]);

/**
 * The WHATWG encoding a declared label names, or null when no decoder knows it. A page cannot
 * declare UTF-16 in its own ASCII markup, and labels that map to the "replacement" decoder
 * (iso-2022-cn…) would turn the whole page into one U+FFFD: both are read as not declared.
 */
export function encodingOfLabel(label: string): string | null {
  const name = label.trim().toLowerCase();
  if (GB_LABELS.has(name)) return 'gb18030';
  try {
    const encoding = new TextDecoder(name).encoding;
    if (encoding === 'replacement' || encoding.startsWith('utf-16')) return null;
    return encoding;
  } catch {
    return null;
  }
}

function strict(bytes: Uint8Array, encoding: string, utf8?: StrictUtf8): string | null {
  if (utf8 && encoding === 'utf-8') return utf8(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function lenient(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function note(source: string, code: ScanNote['code'], zh: string, en: string): ScanNote {
  return { source, code, message: { 'zh-CN': zh, 'en-US': en } };
}

const NAMES: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'Big5' };
const shown = (encoding: string): string => NAMES[encoding] ?? encoding;

function bom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes a file's or page's bytes (see the module comment for the order). `declared` is the
 * label from a Content-Type header or the page itself; `source` names the file or URL in notes;
 * `utf8`, a faster strict UTF-8 decoder than the TextDecoder's, if the runtime has one.
 */
export function decodeText(
  bytes: Uint8Array,
  declared?: string | null,
  source = '',
  utf8?: StrictUtf8,
): DecodedText {
  const mark = bom(bytes);
  if (mark) {
    const body = bytes.subarray(mark.length);
    const text = strict(body, mark.encoding, utf8);
    if (text !== null) return { text, encoding: mark.encoding, notes: [] };
    return invalid(body, mark.encoding, source);
  }
  const notes: ScanNote[] = [];
  const encoding = declared ? encodingOfLabel(declared) : null;
  if (declared && !encoding)
    notes.push(
      note(
        source,
        'encoding-guessed',
        `声明的字符集“${declared}”无法识别，已忽略`,
        `The declared charset "${declared}" is not known and was ignored`,
      ),
    );
  if (encoding) {
    const text = strict(bytes, encoding, utf8);
    if (text !== null) return { text, encoding, notes };
  }
  const guess = guessed(bytes, encoding, declared ?? null, source, utf8);
  if (guess) return { ...guess, notes: [...notes, ...guess.notes] };
  const fallback = invalid(bytes, encoding ?? 'utf-8', source);
  return { ...fallback, notes: [...notes, ...fallback.notes] };
}

/** UTF-8, then GB18030, when either decodes every byte (and is not what already failed). */
function guessed(
  bytes: Uint8Array,
  failed: string | null,
  declared: string | null,
  source: string,
  utf8: StrictUtf8 | undefined,
): DecodedText | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    if (encoding === failed) continue;
    const text = strict(bytes, encoding, utf8);
    if (text === null) continue;
    // Plain UTF-8 with nothing declared is the normal case, not a guess.
    if (encoding === 'utf-8' && failed === null) return { text, encoding, notes: [] };
    const zh = failed
      ? `内容不是所声明的 ${shown(failed)} 编码（声明为“${declared}”），已按 ${shown(encoding)} 读取`
      : `未声明字符集，按 ${shown(encoding)} 读取`;
    const en = failed
      ? `The content is not valid ${shown(failed)} as declared ("${declared}"); read as ${shown(encoding)}`
      : `No charset declared; read as ${shown(encoding)}`;
    return { text, encoding, notes: [note(source, 'encoding-guessed', zh, en)] };
  }
  return null;
}

function invalid(bytes: Uint8Array, encoding: string, source: string): DecodedText {
  return {
    text: lenient(bytes, encoding),
    encoding,
    notes: [
      note(
        source,
        'encoding-invalid',
        `内容含有无效的 ${shown(encoding)} 字节，已替换为 �（附近的检查结果可能不完整）`,
        `The content has invalid ${shown(encoding)} bytes, replaced by � (findings near them may be incomplete)`,
      ),
    ],
  };
}

/**
 * Whether a file's start looks binary: a NUL byte (unless it is UTF-16 with its mark) or more
 * than one byte in ten a control character other than tab, line feed, form feed, carriage return
 * and escape.
 */
export function looksBinary(head: Uint8Array): boolean {
  const sniff = head.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.length === 0) return false;
  const mark = bom(sniff);
  if (mark && mark.encoding !== 'utf-8') return false;
  let control = 0;
  for (let i = 0; i < sniff.length; i++) {
    const byte = sniff[i] as number;
    if (byte >= 0x20) continue;
    if (byte === 0) return true;
    if (byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) control++;
  }
  return control * 10 > sniff.length;
}
