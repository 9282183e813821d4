import type { DetectorName } from '../../../shared/scan/detectors';
import type { Finding, FindingState } from '../../../shared/scan/finding';

/** Which findings are shown: one detector or all, one state or all. */
export interface FindingFilter {
  readonly detector: DetectorName | 'all';
  readonly state: FindingState | 'all';
}

/** One file or page's findings on the page shown, and all of its findings the filter keeps. */
export interface FindingGroup {
  readonly source: string;
  readonly findings: readonly Finding[];
  /** Every finding of this source the filter keeps (the bulk marks act on these). */
  readonly allIds: readonly string[];
  /** The group began on an earlier page. */
  readonly continued: boolean;
}

export interface FindingsPage {
  readonly groups: readonly FindingGroup[];
  readonly page: number;
  readonly pages: number;
  /** Findings the filter keeps, on every page. */
  readonly total: number;
  /** Their ids (what 全部标为 acts on when a filter is chosen). */
  readonly allIds: readonly string[];
}

/** Findings shown on one page: tens of thousands stay responsive when only this many render. */
export const FINDINGS_PER_PAGE = 100;

/** Findings in order: by file or page (as the scan met them), then line and column. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const order = new Map<string, number>();
  for (const f of findings) if (!order.has(f.source)) order.set(f.source, order.size);
  return [...findings].sort(
    (a, b) => order.get(a.source)! - order.get(b.source)! || a.line - b.line || a.column - b.column,
  );
}

/** The findings the filter keeps, one page of them, grouped by file or page. */
export function findingsPage(
  ordered: readonly Finding[],
  filter: FindingFilter,
  page: number,
): FindingsPage {
  const kept = ordered.filter(
    (f) =>
      (filter.detector === 'all' || f.detector === filter.detector) &&
      (filter.state === 'all' || f.state === filter.state),
  );
  const pages = Math.max(1, Math.ceil(kept.length / FINDINGS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const start = current * FINDINGS_PER_PAGE;
  const shown = kept.slice(start, start + FINDINGS_PER_PAGE);
  const idsBySource = new Map<string, string[]>();
  for (const f of kept) {
    const ids = idsBySource.get(f.source);
    if (ids) ids.push(f.id);
    else idsBySource.set(f.source, [f.id]);
  }
  const groups: FindingGroup[] = [];
  for (const f of shown) {
    const last = groups.at(-1);
    if (last?.source === f.source) (last.findings as Finding[]).push(f);
    else
      groups.push({
        source: f.source,
        findings: [f],
        allIds: idsBySource.get(f.source)!,
        continued: start > 0 && groups.length === 0 && kept[start - 1]?.source === f.source,
      });
  }
  return { groups, page: current, pages, total: kept.length, allIds: kept.map((f) => f.id) };
}

/** A finding's context split around its match, so the match can be emphasised. */
export function splitContext(finding: Finding): readonly [string, string, string] | null {
  if (finding.match === '') return null;
  const at = finding.context.indexOf(finding.match);
  if (at < 0) return null;
  return [
    finding.context.slice(0, at),
    finding.match,
    finding.context.slice(at + finding.match.length),
  ];
}

/** How many findings there are of each state and each detector. */
export function countFindings(findings: readonly Finding[]): {
  byState: Record<FindingState, number>;
  byDetector: Partial<Record<DetectorName, number>>;
} {
  const byState: Record<FindingState, number> = { open: 0, fixed: 0, 'false-positive': 0 };
  const byDetector: Partial<Record<DetectorName, number>> = {};
  for (const f of findings) {
    byState[f.state]++;
    byDetector[f.detector] = (byDetector[f.detector] ?? 0) + 1;
  }
  return { byState, byDetector };
}
