import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { Sample } from '../../../electron/services/sample-data';
import { sampleData } from '../../../electron/services/sample-data';
import {
  builtInTemplate,
  LATEST_BUILT_IN,
} from '../../../electron/services/templates/template-store';
import { exportWorkbook } from '../../../electron/services/workbook/workbook-export';
import { aggregateReportSchema } from '../../../shared/bureau/aggregate-report';
import type { Template } from '../../../shared/template/schema';
import { useTempDir } from '../temp-dir';

const TODAY = '2026-12-15';
const V1 = builtInTemplate('2026.1');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    progress: (t) => progress.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}

const workbookOf = (sample: Sample, template: Template) =>
  exportWorkbook(sample.inspection, 'zh-CN', { get: () => template }, '0.1.0-test').bytes;

const older = sampleData({
  count: 2,
  seed: 'agg-cli',
  asOf: '2026-11-30',
  signing: 'all',
  template: V1,
});
const newer = sampleData({ count: 4, seed: 'agg-cli', asOf: '2026-11-30', signing: 'all' }).slice(
  2,
);
const [draft] = sampleData({
  count: 1,
  seed: 'agg-cli-draft',
  asOf: '2026-11-30',
  signing: 'none',
});
const codeOf = (s: Sample) => s.inspection.school.code;
const signedCodes = [...older, ...newer].map(codeOf);

/** A folder as a clerk's USB stick holds it: four schools, one file twice, a draft, a text file. */
function inbox(dir: string): string {
  const folder = path.join(dir, 'inbox');
  fs.mkdirSync(path.join(folder, 'again'), { recursive: true });
  older.forEach((s) => fs.writeFileSync(path.join(folder, `${codeOf(s)}.xlsx`), workbookOf(s, V1)));
  newer.forEach((s) =>
    fs.writeFileSync(path.join(folder, `${codeOf(s)}.xlsx`), workbookOf(s, LATEST_BUILT_IN)),
  );
  fs.copyFileSync(
    path.join(folder, `${codeOf(newer[0]!)}.xlsx`),
    path.join(folder, 'again', 'copy.xlsx'),
  );
  fs.writeFileSync(path.join(folder, 'draft.xlsx'), workbookOf(draft!, LATEST_BUILT_IN));
  fs.writeFileSync(path.join(folder, 'notes.xlsx'), '这只是一个文本文件 just text\n');
  fs.writeFileSync(path.join(folder, 'readme.txt'), 'not taken from a folder');
  return folder;
}

function schoolList(dir: string): string {
  const file = path.join(dir, 'list.csv');
  const rows = [
    '学校标识码,学校名称,所属区县,学段',
    ...older.map(
      (s) => `${codeOf(s)},${s.inspection.school.name},${s.inspection.school.district},`,
    ),
    'GONE-0001,未报送小学,某区,小学',
  ];
  fs.writeFileSync(file, `\ufeff${rows.join('\r\n')}\r\n`);
  return file;
}

const sheetRows = (book: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: null }).slice(2);

/** A sheet's rows as objects by header (row 2), so tests do not depend on column order. */
const sheetRecords = (book: XLSX.WorkBook, name: string) =>
  XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[name]!, { range: 1, defval: null });

