import { randomUUID } from 'node:crypto';
import type { Finding, ScanReport } from '../../../../shared/scan/finding';
import { SCAN_REPORT_FORMAT } from '../../../../shared/scan/finding';

type FindingInput = Partial<Finding> & Pick<Finding, 'detector'>;

/** A finding as a scan reports it, open, on a page of the school's site. */
export function finding(input: FindingInput, n = 1): Finding {
  return {
    id: `${input.detector}:${n}`,
    source: 'news/2026/list.html',
    line: 12,
    column: 5,
    match: input.detector === 'id-number' ? '110***********1234' : '博彩',
    context: '名单：张三 110***********1234',
    state: 'open',
    ...input,
  };
}

/** A saved scan's report (qinglang-scan-report/1) with the findings given. */
export function scanReport(findings: Finding[], extra: Partial<ScanReport> = {}): ScanReport {
  return {
    format: SCAN_REPORT_FORMAT,
    appVersion: '0.0.0-test',
    id: randomUUID(),
    source: { kind: 'folder', name: 'school-site' },
    ownHosts: ['www.school.edu.cn'],
    words: { name: 'words.txt', terms: 3, categories: ['赌博'] },
    startedAt: '2026-11-29T08:00:00.000Z',
    finishedAt: '2026-11-29T08:01:00.000Z',
    complete: true,
    totals: { scanned: 120, bytes: 1_234_567, skipped: 2 },
    findings,
    findingsDropped: 0,
    notes: [],
    notesDropped: 0,
    ...extra,
  };
}

/** One finding of each kind a school's site typically shows. */
export const SAMPLE_FINDINGS: Finding[] = [
  finding({ detector: 'id-number' }, 1),
  finding({ detector: 'phone', match: '138****5678' }, 1),
  finding(
    {
      detector: 'hidden-link',
      match: '澳门博彩',
      target: 'http://casino.example/',
      trick: 'display-none',
    },
    1,
  ),
  finding({ detector: 'word', category: '赌博' }, 1),
];
