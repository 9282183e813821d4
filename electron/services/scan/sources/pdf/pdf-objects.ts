import { constants, inflateSync } from 'node:zlib';

/**
 * The objects of a PDF, found by scanning its bytes for `N G obj` (so a damaged or missing
 * cross-reference table does not matter), with compressed object streams (/Type /ObjStm)
 * unpacked too. Streams are inflated only when asked, FlateDecode only, within a byte budget
 * shared by the whole document: a small PDF cannot make this reader inflate gigabytes.
 */

export interface PdfLimits {
  /** What one stream may inflate to. */
  readonly maxStreamBytes: number;
  /** What all the streams of one document together may inflate to. */
  readonly maxInflatedBytes: number;
  /** Objects read before the reader stops looking for more. */
  readonly maxObjects: number;
}

export const PDF_LIMITS: PdfLimits = {
  maxStreamBytes: 16 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxObjects: 200_000,
};

export interface PdfObject {
  /** The object's text (its dictionary, or its value), in Latin-1: one character per byte. */
  readonly body: string;
  /** Where its stream's raw bytes are, when it has one. */
  readonly stream?: { readonly start: number; readonly end: number };
}

/** Why a document's text could not be had, besides there being none. */
export class PdfRefused extends Error {}

export class PdfDocument {
  readonly objects = new Map<number, PdfObject>();
  private budget: number;
  /** A stream was too large or did not inflate: some text may be missing. */
  lossy = false;

  constructor(
    private readonly data: Buffer,
    private readonly limits: PdfLimits = PDF_LIMITS,
  ) {
    this.budget = limits.maxInflatedBytes;
    const src = data.toString('latin1');
    if (/\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(src)) throw new PdfRefused('encrypted');
    this.scan(src);
    for (const [, object] of [...this.objects]) {
      if (/\/Type\s*\/ObjStm\b/.test(object.body)) this.unpackObjectStream(object);
    }
  }

  private scan(src: string): void {
    const header = /(\d+)\s+\d+\s+obj\b/g;
    let match: RegExpExecArray | null;
    while ((match = header.exec(src)) !== null) {
      if (this.objects.size >= this.limits.maxObjects) throw new PdfRefused('too many objects');
      const start = match.index + match[0].length;
      const end = src.indexOf('endobj', start);
      const streamAt = findStreamKeyword(src, start, end);
      if (streamAt < 0) {
        const body = src.slice(start, end < 0 ? src.length : end);
        this.objects.set(Number(match[1]), { body });
        if (end < 0) return;
        header.lastIndex = end + 6;
        continue;
      }
      const body = src.slice(start, streamAt);
      let dataStart = streamAt + 6;
      if (src[dataStart] === '\r') dataStart++;
      if (src[dataStart] === '\n') dataStart++;
      const dataEnd = this.streamEnd(src, body, dataStart);
      this.objects.set(Number(match[1]), { body, stream: { start: dataStart, end: dataEnd } });
      header.lastIndex = dataEnd;
    }
  }

  /** A stream ends at its /Length when `endstream` follows there, else at the next `endstream`. */
  private streamEnd(src: string, body: string, start: number): number {
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(body);
    if (direct) {
      const end = start + Number(direct[1]);
      if (/^\s*endstream/.test(src.slice(end, end + 20))) return end;
    }
    const found = src.indexOf('endstream', start);
    if (found < 0) return src.length;
    let end = found;
    if (src[end - 1] === '\n') end--;
    if (src[end - 1] === '\r') end--;
    return end;
  }

  private unpackObjectStream(holder: PdfObject): void {
    const bytes = this.streamOf(holder);
    if (!bytes) return;
    const n = Number(/\/N\s+(\d+)/.exec(holder.body)?.[1] ?? 0);
    const first = Number(/\/First\s+(\d+)/.exec(holder.body)?.[1] ?? 0);
    const text = bytes.toString('latin1');
    const numbers = text.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < n && i * 2 + 1 < numbers.length; i++) {
      if (this.objects.size >= this.limits.maxObjects) throw new PdfRefused('too many objects');
      const id = numbers[i * 2]!;
      const offset = first + numbers[i * 2 + 1]!;
      const next = i + 1 < n ? first + (numbers[i * 2 + 3] ?? text.length) : text.length;
      if (!this.objects.has(id)) this.objects.set(id, { body: text.slice(offset, next) });
    }
  }

  get(id: number | null): PdfObject | null {
    return id === null ? null : (this.objects.get(id) ?? null);
  }

  /** A stream's content: raw, or inflated when FlateDecode; null for other filters or a failure. */
  streamOf(object: PdfObject | null): Buffer | null {
    if (!object?.stream) return null;
    const raw = this.data.subarray(object.stream.start, object.stream.end);
    const filter = /\/Filter\s*(\[([^\]]*)\]|\/\w+)/.exec(object.body);
    const filters = filter ? ((filter[2] ?? filter[1]!).match(/\/\w+/g) ?? []) : [];
    if (filters.length === 0) return this.spend(raw);
    if (filters.length > 1 || filters[0] !== '/FlateDecode' || /\/DecodeParms/.test(object.body))
      return null;
    const cap = Math.min(this.limits.maxStreamBytes, this.budget);
    if (cap <= 0) {
      this.lossy = true;
      return null;
    }
    try {
      // A stream cut short still gives what it holds (Z_SYNC_FLUSH), as readers do.
      return this.spend(
        inflateSync(raw, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH }),
      );
    } catch {
      this.lossy = true;
      return null;
    }
  }

  private spend(bytes: Buffer): Buffer | null {
    if (bytes.length > this.budget) {
      this.lossy = true;
      return null;
    }
    this.budget -= bytes.length;
    return bytes;
  }
}

/** Where `stream` starts between a dictionary's end and `endobj`, or -1. */
function findStreamKeyword(src: string, start: number, end: number): number {
  const limit = end < 0 ? src.length : end;
  const at = src.indexOf('stream', start);
  if (at < 0 || at > limit) return -1;
  // `endstream` of nothing, or `stream` inside a name (/Xstream), is not a stream start.
  if (src.slice(at - 3, at) === 'end' || /[A-Za-z/]/.test(src[at - 1] ?? '')) return -1;
  return at;
}

/** The object number a key refers to (`/Key 12 0 R`), or null. */
export function refOf(body: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(body);
  return found ? Number(found[1]) : null;
}

/** Every object number an array of references names (`[1 0 R 2 0 R]`). */
export function refsIn(text: string): number[] {
  return [...text.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));
}

/** The text of `<< … >>` starting at `at` (nested dictionaries and strings skipped over). */
export function balancedDict(text: string, at: number): string | null {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '(') i = skipLiteral(text, i);
    else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return null;
}

function skipLiteral(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** A dictionary-valued key, written in place or as a reference: its text, or null. */
export function dictOf(doc: PdfDocument, body: string, key: string): string | null {
  const direct = new RegExp(`/${key}\\s*<<`).exec(body);
  if (direct) return balancedDict(body, direct.index + direct[0].length - 2);
  return doc.get(refOf(body, key))?.body ?? null;
}
