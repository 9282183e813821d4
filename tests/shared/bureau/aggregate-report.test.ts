import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_REPORT_FORMAT,
  aggregateReport,
  aggregateReportSchema,
} from '../../../shared/bureau/aggregate-report';
import { mergeDistrict } from '../../../shared/bureau/merge';
import { changed, intakes, templatesOf, textFileRejected, TODAY } from './fixtures';

const spring = intakes({ seed: 'report', asOf: '2026-05-30', count: 2 });
const autumn = intakes({ seed: 'report', asOf: '2026-11-30', count: 2 });
const all = [...spring, ...autumn];
const rekeyed = changed(autumn[0]!.accepted, 'rekeyed.xlsx', autumn[0]!.accepted.sha256, {
  keyFingerprint: 'c'.repeat(64),
});
const district = mergeDistrict(
  [
    ...spring.map((i) => i.accepted),
    rekeyed,
    autumn[1]!.accepted,
    { ...autumn[1]!.accepted, file: 'twice.xlsx' },
  ],
  [textFileRejected],
  templatesOf(all),
  {
    allowDrafts: false,
    today: TODAY,
    schools: [{ code: 'NONE-0001', name: '无', district: '某区' }],
  },
);
const meta = {
  generatedAt: '2026-12-15T02:03:04.000Z',
  appVersion: '1.2.3',
  options: {
    paths: ['inbox'],
    allowDrafts: false,
    language: 'zh-CN' as const,
    today: TODAY,
    schools: 'list.csv',
  },
};

describe('aggregateReport', () => {
  it('is valid by its own schema and says per school what the summary says', () => {
    const report = aggregateReportSchema.parse(aggregateReport(district, meta));
    expect(report.format).toBe(AGGREGATE_REPORT_FORMAT);
    expect(report.files).toEqual({ read: 6, accepted: 4, rejected: 1, duplicates: 1 });
    expect(report.schools).toHaveLength(2);
    for (const school of report.schools) {
      const row = district.schools.find((s) => s.code === school.code)!;
      expect(school.period).toEqual({ year: 2026, term: 'autumn' });
      expect(school.previousRate).toBe(row.previousRate);
      expect(school.openActions).toBe(row.openActions);
      expect(school.listed).toBe(false);
      expect(school.findings).toBe(row.current.submission.findings.length);
    }
    const flagged = report.schools.find((s) => s.file === 'rekeyed.xlsx')!;
    expect(flagged.keyChange).toEqual({
      previous: spring[0]!.accepted.submission.keyFingerprint,
      current: 'c'.repeat(64),
    });
    expect(report.rejected).toEqual([
      {
        file: textFileRejected.file,
        size: textFileRejected.size,
        status: textFileRejected.status,
        reason: textFileRejected.reason,
      },
    ]);
    expect(report.duplicates.map((d) => [d.file, d.keptFile])).toEqual([
      ['twice.xlsx', autumn[1]!.accepted.file],
    ]);
    expect(report.missing.map((m) => m.code)).toEqual(['NONE-0001']);
  });

  it('refuses a report with a field it does not define', () => {
    const report = aggregateReport(district, meta);
    expect(aggregateReportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
    expect(
      aggregateReportSchema.safeParse({ ...report, format: 'qinglang-aggregate-report/2' }).success,
    ).toBe(false);
  });
});
