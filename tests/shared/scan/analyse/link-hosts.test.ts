import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../../shared/scan/analyse-page';
import { isOwnLink } from '../../../../shared/scan/analyse/link-findings';
import { hostKey } from '../../../../shared/scan/hosts';
import { isHostName, resolveLink } from '../../../../shared/scan/html/url';
import type { AnalyseOptions, PageAnalysis } from '../../../../shared/scan/page';

const FILED = '<footer>京ICP备12345678号 京公网安备11010802012345号</footer>';
const OPTIONS: AnalyseOptions = { words: null, ownHosts: ['www.school.cn'], year: 2026 };

function analyse(body: string, options = OPTIONS): PageAnalysis {
  return analysePage(
    {
      source: 'index.html',
      kind: 'html',
      text: `<html><body>\n${body}\n${FILED}</body></html>`,
      baseUrl: 'http://www.school.cn/index.html',
    },
    options,
  );
}

const links = (a: PageAnalysis) =>
  a.findings
    .filter((f) => f.detector === 'hidden-link' || f.detector === 'external-link')
    .map((f) => [f.detector, f.target]);

describe('link targets whose host is no host name', () => {
  it('reports no hidden link for an address a script cuts by concatenation', () => {
    const page = analyse(
      [
        `<script>document.write('<a href="http://www.'+'bet365.com/">x</a>');</script>`,
        `<script>document.write('<a href="http://bet.example/p">y</a>');</script>`,
      ].join('\n'),
    );
    expect(links(page)).toEqual([['hidden-link', 'http://bet.example/p']]);
  });

  it('takes no link to an empty, dotted-only or hyphen-edged host, in markup either', () => {
    const page = analyse(
      [
        '<a href="http://www./">a</a>',
        '<a href="http://a..b/">b</a>',
        '<a href="http://-x.cn/">c</a>',
        '<a href="http://./">d</a>',
        '<a href="http://www.moe.gov.cn/">e</a>',
      ].join('\n'),
    );
    expect(links(page)).toEqual([['external-link', 'http://www.moe.gov.cn/']]);
  });

  it('keeps addresses, one-label and fully qualified names', () => {
    for (const host of ['www.school.cn', 'www.school.cn.', 'localhost', '10.0.0.1', '[::1]'])
      expect(isHostName(new URL(`http://${host}/`).hostname), host).toBe(true);
    for (const host of ['www.', 'a..b', '.x.cn', '-x.cn', 'x-.cn', `${'a'.repeat(64)}.cn`])
      expect(isHostName(host), host).toBe(false);
    expect(resolveLink('http://www./', 'http://www.school.cn/')).toBeNull();
    expect(resolveLink('//www.school.cn./x', 'http://www.school.cn/')).toBe(
      'http://www.school.cn./x',
    );
  });
});

describe("the school's own host with a trailing dot", () => {
  it('is no external link', () => {
    const page = analyse(
      '<a href="http://www.school.cn./x">own</a>\n<a href="http://www.other.cn./">other</a>',
    );
    expect(links(page)).toEqual([['external-link', 'http://www.other.cn./']]);
    expect(page.links.map((l) => l.target)).toContain('http://www.school.cn./x');
  });

  it('is the same host however it is written, on either side', () => {
    const own = new Set(['www.school.cn', 'school.cn:8080'].map(hostKey));
    expect(isOwnLink('http://www.school.cn./x', own)).toBe(true);
    expect(isOwnLink('http://school.cn.:8080/x', own)).toBe(true);
    expect(isOwnLink('http://www.school.cn.evil.cn/', own)).toBe(false);
    expect(isOwnLink('http://www.school.cn/', new Set([hostKey('WWW.School.cn.')]))).toBe(true);
    expect(hostKey('www.school.cn.:8080')).toBe('www.school.cn:8080');
  });
});
