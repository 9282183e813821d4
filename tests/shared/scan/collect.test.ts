import { describe, expect, it } from 'vitest';
import { ScanCollector } from '../../../shared/scan/collect';
import type { ReportMeta } from '../../../shared/scan/collect';
import { scanReportSchema } from '../../../shared/scan/finding';
import type { PageFinding } from '../../../shared/scan/page';

const META: ReportMeta = {
  id: '7d6f1c1e-5b7a-4c1e-9d7e-2f3a4b5c6d7e',
  appVersion: 'test',
  source: { kind: 'folder', name: 'site' },
  ownHosts: [],
  words: null,
  startedAt: '2026-11-30T02:00:00.000Z',
  finishedAt: '2026-11-30T02:00:01.000Z',
};

const finding = (
  source: string,
  line: number,
  detector: PageFinding['detector'] = 'phone',
): PageFinding => ({
  detector,
  source,
  line,
  column: 1,
  match: `${source}:${line}`,
  context: '',
});

function collect(findings: readonly PageFinding[], cap: number) {
  const collector = new ScanCollector({
    findings: cap,
    findingsPerSourcePerDetector: 1000,
    notes: 10,
  });
  for (const f of findings) collector.addFinding(f);
  return collector.report(META);
}

describe('ScanCollector', () => {
  it('keeps the same findings under its cap whatever order they came in', () => {
    const all = Array.from({ length: 300 }, (_, i) =>
      finding(`p${String(i % 37).padStart(2, '0')}.html`, ((i * 7) % 50) + 1),
    );
    const shuffled = [...all].reverse().sort((a, b) => (a.line % 3) - (b.line % 3));
    const first = collect(all, 40);
    const second = collect(shuffled, 40);
    expect(second.findings).toEqual(first.findings);
    expect(first.findings).toHaveLength(40);
    expect(first.findingsDropped).toBe(260);
    expect(first.findings[0]).toMatchObject({ id: 'phone:1', source: 'p00.html', state: 'open' });
    expect(first.notes.map((n) => n.code)).toEqual(['findings-cap']);
  });

  it('holds a finding out of bounds to the report format rather than losing the report', () => {
    const report = collect(
      [
        {
          ...finding('a.html', 0, 'word'),
          column: 0,
          context: '字'.repeat(1000),
          category: 'c'.repeat(300),
        },
      ],
      10,
    );
    expect(scanReportSchema.safeParse(report).success).toBe(true);
    expect(report.findings[0]).toMatchObject({ line: 1, column: 1 });
    expect(report.findings[0]!.context).toHaveLength(400);
  });
});

describe('ScanCollector masking', () => {
  it('keeps no whole long number in what a link or filing finding shows (URL, caption, footer)', () => {
    const id = '110101199003071233';
    const collector = new ScanCollector();
    collector.addFinding({
      detector: 'external-link',
      source: 'index.html',
      line: 1,
      column: 1,
      match: `http://evil.example/list?sfz=${id}`,
      context: `<a href="http://evil.example/list?sfz=${id}">`,
      target: `http://evil.example/list?sfz=${id}`,
    });
    collector.addFinding({
      detector: 'no-filing',
      source: 'index.html',
      line: 2,
      column: 1,
      match: 'ICP备',
      context: '联系电话：138-1234-5678 传真 010-6275123',
    });
    const report = scanReportSchema.parse(collector.report(META));
    const [link, filing] = report.findings;
    expect(link?.match).toBe('http://evil.example/list?sfz=110***********1233');
    expect(link?.target).toBe(link?.match);
    expect(link?.context).not.toContain(id);
    expect(filing?.context).toBe('联系电话：138-****-5678 传真 010-6275123');
  });

  it("masks the numbers in a finding's source and a note's source and messages, the same way each time", () => {
    const id = '110101199003071233';
    const file = `名单/张三_${id}.html`;
    const page = `http://www.school.cn/query?sfz=${id}`;
    const collector = new ScanCollector();
    for (const line of [2, 1])
      collector.addFinding({ ...finding(file, line, 'phone'), match: '138****5678' });
    collector.addFinding({ ...finding(page, 1, 'no-filing'), match: 'ICP备' });
    collector.note(page, 'redirect-refused', {
      'zh-CN': `重定向到未列出的网址 http://other.example/?id=${id}，未跟随`,
      'en-US': `Redirects to http://other.example/?id=${id}, which is not on the listed hosts`,
    });
    collector.addNote({
      source: file,
      code: 'unreadable',
      message: { 'zh-CN': `无法读取 ${file}`, 'en-US': `cannot read ${file}` },
    });
    const report = scanReportSchema.parse(collector.report(META));
    expect(JSON.stringify(report)).not.toContain(id);
    const shownFile = '名单/张三_110***********1233.html';
    expect(report.findings.map((f) => f.source)).toEqual([
      'http://www.school.cn/query?sfz=110***********1233',
      shownFile,
      shownFile,
    ]);
    const notes = Object.fromEntries(report.notes.map((n) => [n.code, n]));
    expect(notes['unreadable']).toMatchObject({
      source: shownFile,
      message: { 'zh-CN': `无法读取 ${shownFile}`, 'en-US': `cannot read ${shownFile}` },
    });
    expect(notes['redirect-refused']?.source).toBe(report.findings[0]!.source);
    expect(notes['redirect-refused']?.message['en-US']).toBe(
      'Redirects to http://other.example/?id=110***********1233, which is not on the listed hosts',
    );
  });

  it('takes out the marks that would make a match, context or source display otherwise than it reads', () => {
    const marks =
      '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f\ufeff';
    const collector = new ScanCollector();
    collector.addFinding({
      detector: 'word',
      source: 'a\u202e.html',
      line: 1,
      column: 1,
      match: '\u202e反转',
      context: `前\u202e反转${marks}后`,
      category: '\u2067类别',
    });
    collector.addFinding({
      ...finding('b.html', 1, 'external-link'),
      match: 'http://x.example/\u200b',
      target: 'http://x.example/\u200b',
      // A number split by a zero-width space is still masked once the space is gone.
      context: '电话 1381234\u200b5678',
    });
    collector.note('c\u2066.html', 'unreadable', { 'zh-CN': '读\u202e取', 'en-US': 'read\u202e' });
    const report = scanReportSchema.parse(collector.report(META));
    expect(
      report.findings.map((f) => [f.source, f.match, f.context, f.category, f.target]),
    ).toEqual([
      ['a.html', '反转', '前反转后', '类别', undefined],
      ['b.html', 'http://x.example/', '电话 138****5678', undefined, 'http://x.example/'],
    ]);
    expect(report.notes[0]).toMatchObject({
      source: 'c.html',
      message: { 'zh-CN': '读取', 'en-US': 'read' },
    });
  });
});
