import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RejectedIntake } from '../../../shared/bureau/intake';
import type { Bilingual } from '../../../shared/i18n/locale';
import { rejected } from './intake';
import type { IntakeSource } from './intake-read';
import { readFailed } from './intake-read';

/**
 * The files a bureau gave (the 汇总 page's picker, `qinglang aggregate PATH...`): a file named
 * directly is taken whatever its name; a folder is walked for workbooks and packages (.xlsx,
 * .zip), hidden files and Office's "~$" lock files left out, symbolic links not followed.
 */

/** The most files one call lists: far more than any district has schools. */
export const MAX_LISTED_FILES = 100_000;
/** The deepest folder walked below one that was given. */
export const MAX_FOLDER_DEPTH = 32;

export interface SubmissionFiles {
  readonly sources: IntakeSource[];
  /** Paths that could not be listed or read, each with why. */
  readonly skipped: RejectedIntake[];
}

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

const TAKEN = /\.(xlsx|zip)$/i;

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'error';

const shownName = (relative: string) => relative.split(path.sep).join('/');

const wanted = (name: string) =>
  !name.startsWith('.') && !name.startsWith('~$') && TAKEN.test(name);

export async function listSubmissionFiles(paths: readonly string[]): Promise<SubmissionFiles> {
  const sources: IntakeSource[] = [];
  const skipped: RejectedIntake[] = [];
  const full = () => sources.length >= MAX_LISTED_FILES;
  let overflow = false;

  const walk = async (root: string, dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push(
        rejected(
          shownName(path.relative(root, dir)) || path.basename(dir),
          0,
          'read-failed',
          readFailed(codeOf(error)),
        ),
      );
      return;
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth >= MAX_FOLDER_DEPTH) {
          skipped.push(
            rejected(
              shownName(path.relative(root, absolute)),
              0,
              'not-supported',
              b(
                `文件夹层级超过 ${MAX_FOLDER_DEPTH} 层，未读取`,
                `nested more than ${MAX_FOLDER_DEPTH} folders deep: not read`,
              ),
            ),
          );
          continue;
        }
        await walk(root, absolute, depth + 1);
      } else if (entry.isFile() && wanted(entry.name)) {
        if (full()) {
          overflow = true;
          return;
        }
        sources.push({ file: shownName(path.relative(root, absolute)), path: absolute });
      }
      if (overflow) return;
    }
  };

  for (const given of paths) {
    if (overflow) break;
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      skipped.push(rejected(given, 0, 'read-failed', readFailed(codeOf(error))));
      continue;
    }
    if (stat.isDirectory()) await walk(absolute, absolute, 0);
    else if (stat.isFile()) {
      if (full()) overflow = true;
      else sources.push({ file: path.basename(absolute), path: absolute });
    } else
      skipped.push(rejected(given, 0, 'not-supported', b('不是普通文件', 'not a regular file')));
  }
  if (overflow)
    skipped.push(
      rejected(
        paths.join(', ').slice(0, 200),
        0,
        'too-large',
        b(
          `文件超过 ${MAX_LISTED_FILES} 个，其余未读取`,
          `more than ${MAX_LISTED_FILES} files: the rest were not read`,
        ),
      ),
    );
  return { sources, skipped };
}
