import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCAN_LIMITS } from '../../../../shared/scan/finding';
import { parseWordList, PROBLEMS_LISTED } from '../../../../shared/scan/words/word-list';

describe('parseWordList', () => {
  it('reads terms, tab categories, sections, comments and blank lines', () => {
    const list = parseWordList(
      '\uFEFF# 注释\n\n博彩\n[诈骗 fraud]\n刷单返利\n代考\t考试炒作\r\n  ＡＢＣ娱乐  \n',
    );
    expect(list.problems).toEqual([]);
    expect(list.terms).toEqual([
      { term: '博彩', category: null },
      { term: '刷单返利', category: '诈骗 fraud' },
      { term: '代考', category: '考试炒作' },
      { term: 'abc娱乐', category: '诈骗 fraud' },
    ]);
    expect(list.categories).toEqual(['诈骗 fraud', '考试炒作']);
  });

  it('merges duplicates, keeping the first category given', () => {
    const list = parseWordList('博彩\n博彩\t涉赌\nＢＯ彩\n博彩\t其他\nbo彩\t其他');
    expect(list.terms).toEqual([
      { term: '博彩', category: '涉赌' },
      { term: 'bo彩', category: '其他' },
    ]);
    expect(list.problems).toEqual([]);
  });

  it('refuses lines with control characters, too-long terms and empty terms, naming the line', () => {
    const long = '词'.repeat(SCAN_LIMITS.termLength + 1);
    const list = parseWordList(`好词\n坏\u0001词\n${long}\n\t只有类别\n[]\n好词二`);
    expect(list.terms.map((t) => t.term)).toEqual(['好词', '好词二']);
    expect(list.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    for (const problem of list.problems) {
      expect(problem.message['zh-CN']).toContain(`第 ${problem.line} 行`);
      expect(problem.message['en-US']).toContain(`Line ${problem.line}`);
    }
  });

  it('takes regular-expression characters as plain terms', () => {
    const list = parseWordList('.*\n(a|b)+\n[^x]\\d\n$^');
    expect(list.terms.map((t) => t.term)).toEqual(['.*', '(a|b)+', '[^x]\\d', '$^']);
  });

  it('refuses an 8 MB line quickly, with one problem', () => {
    const list = parseWordList(`开头\n${'x'.repeat(8 * 1024 * 1024)}\n结尾`);
    expect(list.terms.map((t) => t.term)).toEqual(['开头', '结尾']);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]?.line).toBe(2);
  });

  it('keeps up to the term cap and refuses the rest with one problem', () => {
    const lines = Array.from({ length: SCAN_LIMITS.terms + 5 }, (_, k) => `词${k}`);
    const list = parseWordList(lines.join('\n'));
    expect(list.terms).toHaveLength(SCAN_LIMITS.terms);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]?.line).toBe(SCAN_LIMITS.terms + 1);
  });

  it('lists a bounded number of problems and counts the rest', () => {
    const list = parseWordList(Array.from({ length: 500 }, () => 'a\u0002').join('\n'));
    expect(list.problems).toHaveLength(PROBLEMS_LISTED + 1);
    expect(list.problems.at(-1)?.message['en-US']).toContain('400 more problems');
  });

  it('parses the example list shipped with the app: no problems, no terms, its categories', () => {
    const text = readFileSync(
      new URL('../../../../resources/scan/words-example.txt', import.meta.url),
      'utf8',
    );
    const list = parseWordList(text);
    expect(list.problems).toEqual([]);
    expect(list.terms).toEqual([]);
    expect(list.categories).toEqual([
      '涉赌 gambling',
      '涉黄 pornography',
      '涉政有害 harmful political content',
      '暴恐 violence and terror',
      '诈骗 fraud',
      '错误表述 wrong wording',
      '考试炒作 exam hype',
    ]);
  });
});
