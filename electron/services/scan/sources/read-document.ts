import fs from 'node:fs/promises';
import { decodeText, declaredCharset, looksBinary } from '../../../../shared/scan/charset';
import type { ScanNote } from '../../../../shared/scan/finding';
import type { PageInput, PageKind } from '../../../../shared/scan/page';
import { docxText } from './docx-text';
import type { FolderFile } from './folder-walk';
import { folderUrlOf } from './folder-url';
import { sourceNote, unreadableNote } from './notes';
import { pdfText } from './pdf/pdf-text';
import { strictUtf8 } from './utf8';

/**
 * Reads one listed file into the text the detectors run over. Its size is checked before a
 * byte is read (a 2 GB file costs one stat); binary content is skipped; text and HTML are
 * decoded by charset.ts (the HTML's own declaration first); DOCX and PDF give their text.
 * Nothing here throws for bad input: what could not be read is said in a note.
 */

export interface ReadLimits {
  /** The largest HTML, text or Markdown file read. */
  readonly textBytes: number;
  /** The largest DOCX or PDF read (their images make them larger than their text). */
  readonly documentBytes: number;
}

export const READ_LIMITS: ReadLimits = {
  textBytes: 32 * 1024 * 1024,
  documentBytes: 64 * 1024 * 1024,
};

export interface ReadResult {
  /** The text to check, or null when the file was skipped (its note says why). */
  readonly page: PageInput | null;
  /** Bytes read from the file (0 when it was skipped before reading). */
  readonly bytes: number;
  readonly notes: ScanNote[];
}

const skipped = (note: ScanNote, bytes = 0): ReadResult => ({ page: null, bytes, notes: [note] });

export async function readDocument(
  file: FolderFile,
  options: { limits?: ReadLimits } = {},
): Promise<ReadResult> {
  const limits = options.limits ?? READ_LIMITS;
  const { kind, relative } = file;
  if (kind === null) return { page: null, bytes: 0, notes: [] };
  const cap = kind === 'docx' || kind === 'pdf' ? limits.documentBytes : limits.textBytes;
  let data: Buffer;
  try {
    const stat = await fs.lstat(file.absolute);
    if (!stat.isFile()) return skipped(unreadableNote(relative));
    if (stat.size > cap) return skipped(tooLarge(relative, stat.size, cap));
    data = await fs.readFile(file.absolute);
  } catch {
    return skipped(unreadableNote(relative));
  }
  // The file may have grown between the stat and the read.
  if (data.length > cap) return skipped(tooLarge(relative, data.length, cap), data.length);
  const read = pageOfBytes(data, {
    kind,
    source: relative,
    baseUrl: folderUrlOf(relative),
    declared: null,
  });
  return { ...read, bytes: data.length };
}

/**
 * The page a file's or a fetched page's bytes make (null with a note when they cannot be read).
 * `declared` is a Content-Type header's charset; an HTML page's own declaration comes after it.
 */
export function pageOfBytes(
  data: Buffer | Uint8Array,
  at: { kind: PageKind; source: string; baseUrl: string; declared: string | null },
): { page: PageInput | null; notes: ScanNote[] } {
  const { kind, source } = at;
  const bytes = Buffer.isBuffer(data)
    ? data
    : Buffer.from(data.buffer, data.byteOffset, data.length);
  const page = (text: string): PageInput => ({ source, kind, text, baseUrl: at.baseUrl });
  if (kind === 'docx') {
    const read = docxText(bytes);
    if (!read.ok) return { page: null, notes: [docxUnreadable(source, read.reason)] };
    return { page: page(read.text), notes: [] };
  }
  if (kind === 'pdf') return readPdf(bytes, source, page);
  if (looksBinary(bytes.subarray(0, 8192))) return { page: null, notes: [binary(source)] };
  const declared =
    at.declared ?? (kind === 'html' ? declaredCharset(bytes.subarray(0, 4096)) : null);
  const decoded = decodeText(bytes, declared, source, strictUtf8);
  return { page: page(decoded.text), notes: [...decoded.notes] };
}

function readPdf(
  data: Buffer,
  relative: string,
  page: (text: string) => PageInput,
): { page: PageInput | null; notes: ScanNote[] } {
  if (!data.subarray(0, 1024).toString('latin1').includes('%PDF-'))
    return { page: null, notes: [pdfNoText(relative, '不是 PDF 文件', 'it is not a PDF file')] };
  const read = pdfText(data);
  if (!read.ok) {
    const why = {
      encrypted: ['文件已加密', 'it is encrypted'],
      'no-text': [
        '没有可读取的文字（可能是扫描图片，或字体缺少 ToUnicode 表）',
        'it has no readable text (a scanned image, or fonts without a ToUnicode map)',
      ],
      damaged: ['文件已损坏', 'it is damaged'],
    }[read.reason];
    return { page: null, notes: [pdfNoText(relative, why[0]!, why[1]!)] };
  }
  const notes = read.partial
    ? [
        pdfNoText(
          relative,
          '部分文字无法读取，只检查了能读取的部分',
          'some of its text could not be read; the rest was checked',
        ),
      ]
    : [];
  return { page: page(read.text), notes };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(relative: string, size: number, cap: number): ScanNote {
  return sourceNote(
    relative,
    'too-large',
    `文件过大（${mb(size)}，上限 ${mb(cap)}），未读取`,
    `Too large (${mb(size)}; the limit is ${mb(cap)}), not read`,
  );
}

function binary(relative: string): ScanNote {
  return sourceNote(
    relative,
    'binary',
    '内容不是文字（二进制文件），未检查',
    'The content is not text (a binary file) and was not checked',
  );
}

function docxUnreadable(relative: string, reason: string): ScanNote {
  return sourceNote(
    relative,
    'docx-unreadable',
    `无法读取此 Word 文档（已损坏或过大）：${reason}`,
    `This Word document could not be read (damaged or too large): ${reason}`,
  );
}

function pdfNoText(relative: string, zh: string, en: string): ScanNote {
  return sourceNote(relative, 'pdf-no-text', `PDF：${zh}`, `PDF: ${en}`);
}
