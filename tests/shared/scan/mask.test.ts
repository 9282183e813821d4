import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { personalHits } from '../../../shared/scan/detectors/personal';
import { maskContext, maskLongNumbers, maskMatch } from '../../../shared/scan/mask';
import { foldText } from '../../../shared/scan/text/fold';
import { ID, withCheckDigit } from './detectors/id-fixtures';

describe('maskMatch', () => {
  it('keeps the first 3 and last 4 of an ID, a star per hidden digit, separators dropped', () => {
    expect(maskMatch('id-number', '110101199003071234')).toBe('110***********1234');
    expect(maskMatch('id-number', '110101 19900307 123x')).toBe('110***********123X');
    expect(maskMatch('id-number', '110101900307123')).toBe('110********7123');
  });

  it('masks phones as 138****5678, country code dropped', () => {
    expect(maskMatch('phone', '13812345678')).toBe('138****5678');
    expect(maskMatch('phone', '138-1234-5678')).toBe('138****5678');
    expect(maskMatch('phone', '+86 138 1234 5678')).toBe('138****5678');
  });

  it('keeps a card first 4 and last 4 digits, stars grouped by 4', () => {
    expect(maskMatch('bank-card', '6222021234567890')).toBe('6222 **** **** 7890');
    expect(maskMatch('bank-card', '6222-0212-3456-7890-123')).toBe('6222 **** **** *** 0123');
  });

  it('leaves other detectors matches as they are', () => {
    expect(maskMatch('word', '博彩')).toBe('博彩');
  });
});

describe('maskContext', () => {
  it('shows up to 40 characters either side on the same line, matches masked', () => {
    const text = `第一行\n学生名单：张三 身份证 ${ID} 电话 13812345678 住址略\n第三行`;
    const folded = foldText(text);
    const hits = personalHits(folded, 2026);
    const id = hits[0];
    expect(id?.detector).toBe('id-number');
    const context = maskContext(text, id?.start ?? 0, id?.end ?? 0, hits);
    expect(context).toBe(
      `学生名单：张三 身份证 110***********${ID.slice(-4)} 电话 138****5678 住址略`,
    );
  });

  it('collapses whitespace and cuts at the window', () => {
    const text = `${'甲'.repeat(60)}  \t 词语 ${'乙'.repeat(60)}`;
    const start = text.indexOf('词语');
    const context = maskContext(text, start, start + 2, []);
    expect(context).toBe(`${'甲'.repeat(36)} 词语 ${'乙'.repeat(39)}`);
  });

  it('stars the visible digits of a hit the window cuts', () => {
    const text = `${ID}${'，'.repeat(30)}词语`;
    const hits = personalHits(foldText(text), 2026);
    const start = text.indexOf('词语');
    const context = maskContext(text, start, start + 2, hits);
    expect(context).not.toMatch(/\d/);
  });

  it('masks any run of 11 or more digits left, even one no detector took', () => {
    const context = maskContext('订单号 12345678901234 已发货', 0, 3, []);
    expect(context).toBe('订单号 123*******1234 已发货');
  });

  it('never leaks a personal number or a long run of digits (property)', () => {
    const numbers = [
      ID,
      '13812345678',
      '138 1234 5678',
      '6222021234567894',
      withCheckDigit('44030120050615002'),
    ];
    const piece = fc.oneof(
      fc.constantFrom(...numbers),
      fc.constantFrom('电话', '身份证', ' ', '\n', 'abc', '-'),
      fc.stringMatching(/^[0-9]{0,20}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), (pieces, at) => {
        // Pieces apart (so each listed number stands alone and is a hit) or glued (so it is not).
        const text = pieces.join(at % 2 === 0 ? '，' : '');
        const hits = personalHits(foldText(text), 2026);
        const start = text.length === 0 ? 0 : at % text.length;
        const context = maskContext(text, start, Math.min(text.length, start + 1), hits);
        expect(context).not.toMatch(/\d{11,}/);
        if (at % 2 === 0) {
          const shown = context.replace(/[\s-]/g, '');
          for (const number of numbers) expect(shown).not.toContain(number.replace(/[\s-]/g, ''));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('maskLongNumbers', () => {
  it('stars all but 3 and 4 digits of a number of 11 or more, split by spaces or dashes too', () => {
    expect(maskLongNumbers('电话 138-1234-5678，身份证 110101 19900307 1233')).toBe(
      '电话 138-****-5678，身份证 110*** ******** 1233',
    );
    expect(maskLongNumbers('?sfz=11010119900307123X&p=１３８１２３４５６７８')).toBe(
      '?sfz=110**********7123X&p=１３８****５６７８',
    );
  });

  it('leaves dates, times, prices and short numbers as they are (a landline with its area code is masked too)', () => {
    const text = '2026-11-30 12:30 价格 1380.00 学号 2023010101 邮编 100080 分机 6275-1234';
    expect(maskLongNumbers(text)).toBe(text);
    expect(maskLongNumbers('电话 010-62751234')).toBe('电话 010-****1234');
  });
});

describe('maskContext, numbers cut by the window', () => {
  it('shows no more of a number the window cuts than of a whole one', () => {
    const text = `<a href="http://other.example/a/b/c/d?x=${ID}">x</a>`;
    const context = maskContext(text, 0, 1, []);
    expect(context).not.toMatch(/\d{4}/);
    const near = maskContext(`${ID}${'，'.repeat(38)}词语`, 20 + 38, 20 + 40, []);
    expect(near).not.toMatch(/\d{4}/);
  });

  it('masks a phone split by dashes or spaces that no hit was given for', () => {
    expect(maskContext('<a href="http://o.example/">x</a>138 1234 5678', 0, 1, [])).toBe(
      '<a href="http://o.example/">x</a>138 ****',
    );
    expect(maskContext('<a href="http://o.example/">x</a>138 1234 5678', 30, 31, [])).toBe(
      '<a href="http://o.example/">x</a>138 **** 5678',
    );
  });
});
