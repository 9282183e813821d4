import { describe, expect, it } from 'vitest';
import type { CrawledPage } from '../../../../../electron/services/scan/scan-parts';
import { checkLink, crawlSite } from '../../../../../electron/services/scan/sources/site-fetch';

/** A site that answers every address of its hosts (robots.txt: none), recording what is asked. */
function fakeSite() {
  const asked: string[] = [];
  const fetchImpl: typeof fetch = (input) => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const body = url.endsWith('/robots.txt') ? null : '<p>页面</p>';
    return Promise.resolve(
      new Response(body, {
        status: body === null ? 404 : 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }),
    );
  };
  return { asked, fetchImpl };
}

const LIMITS = { delayMs: 0, timeoutMs: 2000 };

describe('the fetcher and a host written with a trailing dot', () => {
  it("checks a link to the listed host's fully qualified name (www.school.cn./x)", async () => {
    const { asked, fetchImpl } = fakeSite();
    const signal = new AbortController().signal;
    const options = { fetchImpl, limits: LIMITS };
    expect(await checkLink('http://www.school.cn./x', ['www.school.cn'], signal, options)).toBe(
      200,
    );
    expect(await checkLink('http://www.school.cn/y', ['www.school.cn.'], signal, options)).toBe(
      200,
    );
    expect(asked).toContain('http://www.school.cn./x');
    expect(await checkLink('http://www.other.cn./z', ['www.school.cn'], signal, options)).toBe(0);
    expect(asked.some((u) => u.includes('other'))).toBe(false);
  });

  it('crawls such a link as a page of the site, not a host refused', async () => {
    const { fetchImpl } = fakeSite();
    const pages: CrawledPage[] = [];
    const notes = await crawlSite({
      start: 'http://www.school.cn/',
      hosts: ['www.school.cn'],
      signal: new AbortController().signal,
      limits: LIMITS,
      fetchImpl,
      onPage: (page) => {
        pages.push(page);
        return pages.length === 1 ? ['http://www.school.cn./news.html'] : [];
      },
    });
    expect(pages.map((p) => p.url)).toEqual([
      'http://www.school.cn/',
      'http://www.school.cn./news.html',
    ]);
    expect(notes.map((n) => n.code)).not.toContain('host-refused');
  });
});
