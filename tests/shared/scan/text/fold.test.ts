import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FOLD_TABLE, foldCode, foldText } from '../../../../shared/scan/text/fold';

describe('foldText', () => {
  it('folds full-width forms, the ideographic space, capitals and dashes', () => {
    expect(foldText('１３８　１２３４－５６７８')).toBe('138 1234-5678');
    expect(foldText('京ＩＣＰ备１２３号')).toBe('京icp备123号');
    expect(foldText('A—B–C‐D−E')).toBe('a-b-c-d-e');
    expect(foldText('Ｘ')).toBe('x');
  });

  it('leaves other text as it is', () => {
    expect(foldText('学校网站 abc 123，。')).toBe('学校网站 abc 123,。');
    const plain = '没有要折叠的 abc';
    expect(foldText(plain)).toBe(plain);
  });

  it('keeps the UTF-16 length, so every offset maps back 1:1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const folded = foldText(text);
        expect(folded.length).toBe(text.length);
        for (let k = 0; k < text.length; k++) {
          expect(folded.charCodeAt(k)).toBe(foldCode(text.charCodeAt(k)));
        }
      }),
    );
  });

  it('keeps emoji and lone surrogates as they are, folding around them', () => {
    expect(foldText('ＡＢ😀，ｃ')).toBe('ab😀,c');
    expect(foldText('Ａ\uD83D，')).toBe('a\uD83D,');
    expect(foldText('\uDE00Ｂ\uD83D')).toBe('\uDE00b\uD83D');
    const long = `${'校园网，ＡＢＣ；'.repeat(5000)}😀\uDC00`;
    const folded = foldText(long);
    expect(folded).toBe(`${'校园网,abc;'.repeat(5000)}😀\uDC00`);
  });

  it('gives the same text on a second call with a shorter text (its buffer is reused)', () => {
    expect(foldText('ＡＢＣＤＥＦＧＨ')).toBe('abcdefgh');
    expect(foldText('Ｘ，')).toBe('x,');
  });
});

describe('FOLD_TABLE', () => {
  it('is foldCode of every code unit, and folding twice is folding once', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 65536; code++) {
      const folded = foldCode(code);
      if (FOLD_TABLE[code] !== folded || foldCode(folded) !== folded) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });
});
