import type { DetectorName } from './detectors';
import type { Finding, ScanNote } from './finding';

/**
 * The seams between the content review's parts (issue 13). Sources (electron/services/scan/)
 * read files and pages into PageInput; analysePage (shared/scan/analyse-page.ts) runs every
 * detector over one; the scan run (electron/services/scan/scan-run.ts) numbers the findings,
 * checks the links pages point at, and builds the report.
 */

/** A hit of a text detector, by UTF-16 offsets into the folded text it was given. */
export interface TextHit {
  readonly detector: DetectorName;
  readonly start: number;
  readonly end: number;
  /** The matched text as it stands in the page (digits with their spaces or dashes). */
  readonly raw: string;
  /** The word list's category, for `word` hits. */
  readonly category?: string;
}

/** What a text detector is: pure, over text already folded (shared/scan/text/fold.ts). */
export type TextDetector = (text: string) => readonly TextHit[];

/** How a document's text is to be read. DOCX and PDF arrive as extracted text (table rows as lines of tab-separated cells). */
export type PageKind = 'html' | 'text' | 'markdown' | 'docx' | 'pdf';

/** One decoded file or fetched page. */
export interface PageInput {
  /** A path relative to the scanned folder (with `/`), or the page's absolute URL. */
  readonly source: string;
  readonly kind: PageKind;
  readonly text: string;
  /**
   * The URL relative links are resolved against: the page's URL when fetched; for a folder,
   * `FOLDER_BASE` + the file's relative path, so links inside the folder resolve to that host.
   */
  readonly baseUrl: string;
}

/** The host a folder's files are given, so that relative links between them resolve as URLs. */
export const FOLDER_BASE = 'http://folder.invalid/';

/** A link a page makes to its own site: the run checks it is alive (a file that exists, or a 2xx/3xx). */
export interface PageLink {
  /** Absolute, with the fragment removed. */
  readonly target: string;
  readonly line: number;
  readonly column: number;
  /** The text around the link on its line (for a dead-link finding's context). */
  readonly context: string;
  /** Whether it is a page to visit (an `<a href>`/frame) rather than an image, script or stylesheet. */
  readonly navigable: boolean;
}

/** A finding before the run numbers it: no id, and its state is always `open`. */
export type PageFinding = Omit<Finding, 'id' | 'state'>;

export interface PageAnalysis {
  readonly findings: readonly PageFinding[];
  /** Links to hosts of the school's own (or inside the folder), to check for dead ones. */
  readonly links: readonly PageLink[];
  readonly notes: readonly ScanNote[];
}

/** A bureau's word list compiled once for a whole scan (shared/scan/words/). */
export interface WordMatcher {
  readonly terms: number;
  readonly categories: readonly string[];
  /**
   * Every occurrence of every term in the text, folded or not (the matcher folds each code unit
   * as it reads it: the hits of a text and of its foldText are the same, `raw` sliced from the
   * text given).
   */
  find(text: string): readonly TextHit[];
}

export interface AnalyseOptions {
  readonly words: WordMatcher | null;
  /** The school's own hosts, lower-case: links elsewhere are external; links here are checked. */
  readonly ownHosts: readonly string[];
  /**
   * This year on the scan's clock (injected: shared/ reads no clock): an ID number whose birth
   * date is later is not one. Absent: any year up to 2099 counts.
   */
  readonly year?: number;
}
