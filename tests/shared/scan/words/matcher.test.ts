import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText } from '../../../../shared/scan/text/fold';
import { compileWords } from '../../../../shared/scan/words/matcher';
import { parseWordList, type WordTerm } from '../../../../shared/scan/words/word-list';

const plain = (terms: string[]): WordTerm[] => terms.map((term) => ({ term, category: null }));

/** Every occurrence of every distinct term, by indexOf: the reference the matcher must equal. */
function naive(terms: readonly string[], text: string): string[] {
  const found: string[] = [];
  for (const term of new Set(terms)) {
    if (term === '') continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1))
      found.push(`${at}:${at + term.length}`);
  }
  return found.sort();
}

const spans = (hits: readonly { start: number; end: number }[]): string[] =>
  hits.map((hit) => `${hit.start}:${hit.end}`).sort();

describe('compileWords', () => {
  it('reports every occurrence, overlapping and nested ones too, with categories', () => {
    const matcher = compileWords([
      { term: '博彩', category: '涉赌' },
      { term: '网上博彩', category: '涉赌' },
      { term: '彩票', category: null },
      { term: 'aa', category: null },
    ]);
    const hits = matcher.find('网上博彩票 aaa');
    expect(hits.map((h) => [h.raw, h.start, h.end, h.category])).toEqual([
      ['网上博彩', 0, 4, '涉赌'],
      ['博彩', 2, 4, '涉赌'],
      ['彩票', 3, 5, undefined],
      ['aa', 6, 8, undefined],
      ['aa', 7, 9, undefined],
    ]);
    expect(hits.every((h) => h.detector === 'word')).toBe(true);
    expect(matcher.terms).toBe(4);
    expect(matcher.categories).toEqual(['涉赌']);
  });

  it('keeps the categories it is given, sections with no terms too', () => {
    const list = parseWordList('[涉赌]\n[诈骗]\n刷单');
    expect(compileWords(list.terms, list.categories).categories).toEqual(['涉赌', '诈骗']);
  });

  it('finds nothing with no terms, and nothing in empty text', () => {
    expect(compileWords([]).find('任何文字')).toEqual([]);
    expect(compileWords(plain(['词'])).find('')).toEqual([]);
  });

  it('matches regular-expression characters literally', () => {
    const matcher = compileWords(plain(['.*', '(a|b)+', '[^x]', '\\d']));
    expect(matcher.find('abc (a|b)+ .* \\d [^x] d').map((h) => h.raw)).toEqual([
      '(a|b)+',
      '.*',
      '\\d',
      '[^x]',
    ]);
  });

  it('equals a naive indexOf search on random texts and terms (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', '博', '彩', '赌', '\uD83D', '\uDE00', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 20 }),
        fc.array(alphabet, { maxLength: 80 }).map((cs) => cs.join('')),
        (terms, text) => {
          expect(spans(compileWords(plain(terms)).find(text))).toEqual(naive(terms, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('builds from 100,000 terms and finds them', () => {
    const terms = Array.from({ length: 100_000 }, (_, k) => `词${k.toString(36)}语`);
    const matcher = compileWords(plain(terms));
    expect(matcher.terms).toBe(100_000);
    // 词zzz语 is term 46,655; 词2bi9语 would be term 108,225, past the list.
    const hits = matcher.find('开头词0语中间词zzz语词2bi9语结尾');
    expect(hits.map((h) => h.raw)).toEqual(['词0语', '词zzz语']);
  });

  it('handles terms of the longest length sharing long prefixes', () => {
    const base = '甲'.repeat(99);
    const matcher = compileWords(plain([`${base}乙`, `${base}丙`, '甲甲']));
    const text = `${'甲'.repeat(120)}丙`;
    expect(spans(matcher.find(text))).toEqual(naive([`${base}乙`, `${base}丙`, '甲甲'], text));
  });

  it('finds the same in a text and in its folded form, as a naive search of the folded text (property)', () => {
    // Terms as parseWordList gives them (folded); texts with full-width, upper-case, dash and
    // space forms, so the matcher's own folding is what finds them.
    const alphabet = fc.constantFrom(
      ...['a', 'A', 'Ａ', 'ａ', 'b', 'B', '1', '１', '-', '－', '—', ' ', '\u3000', '，', ','],
      ...['博', '彩', '赌', '\uD83D', '\uDE00', 'x'],
    );
    const chars = (max: number, min = 0) =>
      fc.array(alphabet, { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    const sparse = fc.constantFrom(undefined, 1, 40);
    fc.assert(
      fc.property(
        fc.array(chars(5, 1), { minLength: 1, maxLength: 20 }),
        chars(100),
        sparse,
        (raw, text, denseCells) => {
          const terms = raw.map(foldText);
          const matcher = compileWords(plain(terms), undefined, { denseCells });
          const folded = foldText(text);
          const expected = naive(terms, folded);
          const hits = matcher.find(text);
          expect(spans(hits)).toEqual(expected);
          expect(spans(matcher.find(folded))).toEqual(expected);
          // `raw` is the text given, as it stands.
          for (const hit of hits) expect(hit.raw).toBe(text.slice(hit.start, hit.end));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a page written in full-width and capitals as its folded terms, with categories', () => {
    const list = parseWordList('[涉赌]\nCasino-8888\n网上博彩\n[诈骗]\n刷单　返利');
    const matcher = compileWords(list.terms, list.categories);
    const hits = matcher.find('欢迎光临ＣＡＳＩＮＯ－８８８８，网上博彩；刷单 返利。');
    expect(hits.map((h) => [h.raw, h.category])).toEqual([
      ['ＣＡＳＩＮＯ－８８８８', '涉赌'],
      ['网上博彩', '涉赌'],
      ['刷单 返利', '诈骗'],
    ]);
  });

  it('runs the same with every state dense and with only the root dense', () => {
    const terms = ['甲乙丙', '乙丙丁', '丙', 'abcab', 'bca', 'cab'];
    const text = '甲乙丙丁丙乙甲 abcabcab ABCAB';
    const all = compileWords(plain(terms)).find(text);
    expect(spans(all)).toEqual(naive(terms, foldText(text)));
    expect(compileWords(plain(terms), undefined, { denseCells: 1 }).find(text)).toEqual(all);
  });
});
