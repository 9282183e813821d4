import type { ScanNote } from '../../../shared/scan/finding';
import type { WordTerm } from '../../../shared/scan/words/word-list';
import type { FolderFile, FolderListing } from './sources/folder-walk';
import type {
  AnalyseOptions,
  PageAnalysis,
  PageInput,
  WordMatcher,
} from '../../../shared/scan/page';

/**
 * What the scan run uses of the content review's other parts: the sources (reading a folder's
 * files, fetching a site), the page analysis and the word matcher. The run takes them as one
 * object so that its tests can give a source that misbehaves on purpose.
 */

export type { WordTerm } from '../../../shared/scan/words/word-list';

/** One file read: its page (null when skipped), the bytes read, and notes about it. */
export interface ReadDocument {
  readonly page: PageInput | null;
  readonly bytes: number;
  readonly notes: readonly ScanNote[];
}

/** One page the site crawler fetched. */
export interface CrawledPage {
  readonly url: string;
  /** The HTTP status it answered with (0 when it could not be fetched). */
  readonly status: number;
  /** The page to analyse (null for a status that is not 2xx, or not a readable page). */
  readonly page: PageInput | null;
  readonly bytes: number;
  readonly notes: readonly ScanNote[];
}

export interface CrawlOptions {
  readonly start: string;
  readonly hosts: readonly string[];
  readonly signal: AbortSignal;
  /** Called for each page fetched; returns the page's links the crawler may follow next. */
  readonly onPage: (page: CrawledPage) => readonly string[];
}

export interface ScanParts {
  /** Lists a folder (sources/folder-walk.ts); throws only when the signal aborts. */
  listFolder(root: string, options: { signal?: AbortSignal }): Promise<FolderListing>;
  /** Reads and decodes one listed file of a readable kind; never throws. */
  readDocument(file: FolderFile): Promise<ReadDocument>;
  /** Fetches the site page by page; resolves with scan-wide notes (page cap, refusals) when done. */
  crawlSite(options: CrawlOptions): Promise<readonly ScanNote[]>;
  /** A resource's HTTP status (HEAD, else GET), 0 when it cannot be reached. */
  checkLink(url: string, hosts: readonly string[], signal: AbortSignal): Promise<number>;
  analysePage(page: PageInput, options: AnalyseOptions): PageAnalysis;
  compileWords(terms: readonly WordTerm[]): WordMatcher;
}
