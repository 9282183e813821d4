import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { MAX_EVIDENCE_BYTES } from '../../../shared/inspection/evidence';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { SHA256_PATTERN } from '../../../shared/inspection/schema';
import {
  evidenceName,
  knownType,
  OCTET_STREAM,
  sniffType,
  typeFromName,
} from '../../../shared/inspection/evidence-files';
import { dataPaths } from '../data-layout';
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
  const paths = dataPaths(options.dataDir);
  const root = paths.evidence;
  const maxBytes = options.maxBytes ?? MAX_EVIDENCE_BYTES;
  const now = options.now ?? (() => new Date());
  const { log } = options;
  const fileOf = paths.evidenceFile;

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