describe('qinglang aggregate', () => {
  const tempDir = useTempDir();

  it('merges a folder into the district summary and the JSON report, naming what it did not use', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'district.xlsx');
    const json = path.join(dir, 'report.json');
    const result = await run([
      'aggregate',
      inbox(dir),
      '--out',
      out,
      '--json',
      json,
      '--schools',
      schoolList(dir),
      '--today',
      TODAY,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`已汇总 4 所学校，写出 ${out} / summarised 4 schools into ${out}`);
    expect(result.out).toContain('files: 7 read, 4 used, 2 rejected, 1 duplicates');
    expect(result.out).toContain('1 listed schools sent nothing');
    expect(result.err).toContain('not used notes.xlsx: ');
    expect(result.err).toContain('not used draft.xlsx: an unsigned draft');
    expect(result.progress.at(-2)).toBe('7/7 · 采用 accepted 5 · 未采用 rejected 2');
    expect(result.progress.at(-1)).toBe('');

    const book = XLSX.read(fs.readFileSync(out), { type: 'buffer' });
    expect(book.SheetNames).toEqual([
      '学校',
      '检查项',
      '发现问题',
      '整改',
      '未报送',
      '未采用',
      '说明',
    ]);
    const schools = sheetRecords(book, '学校');
    expect(schools.map((r) => String(r['学校标识码'])).sort()).toEqual([...signedCodes].sort());
    const checklists = new Set(schools.map((r) => r['检查表及版本']));
    expect(checklists).toEqual(
      new Set([`${V1.id} 2026.1`, `${LATEST_BUILT_IN.id} ${LATEST_BUILT_IN.version}`]),
    );
    const items = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['检查项']!, {
      header: 1,
      defval: null,
    });
    expect(items.flat()).toContain('本版无此项');
    expect(sheetRows(book, '未报送').map((r) => r[2])).toEqual(['GONE-0001']);
    const unused = sheetRows(book, '未采用');
    expect(unused.map((r) => r[1]).sort()).toEqual(['again/copy.xlsx', 'draft.xlsx', 'notes.xlsx']);
    expect(unused.find((r) => r[1] === 'again/copy.xlsx')![5]).toBe(`${codeOf(newer[0]!)}.xlsx`);

    const report = aggregateReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.files).toEqual({ read: 7, accepted: 4, rejected: 2, duplicates: 1 });
    expect(report.options).toMatchObject({ allowDrafts: false, language: 'zh-CN', today: TODAY });
    expect(report.schools.map((s) => s.code).sort()).toEqual([...signedCodes].sort());
    expect(
      report.schools
        .filter((s) => s.listed)
        .map((s) => s.code)
        .sort(),
    ).toEqual(older.map(codeOf).sort());
    expect(report.rejected.map((r) => [r.file, r.status]).sort()).toEqual([
      ['draft.xlsx', 'draft'],
      ['notes.xlsx', 'not-workbook'],
    ]);
    for (const r of report.rejected) expect(r.reason['zh-CN'] && r.reason['en-US']).toBeTruthy();
    expect(report.duplicates.map((d) => d.file)).toEqual(['again/copy.xlsx']);
    expect(report.missing.map((m) => m.code)).toEqual(['GONE-0001']);
  });

  it('takes drafts with --allow-drafts, and writes in English with --lang en-US', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'district.xlsx');
    const result = await run([
      'aggregate',
      inbox(dir),
      '--out',
      out,
      '--allow-drafts',
      '--lang',
      'en-US',
      '--today',
      TODAY,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('summarised 5 schools');
    const book = XLSX.read(fs.readFileSync(out), { type: 'buffer' });
    expect(book.SheetNames[0]).toBe('Schools');
    const draftRow = sheetRecords(book, 'Schools').find(
      (r) => r['School code'] === codeOf(draft!),
    )!;
    expect(draftRow['Signed']).toBe('Draft');
    const missing = sheetRows(book, 'Missing schools');
    expect(String(missing[0]![1])).toMatch(/^No school list was loaded/);
  });

  it('writes nothing and exits 1 when no file can be used, saying why for each', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'bad');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'notes.xlsx'), 'plain text');
    fs.writeFileSync(path.join(folder, 'draft.xlsx'), workbookOf(draft!, LATEST_BUILT_IN));
    const out = path.join(dir, 'district.xlsx');
    const json = path.join(dir, 'report.json');
    const result = await run(['aggregate', folder, '--out', out, '--json', json]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not used notes.xlsx: ');
    expect(result.err).toContain('not used draft.xlsx: ');
    expect(result.err).toContain('no file could be used, so no summary was written');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(json)).toBe(false);

    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    const none = await run(['aggregate', empty, '--out', out]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no workbook (.xlsx) or package (.zip) was found');

    const nowhere = await run(['aggregate', path.join(dir, 'no-such-folder'), '--out', out]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain('no-such-folder');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits 2 on usage errors, before reading any file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'district.xlsx');
    const folder = path.join(dir, 'in');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(dir, 'bad-list.csv'), 'foo,bar\n1,2\n');
    const cases: [string[], RegExp][] = [
      [['aggregate', folder], /--out/],
      [['aggregate', '--out', out], /expected 1 to/],
      [['aggregate', folder, '--out', out, '--frobnicate'], /invalid arguments/],
      [['aggregate', folder, '--out', path.join(dir, 'district.csv')], /must end in \.xlsx/],
      [
        ['aggregate', folder, '--out', path.join(dir, 'no', 'such', 'district.xlsx')],
        /does not exist/,
      ],
      [
        ['aggregate', folder, '--out', out, '--schools', path.join(dir, 'missing.csv')],
        /cannot read the school list.*ENOENT/,
      ],
      [
        ['aggregate', folder, '--out', out, '--schools', path.join(dir, 'bad-list.csv')],
        /no header found/,
      ],
      [['aggregate', folder, '--out', out, '--lang', 'fr'], /--lang must be/],
      [['aggregate', folder, '--out', out, '--today', '15/12/2026'], /--today must be/],
      [
        ['aggregate', folder, '--out', out, '--json', out.replace('.xlsx', '.json.txt')],
        /--json must name/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  it('will not write the summary over one of its inputs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'school.xlsx');
    fs.writeFileSync(file, workbookOf(newer[0]!, LATEST_BUILT_IN));
    const before = fs.readFileSync(file);
    const result = await run(['aggregate', file, '--out', file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('cannot be one of the inputs');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says in its help what it takes', async () => {
    const help = await run(['aggregate', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--out', '--json', '--allow-drafts', '--schools', '--lang', '--today'])
      expect(help.out).toContain(option);
    const list = await run(['--help']);
    expect(list.out).toMatch(/aggregate\s+汇总各校/);
  });
});
