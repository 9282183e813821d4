import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../../shared/scan/analyse-page';
import { HIDING_TRICKS, type HidingTrick } from '../../../../shared/scan/detectors';
import type { PageAnalysis } from '../../../../shared/scan/page';

const folder = path.resolve(import.meta.dirname, '../../../fixtures/scan/hidden');
const BET = 'http://www.bet-casino.example/';
const options = { words: null, ownHosts: ['www.school.edu.cn'] };

function analyse(file: string, baseUrl = `https://www.school.edu.cn/${file}`): PageAnalysis {
  const text = readFileSync(path.join(folder, file), 'utf8');
  return analysePage({ source: file, kind: 'html', text, baseUrl }, options);
}

function trickOfName(file: string): HidingTrick | undefined {
  return [...HIDING_TRICKS]
    .sort((a, b) => b.length - a.length)
    .find((trick) => file.startsWith(`${trick}.`) || file.startsWith(`${trick}-`));
}

const files = readdirSync(folder).filter((f) => f.endsWith('.html'));
const trickFiles = files.filter((f) => trickOfName(f) !== undefined);
const falseFiles = files.filter((f) => f.startsWith('not-hidden-'));

describe('hidden-link fixtures', () => {
  it('has a fixture for every hiding trick', () => {
    expect(new Set(trickFiles.map(trickOfName))).toEqual(new Set(HIDING_TRICKS));
    expect(trickFiles.length + falseFiles.length).toBe(files.length);
  });

  it.each(trickFiles)('%s: the planted link is found, hidden by its trick', (file) => {
    const { findings } = analyse(file);
    const hidden = findings.filter((f) => f.detector === 'hidden-link');
    expect(hidden).toEqual([
      expect.objectContaining({ target: BET, match: BET, trick: trickOfName(file), source: file }),
    ]);
    // Reported once, as hidden, not a second time as external; the school's own links are
    // handed back, not reported.
    expect(findings.filter((f) => f.detector === 'external-link')).toEqual([]);
    expect(findings.filter((f) => f.detector === 'no-filing')).toEqual([]);
  });

  it('reports where the planted link is, in the page as written', () => {
    const text = readFileSync(path.join(folder, 'display-none.html'), 'utf8');
    const [finding] = analyse('display-none.html').findings.filter(
      (f) => f.detector === 'hidden-link',
    );
    const lines = text.split('\n');
    const line = lines[(finding?.line ?? 0) - 1] ?? '';
    expect(line.slice((finding?.column ?? 0) - 1)).toMatch(/^<a href="http:\/\/www\.bet-casino/);
    expect(finding?.context).toContain('bet-casino');
  });

  it.each(falseFiles)('%s: no hidden link', (file) => {
    const { findings } = analyse(file);
    expect(findings.filter((f) => f.detector === 'hidden-link')).toEqual([]);
  });

  it('a visible link to another site is external, not hidden', () => {
    const { findings } = analyse('not-hidden-visible-external.html');
    expect(findings.map((f) => [f.detector, f.target])).toEqual([
      ['external-link', 'http://www.moe.gov.cn/'],
    ]);
  });

  it('a folded menu of the site own pages is handed back as links to check', () => {
    const { findings, links } = analyse('not-hidden-own-menu.html');
    expect(findings).toEqual([]);
    expect(links.map((l) => [l.target, l.navigable])).toEqual(
      expect.arrayContaining([
        ['https://www.school.edu.cn/about/history.html', true],
        ['https://www.school.edu.cn/about/leaders.html', true],
        ['https://www.school.edu.cn/news/', true],
      ]),
    );
  });

  it('a skip link, a commented-out link and hidden text are nothing', () => {
    for (const file of ['not-hidden-skip-link.html', 'not-hidden-comment.html']) {
      expect(analyse(file).findings).toEqual([]);
    }
    expect(analyse('not-hidden-no-link.html').findings).toEqual([]);
  });

  it('a link that shows some text or an image is not hidden by what else it holds', () => {
    const { findings } = analyse('not-hidden-link-with-visible-text.html');
    expect(findings.map((f) => f.detector)).toEqual([
      'external-link',
      'external-link',
      'external-link',
    ]);
  });

  it('a menu hidden on some screens only is seen on the others: external, not hidden', () => {
    const { findings } = analyse('not-hidden-responsive-menu.html');
    expect(findings.map((f) => [f.detector, f.target])).toEqual([
      ['external-link', 'http://www.moe.gov.cn/'],
      ['external-link', 'https://www.edu.cn/'],
      ['external-link', 'http://www.bjedu.gov.cn/'],
      ['external-link', 'https://www.chsi.com.cn/'],
    ]);
  });

  it('a drop-down menu or tab a visitor opens is external, not hidden', () => {
    const { findings } = analyse('not-hidden-dropdown-menu.html');
    expect(findings.map((f) => [f.detector, f.target])).toEqual([
      ['external-link', 'http://www.moe.gov.cn/'],
      ['external-link', 'https://www.edu.cn/'],
      ['external-link', 'http://www.beijing.gov.cn/'],
      ['external-link', 'http://www.bjedu.gov.cn/'],
    ]);
  });

  it('rules for print only hide nothing on screen', () => {
    const { findings } = analyse('not-hidden-print-only.html');
    expect(findings.map((f) => f.detector)).toEqual(['external-link', 'external-link']);
  });

  it('in a saved folder, links inside it are the site own and other hosts are external', () => {
    const { findings, links } = analyse(
      'display-none.html',
      'http://folder.invalid/site/index.html',
    );
    expect(links.map((l) => l.target)).toContain('http://folder.invalid/news/');
    // The absolute link to the school's host is its own too (ownHosts), so not external.
    expect(findings.map((f) => [f.detector, f.target])).toEqual([['hidden-link', BET]]);
  });
});
