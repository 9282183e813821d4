import type { ScanNote } from '../../../shared/scan/finding';
import type { AnalyseOptions, PageFinding, PageLink } from '../../../shared/scan/page';
import type { ScanParts } from './scan-parts';
import type { FolderFile } from './sources/folder-walk';

/**
 * One file of a folder scan, read, decoded and analysed (in a worker thread, or in the run's own
 * thread when there is none): what comes back is findings, links and notes, never the text.
 */

/** What the run sends to read one file. */
export interface FileTask {
  readonly index: number;
  readonly file: FolderFile;
}

/** A link as the run needs it to tell a dead one (the page's own fields, plain data). */
export type FileLink = Pick<PageLink, 'target' | 'line' | 'column' | 'context'>;

/** What one file gave. */
export interface FileResult {
  readonly index: number;
  /** Whether it was read and checked (false: skipped, with a note saying why). */
  readonly read: boolean;
  readonly bytes: number;
  readonly findings: readonly PageFinding[];
  readonly links: readonly FileLink[];
  readonly notes: readonly ScanNote[];
}

export const CRASHED_NOTE = {
  'zh-CN': '读取或检查此文件时出错，已跳过',
  'en-US': 'reading or checking this file failed; it was skipped',
} as const;

/** Reads and analyses one file; never throws (a failure is an `unreadable` note). */
export async function scanFile(
  task: FileTask,
  parts: Pick<ScanParts, 'readDocument' | 'analysePage'>,
  options: AnalyseOptions,
): Promise<FileResult> {
  const empty = { index: task.index, findings: [], links: [] };
  try {
    const read = await parts.readDocument(task.file);
    if (!read.page) return { ...empty, read: false, bytes: read.bytes, notes: read.notes };
    const analysis = parts.analysePage(read.page, options);
    return {
      index: task.index,
      read: true,
      bytes: read.bytes,
      findings: analysis.findings,
      links: analysis.links.map(({ target, line, column, context }) => ({
        target,
        line,
        column,
        context,
      })),
      notes: [...read.notes, ...analysis.notes],
    };
  } catch {
    const note: ScanNote = {
      source: task.file.relative,
      code: 'unreadable',
      message: { ...CRASHED_NOTE },
    };
    return { ...empty, read: false, bytes: 0, notes: [note] };
  }
}
