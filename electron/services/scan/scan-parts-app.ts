import { parseWordList } from '../../../shared/scan/words/word-list';
import { scanWorkbook } from './report-workbook';
import type { ScanWorkbookBuilder } from './scan-evidence';
import type { WordListRead } from './scan-runs';

/**
 * The content review's parts the app's scan service is assembled from: the word-list reader
 * (shared/scan/words/word-list.ts) and the findings workbook (report-workbook.ts).
 */
export const readWordList: (text: string) => WordListRead = parseWordList;

export const buildScanWorkbook: ScanWorkbookBuilder = scanWorkbook;
