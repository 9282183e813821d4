import { SCAN_LIMITS } from '../../../../shared/scan/finding';
import type { NoteCode, ScanNote } from '../../../../shared/scan/finding';

/** A note about one file or URL ('' for the scan as a whole), said in both languages. */
export function sourceNote(source: string, code: NoteCode, zh: string, en: string): ScanNote {
  return {
    source: source.slice(0, SCAN_LIMITS.source),
    code,
    message: { 'zh-CN': zh, 'en-US': en },
  };
}

/** A file or folder that could not be read (the folder walk and reading a file both say this). */
export function unreadableNote(relative: string): ScanNote {
  return sourceNote(
    relative,
    'unreadable',
    '无法读取（权限不足或已被移走）',
    'Could not be read (no permission, or it was moved away)',
  );
}
