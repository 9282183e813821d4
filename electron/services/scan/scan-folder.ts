import type { PageFinding } from '../../../shared/scan/page';
import { FolderIndex } from './folder-index';
import type { FileResult } from './scan-file';
import type { ScanParts, WordTerm } from './scan-parts';
import { readFiles } from './scan-pool';
import { relativeOfFolderUrl } from './sources/folder-url';
import type { RunState } from './scan-run';

/**
 * A folder scan: the folder listed, each file read and analysed (scan-pool.ts), and each link
 * into the folder checked against the listing as its page comes back (a missing file is a
 * `dead-link` at the link's line). Only findings, notes and counts are kept.
 */

export interface FolderScan {
  readonly root: string;
  readonly words: readonly WordTerm[] | null;
  readonly ownHosts: readonly string[];
  readonly year: number;
  readonly workers: number;
  readonly workerPath: string | null;
}

export async function scanFolder(
  state: RunState,
  parts: ScanParts,
  scan: FolderScan,
): Promise<void> {
  const { collector, signal } = state;
  const listing = await parts.listFolder(scan.root, { signal }).catch((error: unknown) => {
    if (signal.aborted) return null;
    throw error;
  });
  if (!listing) return;
  for (const note of listing.notes) collector.addNote(note);
  // Files and folders passed over while listing (a link, too deep, unreadable): one note each.
  collector.skipped += listing.notes.filter((n) => n.source !== '').length;
  const index = new FolderIndex(listing.files.map((f) => f.relative));
  const documents = listing.files.filter((f) => f.kind !== null);
  state.progress = { ...state.progress, phase: 'reading', total: documents.length };
  const onResult = (result: FileResult, file: string) => {
    if (result.read) collector.scanned += 1;
    else collector.skipped += 1;
    collector.bytes += result.bytes;
    for (const finding of result.findings) collector.addFinding(finding);
    for (const note of result.notes) collector.addNote(note);
    for (const link of result.links) {
      if (index.alive(link.target) !== false) continue;
      collector.addFinding(deadLink(file, link));
    }
    state.progress = {
      ...state.progress,
      scanned: state.progress.scanned + 1,
      bytes: collector.bytes,
      findings: collector.found,
    };
  };
  await readFiles({
    documents,
    words: scan.words,
    ownHosts: scan.ownHosts,
    year: scan.year,
    signal,
    workers: scan.workers,
    workerPath: scan.workerPath,
    parts,
    onStart: (file) => {
      state.progress = { ...state.progress, current: file };
    },
    onResult,
  });
}

function deadLink(source: string, link: FileResult['links'][number]): PageFinding {
  // Said as the path in the folder it points at, as the user knows their files.
  const shown = relativeOfFolderUrl(link.target) || '/';
  return {
    detector: 'dead-link',
    source,
    line: link.line,
    column: link.column,
    match: shown.slice(0, 400),
    context: link.context.slice(0, 400),
    target: shown.slice(0, 2048),
  };
}
