import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { scanWorkbook } from '../../../../electron/services/scan/report-workbook';
import type { ScanReport } from '../../../../shared/scan/finding';
import { scanReportSchema } from '../../../../shared/scan/finding';
import { INTEROP_TIMEOUT, CSV_FILTER, libreOffice, readWithOpenpyxl } from '../../../interop/tools';
import { useTempDir } from '../../temp-dir';

export const SAMPLE_REPORT: ScanReport = scanReportSchema.parse({
  format: 'qinglang-scan-report/1',
  appVersion: '1.0.0-test',
  id: '7d6f1c1e-5b7a-4c1e-9d7e-2f3a4b5c6d7e',
  source: { kind: 'folder', name: '学校网站' },
  ownHosts: ['www.example-school.edu.cn'],
  words: { name: '词表.txt', terms: 2000, categories: ['赌博'] },
  startedAt: '2026-11-30T02:00:00.000Z',
  finishedAt: '2026-11-30T02:01:30.000Z',
  complete: true,
  totals: { scanned: 120, bytes: 4_500_000, skipped: 2 },
  findings: [
    {
      id: 'phone:1',
      detector: 'phone',
      source: 'notices/b.html',
      line: 9,
      column: 3,
      match: '138****5678',
      context: '电话 138****5678',
      state: 'open',
    },
    {
      id: 'id-number:1',
      detector: 'id-number',
      source: 'notices/a.html',
      line: 12,
      column: 20,
      match: '110***********1234',
      context: '身份证号 110***********1234',
      state: 'fixed',
    },
    {
      id: 'bank-card:1',
      detector: 'bank-card',
      source: 'notices/a.html',
      line: 14,
      column: 1,
      match: '6222 **** **** 1234',
      context: '卡号 6222 **** **** 1234',
      state: 'false-positive',
    },
    {
      id: 'hidden-link:1',
      detector: 'hidden-link',
      source: 'index.html',
      line: 30,
      column: 5,
      match: '线上娱乐',
      context: '<a …>线上娱乐</a>',
      target: 'http://www.bet365-vip.com/',
      trick: 'display-none',
      state: 'open',
    },
    {
      id: 'dead-link:1',
      detector: 'dead-link',
      source: 'index.html',
      line: 40,
      column: 5,
      match: 'news/gone.html',
      context: '…',
      target: 'news/gone.html',
      state: 'open',
    },
    {
      id: 'word:1',
      detector: 'word',
      source: 'files/说明.md',
      line: 7,
      column: 5,
      match: '六合彩',
      context: '远离六合彩',
      category: '赌博',
      state: 'open',
    },
  ],
  findingsDropped: 0,
  notes: [
    {
      source: 'big.pdf',
      code: 'too-large',
      message: { 'zh-CN': '文件过大，未读取', 'en-US': 'too large, not read' },
    },
  ],
  notesDropped: 3,
});

describe('the findings workbook', () => {
  const tempDir = useTempDir();

  it('has its four sheets in Chinese, findings by file then line, matches as text', () => {
    const book = XLSX.read(scanWorkbook(SAMPLE_REPORT, 'zh-CN'), { type: 'array' });
    expect(book.SheetNames).toEqual(['概况', '发现', '未读文件', '检测说明']);
    const findings = XLSX.utils.sheet_to_json<string[]>(book.Sheets['发现']!, { header: 1 });
    expect(findings[1]!.slice(0, 7)).toEqual([
      '编号',
      '状态',
      '检测',
      '文件或网址',
      '行',
      '列',
      '发现内容',
    ]);
    expect(findings.slice(2).map((r) => [r[3], r[4]])).toEqual([
      ['files/说明.md', 7],
      ['index.html', 30],
      ['index.html', 40],
      ['notices/a.html', 12],
      ['notices/a.html', 14],
      ['notices/b.html', 9],
    ]);
    expect(findings[5]!.slice(1, 7)).toEqual([
      '已处理',
      '身份证号',
      'notices/a.html',
      12,
      20,
      '110***********1234',
    ]);
    expect(findings[3]![10]).toBe('不显示（display:none）');
    const cell = book.Sheets['发现']!['G6'] as XLSX.CellObject;
    expect(cell).toMatchObject({ t: 's', v: '110***********1234' });
    const summary = XLSX.utils.sheet_to_json<string[]>(book.Sheets['概况']!, { header: 1 });
    const value = (label: string) => summary.find((r) => r[0] === label)?.[1];
    expect(value('检查对象')).toBe('学校网站');
    expect(value('词表')).toBe('词表.txt（2000 个词）');
    expect(value('发现：身份证号')).toBe(1);
    expect(value('状态：误报')).toBe(1);
    const skipped = XLSX.utils.sheet_to_json<string[]>(book.Sheets['未读文件']!, { header: 1 });
    expect(skipped[2]).toEqual(['big.pdf', '文件过大', '文件过大，未读取']);
    expect([skipped[3]![0], skipped[3]![2]]).toEqual(['（其他）', '另有 3 条说明未列出']);
  });

  it(
    'reads in openpyxl and LibreOffice, in English, its masked matches text cells',
    () => {
      const dir = tempDir();
      const file = path.join(dir, 'findings.xlsx');
      fs.writeFileSync(file, scanWorkbook(SAMPLE_REPORT, 'en-US'));
      const read = readWithOpenpyxl(file);
      expect(read.warnings).toEqual([]);
      expect(read.sheets.map((s) => s.name)).toEqual(['Summary', 'Findings', 'Skipped', 'About']);
      const findings = read.sheets[1]!;
      expect(findings.autofilter).toBe('A2:L8');
      expect(findings.rows[1]!.slice(0, 3).map((c) => c?.[1])).toEqual(['Id', 'State', 'Detector']);
      expect(findings.rows[5]![6]).toEqual(['s', '110***********1234', 'General']);
      expect(findings.rows[6]![6]).toEqual(['s', '6222 **** **** 1234', 'General']);
      const office = libreOffice();
      try {
        office.convert([file], CSV_FILTER, dir);
      } finally {
        office.close();
      }
      const csv = fs.readFileSync(path.join(dir, 'findings-Findings.csv'), 'utf8');
      expect(csv).toContain('110***********1234');
      expect(csv).toContain('Not displayed (display:none)');
    },
    INTEROP_TIMEOUT,
  );
});
