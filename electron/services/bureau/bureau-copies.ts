import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../data-layout';
import { bureauCopyOf } from '../data-layout';
import { writeFileAtomic } from '../atomic-file';
import { quarantine } from '../quarantine';

/**
 * The bureau's copies of accepted files, `bureau/files/<sha256>.<xlsx|zip>`: named by their
 * content, written atomically, never overwritten; a copy whose bytes no longer hash to its name
 * is set aside (renamed `*.corrupt-<time>.*` beside it) and never used.
 */

export type CopyKind = 'workbook' | 'package';

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The copy's bytes when they still hash to its name; null when it is missing. */
function readCopy(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export type CopyCheck =
  | { readonly kind: 'good'; readonly bytes: Buffer }
  | { readonly kind: 'missing' }
  | { readonly kind: 'set-aside'; readonly keptAs: string };

/** Reads a copy and checks it against its name; a changed one is set aside. */
export function checkCopy(paths: DataPaths, sha256: string, kind: CopyKind, now: Date): CopyCheck {
  const file = paths.bureauCopy(sha256, kind);
  const bytes = readCopy(file);
  if (!bytes) return { kind: 'missing' };
  if (sha256Of(bytes) === sha256) return { kind: 'good', bytes };
  return { kind: 'set-aside', keptAs: quarantine(file, now) };
}

/**
 * Whether a copy looks as stored without reading it (its size): what a start-up checks of every
 * copy. A copy of another size is read, and set aside when its bytes changed.
 */
export function statCopy(
  paths: DataPaths,
  sha256: string,
  kind: CopyKind,
  size: number,
  now: Date,
): CopyCheck | { readonly kind: 'unread' } {
  try {
    if (fs.statSync(paths.bureauCopy(sha256, kind)).size === size) return { kind: 'unread' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  return checkCopy(paths, sha256, kind, now);
}

/**
 * Keeps a copy of an accepted file. One already there with the right bytes is left as it is (the
 * same content); one whose bytes changed is set aside first. Returns what was set aside, if any.
 */
export function storeCopy(
  paths: DataPaths,
  sha256: string,
  kind: CopyKind,
  bytes: Uint8Array,
  now: Date,
): string | null {
  fs.mkdirSync(paths.bureauFiles, { recursive: true });
  const found = checkCopy(paths, sha256, kind, now);
  if (found.kind === 'good') return null;
  writeFileAtomic(paths.bureauCopy(sha256, kind), bytes);
  return found.kind === 'set-aside' ? found.keptAs : null;
}

/** Moves a copy into `bureau/removed/` (an identical one there already stands for it). */
export function moveToRemoved(paths: DataPaths, sha256: string, kind: CopyKind): void {
  const from = paths.bureauCopy(sha256, kind);
  const to = paths.bureauCopy(sha256, kind, 'removed');
  if (!fs.existsSync(from)) return;
  fs.mkdirSync(paths.bureauRemoved, { recursive: true });
  if (fs.existsSync(to)) fs.rmSync(from);
  else fs.renameSync(from, to);
}

/** The copies in `bureau/files/` (anything else there, a set-aside copy or a temp file, is not). */
export function listCopies(paths: DataPaths): {
  readonly sha256: string;
  readonly kind: CopyKind;
  readonly name: string;
  readonly mtime: Date;
}[] {
  let names: string[];
  try {
    names = fs.readdirSync(paths.bureauFiles);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const copy = bureauCopyOf(name);
    if (!copy) return [];
    const mtime = fs.statSync(path.join(paths.bureauFiles, name)).mtime;
    return [{ ...copy, name, mtime }];
  });
}
