import { describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import {
  attachChanges,
  attachItems,
  scanCounts,
  scanEvidenceNames,
  scanWorkbookFileName,
} from '../../../shared/scan/attach';
import { finding, SAMPLE_FINDINGS } from '../../electron/services/scan/scan-fixtures';

const everyItem = () => true;
const ref = (sha: string, name: string): EvidenceRef => ({
  sha256: sha.repeat(64),
  name,
  size: 10,
  type: 'application/json',
  addedAt: '2026-11-29T08:30:00.000Z',
});

describe('attaching a scan as evidence', () => {
  it('goes on the review item always, and on the items of each detector not marked 误报', () => {
    expect(attachItems({ findings: [] }, everyItem)).toEqual(['content_past_review']);
    expect(attachItems({ findings: SAMPLE_FINDINGS }, everyItem)).toEqual([
      'content_past_review',
      'content_privacy_leaks',
      'content_links',
      'content_malicious_listing',
    ]);
    const dismissed = SAMPLE_FINDINGS.map((f) =>
      f.detector === 'hidden-link' ? { ...f, state: 'false-positive' as const } : f,
    );
    expect(attachItems({ findings: dismissed }, everyItem)).toEqual([
      'content_past_review',
      'content_privacy_leaks',
    ]);
    const grades = [finding({ detector: 'grade-list' }), finding({ detector: 'no-filing' })];
    expect(attachItems({ findings: grades }, (id) => id !== 'content_icp')).toEqual([
      'content_past_review',
      'content_grades_private',
      'content_privacy_leaks',
    ]);
  });

  it('counts findings by detector and by state', () => {
    expect(scanCounts({ findings: SAMPLE_FINDINGS })).toEqual({
      byDetector: { 'id-number': 1, phone: 1, 'hidden-link': 1, word: 1 },
      byState: { open: 4, fixed: 0, 'false-positive': 0 },
    });
  });

  it('names the files by date and scan id, and the export by school and date', () => {
    const report = {
      id: '91e292b1-0000-4000-8000-000000000001',
      startedAt: '2026-11-29T08:00:00.000Z',
    };
    expect(scanEvidenceNames(report, 'zh-CN')).toEqual({
      workbook: '内容审查-20261129-91e292b1.xlsx',
      json: '内容审查-20261129-91e292b1.json',
    });
    expect(scanEvidenceNames(report, 'en-US').json).toBe('content-review-20261129-91e292b1.json');
    expect(scanWorkbookFileName('海淀/示范:中学', report, 'zh-CN')).toBe(
      '内容审查-海淀_示范_中学-2026-11-29.xlsx',
    );
  });

  it('removes what the scan attached before, keeping a file that goes back on the same item', () => {
    const [a, b, c] = [ref('a', 'x.xlsx'), ref('b', 'x.json'), ref('c', 'y.xlsx')];
    const previous = { at: '', items: ['content_past_review', 'content_links'], evidence: [a, b] };
    expect(attachChanges(previous, ['content_past_review'], [c, b], everyItem)).toEqual([
      { kind: 'evidence-remove', itemId: 'content_past_review', sha256: a.sha256 },
      { kind: 'evidence-remove', itemId: 'content_links', sha256: a.sha256 },
      { kind: 'evidence-remove', itemId: 'content_links', sha256: b.sha256 },
      { kind: 'evidence-add', itemId: 'content_past_review', refs: [c] },
    ]);
    expect(attachChanges(null, ['content_past_review'], [a], everyItem)).toEqual([
      { kind: 'evidence-add', itemId: 'content_past_review', refs: [a] },
    ]);
  });
});
