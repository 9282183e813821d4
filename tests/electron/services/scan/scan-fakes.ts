import fs from 'node:fs/promises';
import type { PageFinding, PageLink, TextHit, WordMatcher } from '../../../../shared/scan/page';
import type { ScanParts } from '../../../../electron/services/scan/scan-parts';
import { folderUrlOf } from '../../../../electron/services/scan/sources/folder-url';
import { listFolder } from '../../../../electron/services/scan/sources/folder-walk';

/**
 * Small stand-ins for the page analysis and the word matcher, so the run's own work (listing,
 * dispatching, dead links, numbering, caps, cancel) is tested apart from theirs: a "phone" is
 * PHONE-<digits>, a link is href="…", a word is any term given.
 */

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export const fakeAnalyse: ScanParts['analysePage'] = (page, options) => {
  const findings: PageFinding[] = [];
  const links: PageLink[] = [];
  for (const m of page.text.matchAll(/PHONE-(\d+)/g)) {
    findings.push({
      detector: 'phone',
      source: page.source,
      ...lineColumn(page.text, m.index),
      match: `${m[1]!.slice(0, 3)}****`,
      context: m[0],
    });
  }
  for (const hit of options.words?.find(page.text) ?? []) {
    findings.push({
      detector: 'word',
      source: page.source,
      ...lineColumn(page.text, hit.start),
      match: hit.raw,
      context: hit.raw,
      ...(hit.category ? { category: hit.category } : {}),
    });
  }
  for (const m of page.text.matchAll(/href="([^"]*)"/g)) {
    const url = new URL(m[1]!, page.baseUrl);
    url.hash = '';
    const own = url.host === 'folder.invalid' || options.ownHosts.includes(url.host);
    if (own)
      links.push({
        target: url.href,
        ...lineColumn(page.text, m.index),
        context: m[0],
        navigable: true,
      });
  }
  return { findings, links, notes: [] };
};

export const fakeCompile: ScanParts['compileWords'] = (terms): WordMatcher => ({
  terms: terms.length,
  categories: [...new Set(terms.flatMap((t) => (t.category ? [t.category] : [])))],
  find: (text) =>
    terms.flatMap(({ term, category }) => {
      const hits: TextHit[] = [];
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1))
        hits.push({
          detector: 'word',
          start: at,
          end: at + term.length,
          raw: term,
          ...(category ? { category } : {}),
        });
      return hits;
    }),
});

export const fakeParts = (over: Partial<ScanParts> = {}): ScanParts => ({
  listFolder,
  readDocument: async (file) => {
    const text = await fs.readFile(file.absolute, 'utf8');
    return {
      page: {
        source: file.relative,
        kind: file.kind ?? 'text',
        text,
        baseUrl: folderUrlOf(file.relative),
      },
      bytes: Buffer.byteLength(text),
      notes: [],
    };
  },
  crawlSite: () => Promise.resolve([]),
  checkLink: () => Promise.resolve(200),
  analysePage: fakeAnalyse,
  compileWords: fakeCompile,
  ...over,
});
