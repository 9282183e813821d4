import fs from 'node:fs/promises';
import type { Bilingual } from '../../../shared/i18n/locale';
import { MAX_WORKBOOK_BYTES } from '../../../shared/workbook/opened';
import { MAX_PACKAGE_FILE_BYTES } from '../workbook/package-verify';
import { isZipBytes } from '../workbook/workbook-read';
import type { IntakeResult } from './intake';
import { intakeFile, rejected, tooLargeReason } from './intake';

/** A file to take in: the name shown (relative to the folder the user gave) and where it is. */
export interface IntakeSource {
  readonly file: string;
  readonly path: string;
}

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

export const readFailed = (code: string): Bilingual =>
  code === 'ENOENT'
    ? b('文件不存在', 'no such file')
    : b(`无法读取文件（${code}）`, `the file cannot be read (${code})`);

type Read =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly result: IntakeResult };

/**
 * The file's bytes, its size checked before a byte more than its first four is read: a zip may be
 * as large as a package, anything else only as large as a workbook. Never throws.
 */
export async function readSource(source: IntakeSource): Promise<Read> {
  const fail = (
    size: number,
    status: 'read-failed' | 'too-large' | 'not-supported',
    why: Bilingual,
  ) => ({ ok: false, result: { intake: rejected(source.file, size, status, why) } }) as const;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(source.path, 'r');
  } catch (error) {
    return fail(0, 'read-failed', readFailed(codeOf(error)));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return fail(0, 'not-supported', b('不是普通文件', 'not a regular file'));
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const cap = isZipBytes(head) ? MAX_PACKAGE_FILE_BYTES : MAX_WORKBOOK_BYTES;
    if (stat.size > cap) return fail(stat.size, 'too-large', tooLargeReason(stat.size, cap));
    // The file may have grown since it was measured: never read more than the cap and one byte.
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size === buffer.length)
        return fail(
          size,
          'read-failed',
          b(
            '读取时文件仍在变化，请稍后再试',
            'the file changed while it was being read; try again',
          ),
        );
    }
    return { ok: true, bytes: buffer.subarray(0, size) };
  } catch (error) {
    return fail(0, 'read-failed', readFailed(codeOf(error)));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'error';

/** One source read from the disk and checked. Never throws. */
export async function intakeSource(source: IntakeSource, today: string): Promise<IntakeResult> {
  const read = await readSource(source);
  return read.ok ? intakeFile(source.file, read.bytes, today) : read.result;
}
