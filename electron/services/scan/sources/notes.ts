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
