import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScanNote } from '../../../../shared/scan/finding';
import type { PageKind } from '../../../../shared/scan/page';
import { sourceNote, unreadableNote } from './notes';

/**
 * Lists a folder for the content review: every regular file under it, with its size and how it
 * is to be read. Symbolic links are never followed (a link loop costs one note), dot-folders
 * (.git, .svn) are skipped, and depth and entry caps bound the time a hostile tree can take.
 * Files of no readable kind are listed too: the run checks links to them (images, scripts).
 */

export interface WalkLimits {
  /** Folders deeper than this below the root are not entered. */
  readonly maxDepth: number;
  /** Entries (files and folders) listed before the walk stops. */
  readonly maxEntries: number;
}

export const WALK_LIMITS: WalkLimits = { maxDepth: 40, maxEntries: 200_000 };

export interface FolderFile {
  /** The path below the root, with '/', its characters as they are (Chinese names too). */
  readonly relative: string;
  readonly absolute: string;
  readonly size: number;
  /** How it is read, or null: listed (links to it are alive) but not read. */
  readonly kind: PageKind | null;
}

export interface FolderListing {
  readonly files: FolderFile[];
  readonly notes: ScanNote[];
  /** False when a cap stopped the walk. */
  readonly complete: boolean;
}

const KINDS: Readonly<Record<string, PageKind>> = {
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.asp': 'html',
  '.aspx': 'html',
  '.php': 'html',
  '.jsp': 'html',
  '.txt': 'text',
  '.csv': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** How a file is read, by its extension (case-insensitive). */
export function kindOfName(name: string): PageKind | null {
  return KINDS[path.extname(name).toLowerCase()] ?? null;
}

interface Pending {
  readonly absolute: string;
  readonly relative: string;
  readonly depth: number;
}

/** Lists `root` (see the module comment); throws only when the signal aborts. */
export async function listFolder(
  root: string,
  options: { signal?: AbortSignal; limits?: WalkLimits } = {},
): Promise<FolderListing> {
  const limits = options.limits ?? WALK_LIMITS;
  const files: FolderFile[] = [];
  const notes: ScanNote[] = [];
  const pending: Pending[] = [{ absolute: root, relative: '', depth: 0 }];
  let entries = 0;
  while (pending.length > 0) {
    options.signal?.throwIfAborted();
    const folder = pending.pop()!;
    const listed = await readFolder(folder, notes);
    const subfolders: Pending[] = [];
    for (const entry of listed) {
      if (++entries > limits.maxEntries) {
        notes.push(tooMany(limits.maxEntries));
        return { files, notes, complete: false };
      }
      const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
      const absolute = path.join(folder.absolute, entry.name);
      if (entry.isSymbolicLink()) notes.push(symlinkNote(relative));
      else if (entry.isDirectory()) {
        if (entry.name.startsWith('.')) continue;
        if (folder.depth + 1 > limits.maxDepth) notes.push(tooDeep(relative, limits.maxDepth));
        else subfolders.push({ absolute, relative, depth: folder.depth + 1 });
      } else if (entry.isFile()) {
        const size = await sizeOf(absolute);
        if (size === null) notes.push(unreadableNote(relative));
        else files.push({ relative, absolute, size, kind: kindOfName(entry.name) });
      }
      // Sockets, pipes and devices are neither listed nor opened: reading a pipe never ends.
    }
    // Depth first, in name order: the stack takes the last pushed first.
    pending.push(...subfolders.reverse());
  }
  return { files, notes, complete: true };
}

async function readFolder(folder: Pending, notes: ScanNote[]): Promise<Dirent[]> {
  try {
    const entries = await fs.readdir(folder.absolute, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    notes.push(unreadableNote(folder.relative));
    return [];
  }
}

async function sizeOf(absolute: string): Promise<number | null> {
  try {
    return (await fs.lstat(absolute)).size;
  } catch {
    return null;
  }
}

function symlinkNote(relative: string): ScanNote {
  return sourceNote(
    relative,
    'symlink',
    '符号链接，未跟随（避免循环或读到所选文件夹以外的文件）',
    'A symbolic link, not followed (so a loop or a file outside the chosen folder is never read)',
  );
}

function tooDeep(relative: string, max: number): ScanNote {
  return sourceNote(
    relative,
    'too-deep',
    `文件夹层级超过 ${max} 层，未进入`,
    `The folder is more than ${max} levels deep and was not entered`,
  );
}

function tooMany(max: number): ScanNote {
  return sourceNote(
    '',
    'too-many-files',
    `文件夹中的文件超过 ${max.toLocaleString('en-US')} 个，只检查了前面的部分`,
    `The folder has more than ${max.toLocaleString('en-US')} entries; only the first were checked`,
  );
}
