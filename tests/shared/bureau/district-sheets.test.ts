import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../../../electron/services/templates/template-store';
import {
  daysOverdue,
  DISTRICT_FORMAT,
  districtFileCounts,
  districtSheets,
  lazyDistrictSheets,
} from '../../../shared/bureau/district-sheets';
import type { DistrictSummaryOptions } from '../../../shared/bureau/district-sheets';
import { mergeDistrict } from '../../../shared/bureau/merge';
import type { WorkbookCell } from '../../../shared/workbook/cells';
import type { WorkbookSheet } from '../../../shared/workbook/sheet';
import { changed, intakes, templatesOf, textFileRejected, TODAY } from './fixtures';

const older = intakes({
  seed: 'sheets',
  asOf: '2026-11-30',
  count: 5,
  template: builtInTemplate('2026.1'),
}).slice(0, 2);
const newer = intakes({ seed: 'sheets', asOf: '2026-11-30', count: 5 }).slice(2);
const all = [...older, ...newer];
const copy = changed(all[2]!.accepted, 'copy.xlsx', all[2]!.accepted.sha256, {});
const listed = all[0]!.accepted.submission.school;
const LIST = [
  { code: listed.code, name: listed.name, district: listed.district },
  { code: 'GONE-0001', name: '未报送小学', district: '某区', stage: 'primary' as const },
];
const district = mergeDistrict(
  [...all.map((i) => i.accepted), copy],
  [textFileRejected],
  templatesOf(all),
  {
    allowDrafts: false,
    today: TODAY,
    schools: LIST,
  },
);
const options = (
  language: 'zh-CN' | 'en-US',
  extra: Partial<DistrictSummaryOptions> = {},
): DistrictSummaryOptions => ({
  language,
  appVersion: '9.9.9',
  generatedAt: '2026-12-15T02:03:04.000Z',
  today: TODAY,
  allowDrafts: false,
  bureau: { name: '某某区教育局', district: '某某区' },
  schoolList: LIST,
  ...extra,
});

const value = (cell: WorkbookCell | undefined) =>
  cell === null || cell === undefined ? null : cell.value;
