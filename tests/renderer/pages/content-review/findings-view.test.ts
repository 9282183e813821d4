import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../shared/scan/finding';
import {
  FINDINGS_PER_PAGE,
  findingsPage,
  orderFindings,
  splitContext,
} from '../../../../renderer/pages/content-review/findings-view';

function finding(n: number, source: string, line: number, over: Partial<Finding> = {}): Finding {
  return {
    id: `word:${n}`,
    detector: 'word',
    source,
    line,
    column: 1,
    match: '赌博',
    context: `远离赌博 ${n}`,
    state: 'open',
    ...over,
  };
}

describe('the findings shown', () => {
  it('are grouped by file in the order the scan met them, then by line', () => {
    const ordered = orderFindings([
      finding(1, 'b.html', 9),
      finding(2, 'a.html', 3),
      finding(3, 'b.html', 2),
    ]);
    expect(ordered.map((f) => f.id)).toEqual(['word:3', 'word:1', 'word:2']);
    const page = findingsPage(ordered, { detector: 'all', state: 'all' }, 0);
    expect(page.groups.map((g) => [g.source, g.findings.length])).toEqual([
      ['b.html', 2],
      ['a.html', 1],
    ]);
  });

  it('are filtered by detector and state, and the bulk marks act on every one the filter keeps', () => {
    const ordered = orderFindings([
      finding(1, 'a.html', 1),
      finding(2, 'a.html', 2, { state: 'fixed' }),
      finding(3, 'a.html', 3, { detector: 'phone', id: 'phone:3' }),
    ]);
    const page = findingsPage(ordered, { detector: 'word', state: 'open' }, 0);
    expect(page.total).toBe(1);
    expect(page.groups[0]!.allIds).toEqual(['word:1']);
  });

  it('mark all the filter shows: every finding it keeps, on every page and in every file', () => {
    const many = Array.from({ length: FINDINGS_PER_PAGE * 2 }, (_, i) =>
      finding(i, i % 2 === 0 ? 'a.html' : 'b.html', i + 1, i % 3 === 0 ? { state: 'fixed' } : {}),
    );
    const page = findingsPage(orderFindings(many), { detector: 'word', state: 'open' }, 0);
    const open = many.filter((f) => f.state === 'open').map((f) => f.id);
    expect(page.allIds.length).toBe(open.length);
    expect([...page.allIds].sort()).toEqual([...open].sort());
    expect(page.groups.flatMap((g) => g.findings).length).toBe(FINDINGS_PER_PAGE);
  });

  it('come a page at a time, a group continued across pages said so', () => {
    const many = Array.from({ length: FINDINGS_PER_PAGE * 2 + 5 }, (_, i) =>
      finding(i, 'big.html', i + 1),
    );
    const ordered = orderFindings(many);
    const first = findingsPage(ordered, { detector: 'all', state: 'all' }, 0);
    expect(first.pages).toBe(3);
    expect(first.groups[0]!.findings).toHaveLength(FINDINGS_PER_PAGE);
    expect(first.groups[0]!.allIds).toHaveLength(many.length);
    expect(first.groups[0]!.continued).toBe(false);
    const last = findingsPage(ordered, { detector: 'all', state: 'all' }, 99);
    expect(last.page).toBe(2);
    expect(last.groups[0]!.findings).toHaveLength(5);
    expect(last.groups[0]!.continued).toBe(true);
  });

  it('emphasise the match inside its context, or show the context as it is', () => {
    expect(splitContext(finding(1, 'a.html', 1))).toEqual(['远离', '赌博', ' 1']);
    expect(splitContext(finding(1, 'a.html', 1, { match: '六合彩' }))).toBeNull();
  });
});
