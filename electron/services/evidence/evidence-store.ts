import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { MAX_EVIDENCE_BYTES } from '../../../shared/inspection/evidence';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { SHA256_PATTERN } from '../../../shared/inspection/schema';
import { FORBIDDEN_CHARACTERS } from '../../../shared/inspection/patterns';
import type { Logger } from '../logger';

export interface EvidenceStore {
  /** The largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Copies a file the user chose; its size is checked before a byte of it is read. */
  addFile(filePath: string): Promise<EvidenceRef>;
  /** Stores a stream's bytes (the harness's uploads), refusing it once it passes the limit. */
  addStream(stream: Readable, name: string, declaredType: string): Promise<EvidenceRef>;
  /** A stored file's bytes and the type its bytes show (what a preview may trust). */
  read(sha256: string): Promise<{ readonly type: string; readonly bytes: Buffer }>;
  has(sha256: string): boolean;
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  readonly maxBytes?: number;
  readonly now?: () => Date;
}

export const OCTET_STREAM = 'application/octet-stream';

/** Enough of a file's start to recognise every format sniffType knows. */
const HEAD_BYTES = 16;

/** A temp file this old was left by a crash, not by a copy still running in another process. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const TEMP_PATTERN = /^\.[0-9a-f-]{36}\.tmp$/;

/**
 * Evidence files in <dataDir>/evidence/<first two hex digits>/<sha256>. Each is streamed into a
 * temp file beside them while it is hashed, then renamed into place, so a file is either there
 * whole or not at all; identical files are stored once.
 */
export function openEvidenceStore(options: Options): EvidenceStore {
  const root = path.join(options.dataDir, 'evidence');
  const maxBytes = options.maxBytes ?? MAX_EVIDENCE_BYTES;
  const now = options.now ?? (() => new Date());
  const { log } = options;
  const fileOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);

  removeStaleTemps(root, now(), log);

  async function store(source: Readable, name: string, declaredType: string) {
    const temp = path.join(root, `.${randomUUID()}.tmp`);
    let handle: fsp.FileHandle;
    try {
      await fsp.mkdir(root, { recursive: true });
      handle = await fsp.open(temp, 'wx');
    } catch (error) {
      // Nobody will read it now: let go of the file (or the upload) it comes from.
      source.destroy();
      log.error('evidence.store-failed', error);
      throw new AppError('storage-failed');
    }
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let size = 0;
    // Where a failure came from decides what the user is told: their file, or our folder.
    let writing = false;
    try {
      try {
        for await (const chunk of source as AsyncIterable<Buffer | string>) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          size += bytes.length;
          // Leaving the loop destroys the source: nothing past the limit is read.
          if (size > maxBytes) throw new AppError('evidence-too-large');
          if (head.length < HEAD_BYTES) {
            head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
          }
          hash.update(bytes);
          writing = true;
          await writeAll(handle, bytes);
          writing = false;
        }
        writing = true;
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await discard(temp, log);
      throw refusal(error, writing, log);
    }

    const sha256 = hash.digest('hex');
    const target = fileOf(sha256);
    let deduplicated = false;
    try {
      await fsp.mkdir(path.dirname(target), { recursive: true });
      // The size check repairs a copy cut short by a power cut before the rename reached disk.
      if (await isStored(target, size)) {
        deduplicated = true;
      } else {
        try {
          await fsp.rename(temp, target);
        } catch (error) {
          // Another copy of the same bytes may have won the race (Windows refuses the rename).
          if (!(await isStored(target, size))) throw error;
          deduplicated = true;
        }
      }
    } catch (error) {
      await discard(temp, log);
      log.error('evidence.store-failed', error);
      throw new AppError('storage-failed');
    }
    if (deduplicated) await discard(temp, log);

    const shown = evidenceName(name);
    const type = sniffType(head) ?? typeFromName(shown) ?? knownType(declaredType) ?? OCTET_STREAM;
    log.info('evidence.stored', { size, type, deduplicated });
    return {
      sha256,
      name: shown,
      size,
      type,
      addedAt: now().toISOString(),
    } satisfies EvidenceRef;
  }

  return {
    maxBytes,
    async addFile(filePath) {
      let stat: fs.Stats;
      try {
        stat = await fsp.stat(filePath);
      } catch (error) {
        log.warn('evidence.unreadable', { code: errnoCode(error) });
        throw new AppError('evidence-unreadable');
      }
      if (!stat.isFile()) {
        log.warn('evidence.unreadable', { code: 'not-a-file' });
        throw new AppError('evidence-unreadable');
      }
      if (stat.size > maxBytes) {
        log.warn('evidence.refused', { code: 'evidence-too-large', size: stat.size });
        throw new AppError('evidence-too-large');
      }
      // The file may still grow between stat and read; store() keeps counting.
      return store(fs.createReadStream(filePath), path.basename(filePath), '');
    },
    addStream: (stream, name, declaredType) => store(stream, name, declaredType),
    async read(sha256) {
      // Checked before any path is made from it: only 64 hex digits ever reach the file system.
      if (!SHA256_PATTERN.test(sha256)) throw new AppError('evidence-not-found');
      let bytes: Buffer;
      try {
        bytes = await fsp.readFile(fileOf(sha256));
      } catch (error) {
        if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes(errnoCode(error))) {
          log.warn('evidence.not-found');
          throw new AppError('evidence-not-found');
        }
        throw error;
      }
      return { type: sniffType(bytes) ?? OCTET_STREAM, bytes };
    },
    has(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return false;
      return fs.statSync(fileOf(sha256), { throwIfNoEntry: false })?.isFile() === true;
    },
  };
}

async function writeAll(handle: fsp.FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset);
    offset += bytesWritten;
  }
}

async function isStored(target: string, size: number): Promise<boolean> {
  const stat = await fsp.stat(target).catch(() => null);
  return stat !== null && stat.isFile() && stat.size === size;
}

async function discard(temp: string, log: Logger): Promise<void> {
  try {
    await fsp.rm(temp, { force: true });
  } catch (error) {
    log.error('evidence.temp-not-removed', error);
  }
}

function refusal(error: unknown, writing: boolean, log: Logger): AppError {
  if (error instanceof AppError) {
    log.warn('evidence.refused', { code: error.code });
    return error;
  }
  if (writing) {
    log.error('evidence.write-failed', error);
    return new AppError('storage-failed');
  }
  log.warn('evidence.unreadable', { code: errnoCode(error) });
  return new AppError('evidence-unreadable');
}

function errnoCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

function removeStaleTemps(root: string, now: Date, log: Logger): void {
  try {
    for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
      if (!entry.isFile() || !TEMP_PATTERN.test(entry.name)) continue;
      const file = path.join(root, entry.name);
      if (now.getTime() - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file);
    }
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT')
      log.warn('evidence.cleanup-failed', { code: errnoCode(error) });
  }
}

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
function knownType(declared: string): string | null {
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
