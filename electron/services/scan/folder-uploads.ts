import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { Bilingual } from '../../../shared/i18n/locale';
import {
  FOLDER_TOO_LARGE,
  FOLDER_UPLOAD_LIMITS,
  uploadPathSegments,
} from '../../../shared/scan/folder-upload';
import type { PickedFolder } from '../../../shared/ipc/scan';
import { dataPaths } from '../data-layout';
import type { Logger } from '../logger';

/**
 * The browser harness's folder pick: the page cannot hand a folder's path to a server, so it
 * uploads a copy of the folder's files, each with its path relative to the folder, into
 * `.scan-uploads/<token>/<folder name>/` in the data folder. Paths are checked (no `..`, no
 * absolute path, no NUL or control characters, no backslash or colon), the copy is capped in
 * files and bytes, and nothing is ever written outside the token's folder. Once finished, the
 * copy is registered with the scan service under the token, like a folder the desktop dialog
 * chose. The copy is removed when the scan that used it ends, when another upload begins while
 * it is unused, and at the next start.
 */
export interface FolderUploads {
  /** Starts an upload; the answer is the token the files are sent with. */
  begin(): string;
  /** Stores one file of the upload; `relativePath` starts with the folder's own name. */
  write(token: string, relativePath: string, body: Readable, declaredBytes: number): Promise<void>;
  /** Ends the upload and registers its folder; the page gets what `scan:pickFolder` answers. */
  finish(token: string): PickedFolder;
  /** Removes an upload's copy (its scan ended, or it was abandoned). */
  discard(token: string): void;
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  /** Registers a finished copy's folder under the token; returns what the page is answered. */
  readonly register: (token: string, dir: string, name: string) => PickedFolder;
  /** Whether a copy is in use by a scan now (it is then never removed by another upload). */
  readonly inUse: (token: string) => boolean;
  /** Lower caps (tests). */
  readonly limits?: { readonly bytes: number; readonly files: number };
}

interface Upload {
  readonly dir: string;
  files: number;
  bytes: number;
  /** The folder's own name: the first segment of every path (one folder per upload). */
  name: string | null;
  finished: boolean;
}

const refuse = (zh: string, en: string): AppError =>
  new AppError('invalid-input', { 'zh-CN': zh, 'en-US': en } satisfies Bilingual);

const tooLarge = (): AppError => new AppError('evidence-too-large', { ...FOLDER_TOO_LARGE });

export function openFolderUploads(options: Options): FolderUploads {
  const { dataDir, log, register, inUse } = options;
  const limits = options.limits ?? FOLDER_UPLOAD_LIMITS;
  const root = dataPaths(dataDir).scanUploads;
  const uploads = new Map<string, Upload>();

  const upload = (token: string): Upload => {
    const found = /^[0-9a-f-]{36}$/.test(token) ? uploads.get(token) : undefined;
    if (!found || found.finished) throw new AppError('scan-folder-unavailable');
    return found;
  };

  const discard = (token: string) => {
    if (!/^[0-9a-f-]{36}$/.test(token)) return;
    uploads.delete(token);
    try {
      fs.rmSync(path.join(root, token), { recursive: true, force: true });
    } catch (error) {
      log.warn('scans.upload-not-removed', { code: String((error as NodeJS.ErrnoException).code) });
    }
  };

  return {
    begin() {
      // A copy nobody scans any more (the user chose another folder) goes first.
      for (const token of [...uploads.keys()]) if (!inUse(token)) discard(token);
      const token = randomUUID();
      const dir = path.join(root, token);
      fs.mkdirSync(dir, { recursive: true });
      uploads.set(token, { dir, files: 0, bytes: 0, name: null, finished: false });
      return token;
    },
    async write(token, relativePath, body, declaredBytes) {
      const current = upload(token);
      try {
        await writeOne(current, limits, relativePath, body, declaredBytes);
      } catch (error) {
        // One refused file ends the upload: the page says why, and a scan never reads half a folder.
        discard(token);
        throw error;
      }
    },
    finish(token) {
      const current = upload(token);
      if (current.name === null) {
        discard(token);
        throw refuse('所选文件夹是空的。', 'The folder chosen is empty.');
      }
      current.finished = true;
      log.info('scans.folder-uploaded', { files: current.files, bytes: current.bytes });
      return register(token, path.join(current.dir, current.name), current.name);
    },
    discard,
  };
}

async function writeOne(
  current: Upload,
  limits: { readonly bytes: number; readonly files: number },
  relativePath: string,
  body: Readable,
  declaredBytes: number,
): Promise<void> {
  const segments = uploadPathSegments(relativePath);
  if (!segments) {
    throw refuse(
      `文件路径不可用：${relativePath.slice(0, 200)}`,
      `This file's path cannot be used: ${relativePath.slice(0, 200)}`,
    );
  }
  if (current.name !== null && segments[0] !== current.name) {
    throw refuse('一次只能上传一个文件夹。', 'Only one folder can be uploaded at a time.');
  }
  if (
    current.files + 1 > limits.files ||
    current.bytes + Math.max(0, declaredBytes) > limits.bytes
  ) {
    throw tooLarge();
  }
  current.name = segments[0]!;
  current.files += 1;
  const target = path.join(current.dir, ...segments);
  // Made only from checked segments; checked again, so nothing lands outside the copy.
  if (!target.startsWith(`${current.dir}${path.sep}`)) throw refuse('路径无效。', 'Invalid path.');
  await fsp.mkdir(path.dirname(target), { recursive: true });
  // 'wx': never over a file already there (the same path twice), never through a link.
  const handle = await fsp.open(target, 'wx').catch(() => {
    throw refuse(
      `文件重复或无法写入：${relativePath.slice(0, 200)}`,
      `The file is repeated or cannot be written: ${relativePath.slice(0, 200)}`,
    );
  });
  try {
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      current.bytes += bytes.length;
      if (current.bytes > limits.bytes) throw tooLarge();
      for (let offset = 0; offset < bytes.length;) {
        offset += (await handle.write(bytes, offset)).bytesWritten;
      }
    }
  } finally {
    await handle.close();
  }
}

/** Removes every upload copy left from an earlier run (only the holder of the data folder may). */
export function removeFolderUploads(dataDir: string, log: Logger): void {
  try {
    fs.rmSync(dataPaths(dataDir).scanUploads, { recursive: true, force: true });
  } catch (error) {
    log.warn('scans.upload-not-removed', { code: String((error as NodeJS.ErrnoException).code) });
  }
}
