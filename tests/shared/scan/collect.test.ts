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
});
