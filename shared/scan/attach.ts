import type { Locale } from '../i18n/locale';
import type { Change } from '../inspection/changes';
import type { EvidenceRef } from '../inspection/schema';
import { localIsoDate } from '../local-date';
import type { DetectorName } from './detectors';
import { DETECTOR_ITEMS, DETECTORS, REVIEW_ITEM } from './detectors';
import type { FindingState, ScanReport } from './finding';
import { FINDING_STATES } from './finding';

/**
 * How a saved scan becomes evidence of the inspection (issue 13): which checklist items its
 * report is attached to, under which names, and the edits that put it there. Pure: the scan
 * service applies the edits through the inspection store's own save pipeline.
 */

/** What a scan was last attached as: when, to which items, which evidence files. */
export interface ScanAttachment {
  readonly at: string;
  readonly items: readonly string[];
  readonly evidence: readonly EvidenceRef[];
}

/** Findings by detector (only those with any) and by state (every state). */
export function scanCounts(report: Pick<ScanReport, 'findings'>): {
  byDetector: Partial<Record<DetectorName, number>>;
  byState: Record<FindingState, number>;
} {
  const byDetector: Partial<Record<DetectorName, number>> = {};
  const byState = Object.fromEntries(FINDING_STATES.map((s) => [s, 0])) as Record<
    FindingState,
    number
  >;
  for (const finding of report.findings) {
    byDetector[finding.detector] = (byDetector[finding.detector] ?? 0) + 1;
    byState[finding.state] += 1;
  }
  return { byDetector, byState };
}

/**
 * The items a scan's report is evidence for, in checklist-id order of DETECTOR_ITEMS: always
 * REVIEW_ITEM (the review itself), and the items of every detector with a finding not marked
 * 误报 (false positive). Items the inspection's checklist lacks (`hasItem` false) are left out.
 */
export function attachItems(
  report: Pick<ScanReport, 'findings'>,
  hasItem: (itemId: string) => boolean,
): string[] {
  const found = new Set<DetectorName>();
  for (const finding of report.findings) {
    if (finding.state !== 'false-positive') found.add(finding.detector);
  }
  const items = [REVIEW_ITEM];
  for (const detector of DETECTORS) {
    if (!found.has(detector)) continue;
    for (const item of DETECTOR_ITEMS[detector]) if (!items.includes(item)) items.push(item);
  }
  return items.filter(hasItem);
}

/** 20261129: the day a scan started, as a person at this computer saw it. */
const compactDate = (iso: string): string => localIsoDate(new Date(iso)).replaceAll('-', '');

/**
 * The names a scan's report is attached under: 内容审查-20261129-1a2b3c4d.xlsx / .json in
 * Chinese, content-review-20261129-1a2b3c4d.xlsx / .json in English (the date the scan
 * started, the first 8 characters of its id).
 */
export function scanEvidenceNames(
  report: Pick<ScanReport, 'id' | 'startedAt'>,
  language: Locale,
): { workbook: string; json: string } {
  const stem = `${language === 'zh-CN' ? '内容审查' : 'content-review'}-${compactDate(report.startedAt)}-${report.id.slice(0, 8)}`;
  return { workbook: `${stem}.xlsx`, json: `${stem}.json` };
}

/** Characters no file system takes in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** 内容审查-清朗小学-2026-11-29.xlsx / content-review-清朗小学-2026-11-29.xlsx */
export function scanWorkbookFileName(
  schoolName: string,
  report: Pick<ScanReport, 'startedAt'>,
  language: Locale,
): string {
  const school = schoolName.replace(UNSAFE_IN_NAMES, '_').trim().slice(0, 100) || 'school';
  const date = localIsoDate(new Date(report.startedAt));
  return `${language === 'zh-CN' ? '内容审查' : 'content-review'}-${school}-${date}.xlsx`;
}

/**
 * The edits that attach a scan's report: first what this scan attached before is removed from
 * each item it was on (so attaching again replaces, never duplicates), then the new files are
 * added to each item. A file attached before under the same name, with the same bytes, to an item
 * it goes on again is left where it is (the trail shows no remove-and-add of the same file).
 */
export function attachChanges(
  previous: ScanAttachment | null,
  items: readonly string[],
  refs: readonly EvidenceRef[],
  hasItem: (itemId: string) => boolean,
): Change[] {
  const same = (a: EvidenceRef, b: EvidenceRef) => a.sha256 === b.sha256 && a.name === b.name;
  const changes: Change[] = [];
  for (const itemId of previous?.items ?? []) {
    if (!hasItem(itemId)) continue;
    for (const old of previous!.evidence) {
      if (items.includes(itemId) && refs.some((ref) => same(ref, old))) continue;
      changes.push({ kind: 'evidence-remove', itemId, sha256: old.sha256 });
    }
  }
  for (const itemId of items) {
    const kept = previous?.items.includes(itemId) ? previous.evidence : [];
    const added = refs.filter((ref) => !kept.some((old) => same(ref, old)));
    if (added.length > 0) changes.push({ kind: 'evidence-add', itemId, refs: added });
  }
  return changes;
}
