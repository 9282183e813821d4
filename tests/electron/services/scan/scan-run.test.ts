import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScan } from '../../../../electron/services/scan/scan-run';
import type { ScanRunRequest } from '../../../../electron/services/scan/scan-run';
import { scanReportSchema } from '../../../../shared/scan/finding';
import type { ScanProgress } from '../../../../shared/scan/progress';
import { useTempDir } from '../../temp-dir';
import { fakeParts } from './scan-fakes';

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

const request = (root: string, over: Partial<ScanRunRequest> = {}): ScanRunRequest => ({
  source: { kind: 'folder', root },
  ownHosts: ['www.school.edu.cn'],
  words: null,
  appVersion: '0.0.0-test',
  workers: 0,
  ...over,
});

describe('startScan of a folder', () => {
  const tempDir = useTempDir();

  it('finds links to files missing from the folder, at the line of the link', async () => {
    const root = path.join(tempDir(), '学校网站');
    write(root, {
      'index.html': [
        '<a href="news/a.html">ok</a>',
        '<a href="news/missing.html">gone</a> <a href="img/logo.png">logo</a>',
        '<a href="sub/">folder with an index</a> <a href="empty/">folder without</a>',
        '<a href="%E6%96%B0%E9%97%BB.html?page=2#top">新闻</a> <a href="News/A.HTML">case</a>',
        '<a href="http://www.school.edu.cn/x.html">own host, not the folder</a>',
        '<a href="/nowhere/">root-relative</a>',
      ].join('\n'),
      'news/a.html': '<a href="../index.html">home</a> <a href="b.html">b</a>',
      'img/logo.png': 'png',
      'sub/index.htm': 'sub',
      'empty/readme.txt': 'no index here',
      '新闻.html': 'news',
    });
    const report = await startScan(request(root), fakeParts()).report;
    expect(scanReportSchema.parse(report)).toEqual(report);
    expect(report.source).toEqual({ kind: 'folder', name: '学校网站' });
    const dead = report.findings.filter((f) => f.detector === 'dead-link');
    expect(dead.map((f) => [f.id, f.source, f.line, f.target])).toEqual([
      ['dead-link:1', 'index.html', 2, 'news/missing.html'],
      ['dead-link:2', 'index.html', 3, 'empty/'],
      ['dead-link:3', 'index.html', 6, 'nowhere/'],
      ['dead-link:4', 'news/a.html', 1, 'news/b.html'],
    ]);
    expect(dead.every((f) => f.state === 'open' && f.status === undefined)).toBe(true);
    expect(report.totals).toMatchObject({ scanned: 5, skipped: 0 });
    expect(report.complete).toBe(true);
  });

  it('numbers findings per detector in the order of source, line and column', async () => {
    const root = tempDir();
    write(root, {
      'b.txt': 'PHONE-2 赌博\nPHONE-3',
      'a.txt': '\n\n 赌博 PHONE-1',
    });
    const words = { name: 'list.txt', terms: [{ term: '赌博', category: '赌博' }] };
    const report = await startScan(request(root, { words }), fakeParts()).report;
    expect(report.findings.map((f) => [f.id, f.source, f.line, f.column])).toEqual([
      ['word:1', 'a.txt', 3, 2],
      ['phone:1', 'a.txt', 3, 5],
      ['phone:2', 'b.txt', 1, 1],
      ['word:2', 'b.txt', 1, 9],
      ['phone:3', 'b.txt', 2, 1],
    ]);
    expect(report.words).toEqual({ name: 'list.txt', terms: 1, categories: ['赌博'] });
  });

  it('keeps findings up to the caps and counts the rest', async () => {
    const root = tempDir();
    write(root, {
      'a.txt': 'PHONE-1 PHONE-2 PHONE-3 PHONE-4',
      'b.txt': 'PHONE-5 PHONE-6',
      'c.txt': 'PHONE-7',
    });
    const limits = { findings: 3, findingsPerSourcePerDetector: 2, notes: 10 };
    const report = await startScan(request(root, { limits }), fakeParts()).report;
    expect(report.findings.map((f) => f.context)).toEqual(['PHONE-1', 'PHONE-2', 'PHONE-5']);
    expect(report.findingsDropped).toBe(4);
    expect(report.notes.map((n) => n.code)).toEqual(['findings-cap']);
    expect(report.complete).toBe(true);
  });

  it('keeps notes up to their cap and counts the rest', async () => {
    const root = tempDir();
    write(root, { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const parts = fakeParts({
      readDocument: (file) =>
        Promise.resolve({
          page: null,
          bytes: 1,
          notes: [
            {
              source: file.relative,
              code: 'binary',
              message: { 'zh-CN': '二进制', 'en-US': 'binary' },
            },
          ],
        }),
    });
    const limits = { findings: 10, findingsPerSourcePerDetector: 10, notes: 2 };
    const report = await startScan(request(root, { limits }), parts).report;
    expect(report.notes.map((n) => n.source)).toEqual(['a.txt', 'b.txt']);
    expect(report.notesDropped).toBe(1);
    expect(report.totals).toEqual({ scanned: 0, bytes: 3, skipped: 3 });
  });

  it('gives a file whose reading fails an unreadable note and goes on', async () => {
    const root = tempDir();
    write(root, { 'a.txt': 'PHONE-1', 'bad.txt': 'x', 'c.txt': 'PHONE-2' });
    const parts = fakeParts();
    const read = parts.readDocument;
    const report = await startScan(
      request(root),
      fakeParts({
        readDocument: (file) =>
          file.relative === 'bad.txt' ? Promise.reject(new Error('boom')) : read(file),
      }),
    ).report;
    expect(report.findings.map((f) => f.source)).toEqual(['a.txt', 'c.txt']);
    expect(report.notes).toMatchObject([{ source: 'bad.txt', code: 'unreadable' }]);
    expect(report.totals).toMatchObject({ scanned: 2, skipped: 1 });
  });

  it('shows its progress and, cancelled, reports what it read', async () => {
    const root = tempDir();
    write(root, { 'a.txt': 'PHONE-1', 'b.txt': 'PHONE-2', 'c.txt': 'PHONE-3' });
    const parts = fakeParts();
    const seen: ScanProgress[] = [];
    const read = parts.readDocument;
    const run: ReturnType<typeof startScan> = startScan(
      request(root),
      fakeParts({
        readDocument: async (file) => {
          seen.push(run.progress());
          if (file.relative === 'b.txt') run.cancel();
          return read(file);
        },
      }),
    );
    const report = await run.report;
    expect(seen.map((p) => [p.phase, p.scanned, p.total, p.current])).toEqual([
      ['reading', 0, 3, 'a.txt'],
      ['reading', 1, 3, 'b.txt'],
    ]);
    expect(run.progress()).toMatchObject({ phase: 'done', scanned: 2, findings: 2, current: '' });
    expect(report.complete).toBe(false);
    expect(report.findings.map((f) => f.source)).toEqual(['a.txt', 'b.txt']);
    expect(report.notes).toMatchObject([{ source: '', code: 'cancelled' }]);
    expect(scanReportSchema.safeParse(report).success).toBe(true);
  });
});
