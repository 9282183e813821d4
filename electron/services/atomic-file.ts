import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

/** Temp files this module leaves behind only when the process dies mid-write. */
export const TEMP_SUFFIX = /\.tmp-[0-9a-f-]{36}$/;

/**
 * Writes text (UTF-8) or bytes to a file so that a reader (or a crash) sees either the old file
 * or the new one, never a torn one: a temp file beside it, flushed to disk, then renamed over it.
 * The caller serialises once and hands over the text (a 1,000-row inspection is ~200 KB: once is
 * enough).
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, mode?: number): void {
  writeFileAtomicWith(
    file,
    (fd) => {
      if (typeof text === 'string') fs.writeFileSync(fd, text, 'utf8');
      else fs.writeFileSync(fd, text);
    },
    mode,
  );
}

/** Like writeFileAtomic, the content written by `fill` into the temp file as it is made. */
export function writeFileAtomicWith(file: string, fill: (fd: number) => void, mode?: number): void {
  const temp = `${file}.tmp-${randomUUID()}`;
  try {
    // A mode (0o600 for a private key) is set as the file is created, never after: no moment
    // exists in which others may read it. Windows keeps only the read-only bit of it.
    const fd = fs.openSync(temp, 'wx', mode);
    try {
      fill(fd);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
