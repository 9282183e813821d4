import type { DetectorName } from '../detectors';
import { gradeTables, type ScanTable } from '../detectors/grade-rows';
import { DEFAULT_MAX_YEAR, personalHits } from '../detectors/personal';
import { SCAN_LIMITS } from '../finding';
import { maskContext, maskMatch } from '../mask';
import type { AnalyseOptions, PageFinding, TextHit } from '../page';
import type { LineIndex } from '../text/lines';

/**
 * The text detectors' findings for one page (issue 13): ID, mobile and bank-card numbers and the
 * word list over the page's folded text, and grade lists over its tables. Matches and contexts
 * are masked; at most SCAN_LIMITS.findingsPerSourcePerDetector per detector.
 */

export interface PageText {
  readonly source: string;
  /** The text the detectors read (for HTML, the text outside markup). */
  readonly text: string;
  /** The same text folded (shared/scan/text/fold.ts): the same length. */
  readonly folded: string;
  /** Where an offset of `text` is in the page as given (identity for text documents). */
  readonly pageOffset: (offset: number) => number;
  /** Lines of the page as given. */
  readonly lines: LineIndex;
}

/** Keeps count per detector, so one page cannot fill the report with one detector's findings. */
export class FindingCap {
  private readonly counts = new Map<DetectorName, number>();

  take(detector: DetectorName): boolean {
    const count = this.counts.get(detector) ?? 0;
    if (count >= SCAN_LIMITS.findingsPerSourcePerDetector) return false;
    this.counts.set(detector, count + 1);
    return true;
  }
}

/** The personal hits near [start, end) (hits sorted by start), for masking a context. */
function hitsNear(hits: readonly TextHit[], start: number, end: number): readonly TextHit[] {
  const reach = SCAN_LIMITS.contextChars * 2;
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((hits[mid]?.end ?? 0) < start - reach) low = mid + 1;
    else high = mid;
  }
  const near: TextHit[] = [];
  for (let i = low; i < hits.length; i++) {
    const hit = hits[i];
    if (!hit || hit.start > end + reach) break;
    near.push(hit);
  }
  return near;
}

export function textFindings(
  page: PageText,
  options: AnalyseOptions,
  cap: FindingCap,
): PageFinding[] {
  const personal = personalHits(page.folded, options.year ?? DEFAULT_MAX_YEAR);
  // The word matcher folds as it reads: given the text, it needs no folded copy of its own.
  const words = options.words ? options.words.find(page.text) : [];
  const findings: PageFinding[] = [];
  for (const hit of [...personal, ...words]) {
    if (!cap.take(hit.detector)) continue;
    const { line, column } = page.lines.position(page.pageOffset(hit.start));
    const raw = page.text.slice(hit.start, hit.end);
    const finding: PageFinding = {
      detector: hit.detector,
      source: page.source,
      line,
      column,
      match: maskMatch(hit.detector, raw).slice(0, 400),
      context: maskContext(page.text, hit.start, hit.end, hitsNear(personal, hit.start, hit.end)),
    };
    findings.push(hit.category !== undefined ? { ...finding, category: hit.category } : finding);
  }
  return findings;
}

export function gradeFindings(
  source: string,
  tables: readonly ScanTable[],
  cap: FindingCap,
): PageFinding[] {
  const findings: PageFinding[] = [];
  for (const leak of gradeTables(tables)) {
    if (!cap.take('grade-list')) break;
    const table = tables.find(
      (t) => t.rows[0]?.line === leak.line && t.rows[0].column === leak.column,
    );
    findings.push({
      detector: 'grade-list',
      source,
      line: leak.line,
      column: leak.column,
      match: leak.example.slice(0, 400),
      context: (table?.caption ?? '').replace(/\s+/g, ' ').trim().slice(0, 400),
    });
  }
  return findings;
}