const column = (sheet: WorkbookSheet, header: string) => {
  const index = sheet.columns.findIndex((c) => c.header === header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((row) => value(row[index]));
};
const byId = (sheets: WorkbookSheet[], id: string) => sheets.find((s) => s.id === id)!;

describe('districtSheets', () => {
  it('has seven sheets, named and titled in the language asked for', () => {
    const zh = districtSheets(district, options('zh-CN'));
    const en = districtSheets(district, options('en-US'));
    expect(zh.map((s) => s.name)).toEqual([
      '学校',
      '检查项',
      '发现问题',
      '整改',
      '未报送',
      '未采用',
      '说明',
    ]);
    expect(en.map((s) => s.name)).toEqual([
      'Schools',
      'Items',
      'Findings',
      'Open actions',
      'Missing schools',
      'Files not used',
      'About',
    ]);
    for (const sheet of zh)
      expect(sheet.title).toMatch(/^某某区教育局 · 校园网络安全检查 区县汇总 · /);
    for (const sheet of en) expect(sheet.title).toContain('District summary');
    for (const sheet of [...zh, ...en])
      for (const row of sheet.rows) expect(row.length).toBeLessThanOrEqual(sheet.columns.length);
  });

  it('gives a row per school with its figures, drafts and duplicates left out', () => {
    const sheet = byId(districtSheets(district, options('en-US')), 'schools');
    const codes = column(sheet, 'School code');
    expect([...codes].sort()).toEqual(all.map((i) => i.accepted.submission.school.code).sort());
    sheet.rows.forEach((_, r) => {
      const s = all.find((i) => i.accepted.submission.school.code === codes[r])!.accepted
        .submission;
      expect(column(sheet, 'Non-compliant')[r]).toBe(s.counts.nonCompliant);
      expect(column(sheet, 'Compliance rate')[r]).toBe(s.complianceRate);
      expect(column(sheet, 'Findings')[r]).toBe(s.findings.length);
      expect(column(sheet, 'Checklist and version')[r]).toBe(
        `${s.template.id} ${s.template.version}`,
      );
      expect(column(sheet, 'Signed')[r]).toBe('Signed');
      expect(column(sheet, 'On the school list')[r]).toBe(
        codes[r] === listed.code ? 'Yes' : 'No (not on the list)',
      );
    });
  });

  it('sorts the matrix by schools failing an item, and says which items a version lacks', () => {
    const zh = byId(districtSheets(district, options('zh-CN')), 'items');
    const failing = column(zh, '不符合的学校数') as number[];
    expect(failing).toEqual([...failing].sort((a, b) => b - a));
    expect(zh.rows).toHaveLength(district.items.length);
    const oldSchool = older[0]!.accepted.submission.school;
    const header = `${oldSchool.name}\n${oldSchool.code}`;
    const words = column(zh, header);
    const absent = district.items.filter((i) => i.bySchool[oldSchool.code] === 'absent').length;
    expect(absent).toBeGreaterThan(0);
    expect(words.filter((w) => w === '本版无此项')).toHaveLength(absent);
    const en = byId(districtSheets(district, options('en-US')), 'items');
    expect(column(en, header).filter((w) => w === 'Not in this version')).toHaveLength(absent);
    expect(new Set(column(en, header))).not.toContain('absent');
  });

  it('lists every finding and every open action, the longest overdue first', () => {
    const sheets = districtSheets(district, options('en-US'));
    const findings = byId(sheets, 'findings');
    const current = district.schools.map((s) => s.current.submission);
    expect(findings.rows).toHaveLength(current.reduce((n, s) => n + s.findings.length, 0));
    const actions = byId(sheets, 'actions');
    const open = current.flatMap((s) => s.actions.filter((a) => a.state === 'open'));
    expect(actions.rows).toHaveLength(open.length);
    const late = column(actions, 'Days overdue').map((d) => (d === null ? 0 : (d as number)));
    expect(late).toEqual([...late].sort((a, b) => b - a));
    const due = column(actions, 'Due') as string[];
    expect(late.every((d, r) => d === daysOverdue(due[r]!, TODAY))).toBe(true);
  });

  it('names the missing schools, or says no list was loaded', () => {
    const withList = byId(districtSheets(district, options('zh-CN')), 'missing');
    expect(withList.rows.map((r) => value(r[2]))).toEqual(['GONE-0001']);
    expect(value(withList.rows[0]![4])).toBe('小学');
    const noList = byId(
      districtSheets(district, options('en-US', { schoolList: undefined })),
      'missing',
    );
    expect(noList.rows).toHaveLength(1);
    expect(value(noList.rows[0]![1])).toMatch(/^No school list was loaded/);
  });

  it('lists the rejected files with their reason and the duplicates with the file kept', () => {
    const sheet = byId(districtSheets(district, options('en-US')), 'unused');
    expect(column(sheet, 'File')).toEqual([textFileRejected.file, 'copy.xlsx']);
    expect(column(sheet, 'Status')).toEqual(['Not a Qinglang workbook', 'Duplicate']);
    expect(column(sheet, 'Reason')[0]).toBe(textFileRejected.reason['en-US']);
    expect(column(sheet, 'File kept instead')).toEqual([null, all[2]!.accepted.file]);
  });

  it('says in About what was read, by whom, when, and that the format is a report', () => {
    const about = byId(districtSheets(district, options('zh-CN')), 'about');
    const lines = Object.fromEntries(about.rows.map((r) => [value(r[0]), r[1]]));
    expect(value(lines['格式'])).toBe(DISTRICT_FORMAT);
    expect(value(lines['教育局'])).toBe('某某区教育局');
    expect(lines['生成时间（北京时间）']).toEqual({
      kind: 'datetime',
      value: '2026-12-15T02:03:04.000Z',
    });
    expect(value(lines['程序版本'])).toBe('9.9.9');
    const counts = districtFileCounts(district);
    expect(counts).toEqual({
      read: all.length + 2,
      accepted: all.length,
      rejected: 1,
      duplicates: 1,
    });
    expect(value(lines['读取文件数'])).toBe(counts.read);
    expect(value(lines['拒收文件数'])).toBe(1);
    expect(value(lines['包括未签字的草稿'])).toBe('否');
    const withoutBureau = byId(
      districtSheets(district, options('en-US', { bureau: undefined })),
      'about',
    );
    expect(withoutBureau.rows.map((r) => value(r[0]))).not.toContain('Bureau');
  });
});

describe('lazyDistrictSheets', () => {
  it('gives the sheets districtSheets gives, each shape without its rows', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const lazy = lazyDistrictSheets(district, options(language));
      const whole = districtSheets(district, options(language));
      expect(lazy.map((sheet) => sheet.build())).toEqual(whole);
      lazy.forEach((sheet, index) => {
        const { rows, ...rest } = whole[index]!;
        expect(sheet.name).toBe(rest.name);
        expect(sheet.shape()).toEqual({ ...rest, rowCount: rows.length });
      });
    }
  });
});
