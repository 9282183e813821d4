import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { useTempDir } from '../temp-dir';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const BUILT_IN = fs.readFileSync('resources/templates/school-security-2026.1.json', 'utf8');
/** What `template default` writes: the latest built-in version. */
const LATEST = fs.readFileSync('resources/templates/school-security-2026.2.json', 'utf8');
const LATEST_ITEMS = (JSON.parse(LATEST) as { sections: { items: unknown[] }[] }).sections.flatMap(
  (s) => s.items,
).length;

describe('qinglang template', () => {
  const tempDir = useTempDir();

  it('writes the latest built-in template as JSON, identical to the shipped file', async () => {
    const out = path.join(tempDir(), 'school.json');
    const { code, out: printed } = await run('template', 'default', '--out', out);
    expect(code).toBe(0);
    expect(printed).toBe(`${out}: school_security 2026.2`);
    expect(fs.readFileSync(out, 'utf8')).toBe(LATEST);
  });

  it('converts JSON → xlsx → JSON and gives back the same JSON', async () => {
    const dir = tempDir();
    const [json, xlsx, back] = ['a.json', 'a.xlsx', 'b.json'].map((f) => path.join(dir, f)) as [
      string,
      string,
      string,
    ];
    expect((await run('template', 'default', '--out', json)).code).toBe(0);
    expect((await run('template', 'convert', json, '--out', xlsx)).code).toBe(0);
    expect((await run('template', 'convert', xlsx, '--out', back)).code).toBe(0);
    expect(fs.readFileSync(back, 'utf8')).toBe(LATEST);
  });

  it('check: exit 0 and one line for a valid file, in either format', async () => {
    const dir = tempDir();
    for (const name of ['t.json', 't.xlsx']) {
      const file = path.join(dir, name);
      await run('template', 'default', '--out', file);
      const { code, out, err } = await run('template', 'check', file);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out.split('\n')).toHaveLength(1);
      expect(out).toMatch(
        new RegExp(
          `有效：school_security 2026\\.2.*${LATEST_ITEMS} 个检查项 / valid: school_security 2026\\.2`,
        ),
      );
    }
  });

  const broken: [string, string, (dir: string) => string | Buffer, RegExp][] = [
    ['not JSON', 'a.json', () => 'hello, world', /not valid JSON \(line 1, column 1\)/],
    [
      'truncated JSON',
      'a.json',
      () => BUILT_IN.slice(0, 5000),
      /not valid JSON \(the file ends too early\)|not valid JSON \(line/,
    ],
    ['an empty file', 'a.json', () => '', /file: 文件是空的 \/ the file is empty/],
    [
      'duplicate ids',
      'a.json',
      () => BUILT_IN.replace('"id": "org_policies"', '"id": "org_leading_group"'),
      /item id "org_leading_group" is used twice/,
    ],
    [
      'an unknown kind',
      'a.json',
      () => BUILT_IN.replace('"kind": "yesno"', '"kind": "slider"'),
      /\$\.sections\[0\]\.items\[\d+\]\.kind/,
    ],
    [
      'a condition on a missing item',
      'a.json',
      () => BUILT_IN.replace('"ref": "bio_uses"', '"ref": "ghost"'),
      /refers to "ghost", which is not an item/,
    ],
    [
      'a cycle of conditions',
      'a.json',
      () => {
        const t = JSON.parse(BUILT_IN);
        t.sections[6].items[2].visibleIf = { ref: 'bio_local_storage', op: 'filled' };
        return JSON.stringify(t);
      },
      /visibility conditions form a cycle/,
    ],
    [
      'an empty label',
      'a.json',
      () => BUILT_IN.replace('"zh-CN": "组织领导与责任落实"', '"zh-CN": ""'),
      /\$\.sections\[0\]\.title\.zh-CN/,
    ],
    [
      'a __proto__ key',
      'a.json',
      () => BUILT_IN.replace('{\n  "format"', '{\n  "__proto__": {"polluted": true},\n  "format"'),
      /\$\.__proto__: .*"__proto__" cannot be kept/,
    ],
    [
      'a constructor key',
      'a.json',
      () =>
        BUILT_IN.replace(
          '"id": "org_budget",',
          '"id": "org_budget", "constructor": {"prototype": {"polluted": true}},',
        ),
      /unknown field: constructor/,
    ],
    [
      'a text file named .xlsx',
      'a.xlsx',
      () => 'type,name\ncheck,x\n',
      /this is not an Excel workbook \(\.xlsx\)/,
    ],
    [
      'an old .xls',
      'a.xlsx',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /old Excel \(\.xls\)/,
    ],
    [
      'a damaged zip',
      'a.xlsx',
      () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
      /damaged or incomplete/,
    ],
    [
      'wrong sheet names',
      'a.xlsx',
      () => {
        const book = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['type', 'name']]), 'Sheet1');
        return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
      },
      /sheet "survey" is missing \(found: Sheet1\)/,
    ],
    [
      'a formula in a cell',
      'a.xlsx',
      (dir) => {
        const file = path.join(dir, 'good.xlsx');
        fs.writeFileSync(file, '');
        return file;
      },
      /holds a formula/,
    ],
    ['another extension', 'a.txt', () => BUILT_IN, /only \.json or \.xlsx/],
  ];

  it.each(broken)(
    'check: %s → its precise problem, exit 1, no stack, no pollution',
    async (_label, name, make, expected) => {
      const dir = tempDir();
      const file = path.join(dir, name);
      let content = make(dir);
      if (_label === 'a formula in a cell') {
        await run('template', 'default', '--out', content as string);
        const book = XLSX.read(fs.readFileSync(content as string), { type: 'buffer' });
        book.Sheets.survey!.C5 = { t: 'n', v: 2, f: 'SUM(1,1)' };
        content = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
      }
      fs.writeFileSync(file, content);
      const { code, out, err } = await run('template', 'check', file);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(expected);
      expect(err).not.toMatch(/\n\s+at .*\(/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('check: names the item next to its JSON path', async () => {
    const file = path.join(tempDir(), 'a.json');
    fs.writeFileSync(file, BUILT_IN.replace('"ref": "bio_uses"', '"ref": "ghost"'));
    const { err } = await run('template', 'check', file);
    expect(err).toMatch(/\$\.sections\[6\]\.items\[3\]\.visibleIf \(bio_register\): /);
  });

  it('check: refuses a 60 MB file by its size, without reading it', async () => {
    const file = path.join(tempDir(), 'huge.json');
    const handle = fs.openSync(file, 'w');
    fs.ftruncateSync(handle, 60 * 1024 * 1024);
    fs.closeSync(handle);
    const { code, err } = await run('template', 'check', file);
    expect(code).toBe(1);
    expect(err).toMatch(/too large \(60\.0 MB\); a template file is at most 5 MB/);
  });

  it('check: a missing file is one clear line, exit 1', async () => {
    const { code, err } = await run('template', 'check', path.join(tempDir(), 'nope.json'));
    expect(code).toBe(1);
    expect(err).toMatch(/cannot be read \(ENOENT\)/);
  });

  it.each([
    [
      ['template'],
      /"template" takes a subcommand: template default, template check, template convert/,
    ],
    [['template', 'default'], /name the output file with --out/],
    [['template', 'default', '--out', 'x.csv'], /must end in \.json or \.xlsx/],
    [['template', 'check'], /expected 1 argument\(s\), got 0/],
    [['template', 'convert', 'a.json'], /name the output file with --out/],
  ])('%j is a usage error, exit 2', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
