import { analysePage } from '../../../shared/scan/analyse-page';
import { compileWords } from '../../../shared/scan/words/matcher';
import type { ScanParts } from './scan-parts';
import { listFolder } from './sources/folder-walk';
import { readDocument } from './sources/read-document';
import { checkLink, crawlSite } from './sources/site-fetch';

/** The content review's real parts, as the app, the CLI and the scan worker use them. */
export const SCAN_PARTS: ScanParts = {
  listFolder,
  readDocument: (file) => readDocument(file),
  crawlSite: (options) => crawlSite(options),
  checkLink: (url, hosts, signal) => checkLink(url, hosts, signal),
  analysePage,
  compileWords,
};
