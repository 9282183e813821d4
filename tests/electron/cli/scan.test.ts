import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { scanReportSchema } from '../../../shared/scan/finding';
import { useTempDir } from '../temp-dir';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FOOTER = '<div class="footer">京ICP备05012345号-1 京公网安备11010802012345号</div>';

function site(dir: string, leak: boolean): string {
  const root = path.join(dir, 'site');
  fs.mkdirSync(path.join(root, 'news'), { recursive: true });
  const lines = [
    '<html><head><meta charset="utf-8"><title>首页</title></head><body>',
    '<p><a href="news/a.html">新闻</a></p>',
    ...(leak
      ? [
          '<table><tr><th>姓名</th><th>联系电话</th></tr>',
          '<tr><td>张三</td><td>13812345678</td></tr></table>',
        ]
      : []),
    FOOTER,
    '</body></html>',
  ];
  fs.writeFileSync(path.join(root, 'index.html'), lines.join('\n'));
  fs.writeFileSync(
    path.join(root, 'news', 'a.html'),
    `<html><body><p>学校开展安全教育活动。</p>${leak ? '<p>远离六合彩</p>' : ''}\n${FOOTER}</body></html>`,
  );
  return root;
}

describe('qinglang scan', () => {
  const tempDir = useTempDir();

  it('exits 0 and says so when nothing is found', async () => {
    const root = site(tempDir(), false);
    const result = await run(['scan', root]);
    expect(result.err).toBe('');
    expect(result.out).toContain('检查了 2 个文件或页面（跳过 0 个），发现 0 处');
    expect(result.code).toBe(0);
  });

  it('exits 1 with the findings listed, masked, and writes the JSON report and the workbook', async () => {
    const dir = tempDir();
    const root = site(dir, true);
    const words = path.join(dir, 'words.txt');
    fs.writeFileSync(words, '六合彩\t赌博\n');
    const json = path.join(dir, 'report.json');
    const xlsx = path.join(dir, 'findings.xlsx');
    const result = await run([
      'scan',
      root,
      '--words',
      words,
      '--json',
      json,
      '--xlsx',
      xlsx,
      '--lang',
      'en-US',
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('index.html:4:');
    expect(result.out).toContain('138****5678');
    expect(result.out).not.toContain('13812345678');
    expect(result.out).toContain('news/a.html:1:');
    expect(result.out).toMatch(/\s1 {2}手机号 \/ Mobile number\n/);
    const report = scanReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.source).toEqual({ kind: 'folder', name: 'site' });
    expect(report.words).toMatchObject({ name: 'words.txt', terms: 1 });
    expect(report.findings.map((f) => [f.detector, f.source, f.line])).toEqual(
      expect.arrayContaining([
        ['phone', 'index.html', 4],
        ['word', 'news/a.html', 1],
      ]),
    );
    expect(JSON.stringify(report)).not.toContain('13812345678');
    const book = XLSX.read(fs.readFileSync(xlsx), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Summary', 'Findings', 'Skipped', 'About']);
  });

  it('masks a number in a file name wherever it shows: stdout, the report, the workbook', async () => {
    const dir = tempDir();
    const root = path.join(dir, 'site');
    const id = '110101199003071233';
    fs.mkdirSync(root);
    fs.writeFileSync(
      path.join(root, `张三_${id}.html`),
      `<html><body><p>联系电话：13812345678</p>\n${FOOTER}</body></html>`,
    );
    fs.writeFileSync(path.join(root, `李四_${id}.txt`), Buffer.from([0, 1, 2, 0, 0, 3]));
    const json = path.join(dir, 'report.json');
    const xlsx = path.join(dir, 'findings.xlsx');
    const result = await run(['scan', root, '--json', json, '--xlsx', xlsx]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('张三_110***********1233.html:1:');
    expect(result.out).not.toContain(id);
    const report = scanReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.notes.map((n) => n.source)).toContain('李四_110***********1233.txt');
    expect(JSON.stringify(report)).not.toContain(id);
    const book = XLSX.read(fs.readFileSync(xlsx), { type: 'buffer' });
    const cells = book.SheetNames.flatMap((name) =>
      XLSX.utils.sheet_to_csv(book.Sheets[name]!).split('\n'),
    );
    expect(cells.join('\n')).toContain('张三_110***********1233.html');
    expect(cells.join('\n')).not.toContain(id);
  });

  it('finds dead links in the folder', async () => {
    const root = site(tempDir(), false);
    fs.rmSync(path.join(root, 'news', 'a.html'));
    const result = await run(['scan', root, '--lang', 'en-US']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('index.html:2:');
    expect(result.out).toContain('Dead link  news/a.html');
  });

  it('refuses a folder that cannot be read, or outputs inside the folder scanned, with exit 2', async () => {
    const dir = tempDir();
    const root = site(dir, true);
    const missing = await run(['scan', path.join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取文件夹');
    expect(missing.err).toContain('cannot read the folder');
    const inside = await run(['scan', root, '--json', path.join(root, 'report.json')]);
    expect(inside.code).toBe(2);
    expect(inside.err).toContain('an output file cannot be inside the folder scanned');
    expect(fs.existsSync(path.join(root, 'report.json'))).toBe(false);
  });

  it('gives exit 2 for usage errors and a word list that cannot be used', async () => {
    const dir = tempDir();
    const root = site(dir, false);
    const cases: [string[], string][] = [
      [['scan'], 'name the folder to scan'],
      [['scan', root, '--site', 'https://www.school.cn/'], 'not both'],
      [['scan', '--site', 'ftp://x/'], '--site must be an http or https URL'],
      [
        ['scan', '--site', 'https://www.school.cn/', '--host', 'other.cn'],
        'is not among the --host hosts',
      ],
      [['scan', root, '--host', 'x.cn'], '--host goes with --site only'],
      [['scan', root, '--own-host', 'bad host!'], '--own-host must be a host name'],
      [
        ['scan', root, '--json', path.join(dir, 'r.txt')],
        '--json must name a file ending in .json',
      ],
      [['scan', root, '--lang', 'fr'], '--lang must be zh-CN or en-US'],
      [['scan', root, '--words', path.join(dir, 'none.txt')], 'cannot read the word list'],
    ];
    for (const [argv, said] of cases) {
      const result = await run(argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.err).toContain(said);
    }
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '\n# only a comment\n');
    const none = await run(['scan', root, '--words', empty]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('has no terms');
  });

  it('scans a site fetched from the hosts given, and names its dead links with their status', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<p>首页</p>\n<a href="/gone.html">旧闻</a>\n${FOOTER}`);
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const json = path.join(tempDir(), 'site.json');
      const result = await run([
        'scan',
        '--site',
        `http://${host}/`,
        '--json',
        json,
        '--lang',
        'en-US',
      ]);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`http://${host}/:2:`);
      const report = scanReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
      expect(report.source).toEqual({ kind: 'site', start: `http://${host}/`, hosts: [host] });
      expect(report.findings).toMatchObject([
        { detector: 'dead-link', target: `http://${host}/gone.html`, status: 404 },
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
