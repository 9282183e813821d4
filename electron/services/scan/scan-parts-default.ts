import { analysePage } from '../../../shared/scan/analyse-page';
import { compileWords } from '../../../shared/scan/words/matcher';
import type { ScanParts } from './scan-parts';
import { listFolder } from './sources/folder-walk';
import { readDocument } from './sources/read-document';

/** The content review's real parts, as the app, the CLI and the scan worker use them. */
export const SCAN_PARTS: ScanParts = {
  listFolder,
  readDocument: (file) => readDocument(file),
  crawlSite: () => Promise.resolve([]),
  checkLink: () => Promise.resolve(0),
  analysePage,
  compileWords,
};
