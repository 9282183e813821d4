import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldCode, foldText } from '../../../../shared/scan/text/fold';

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
});
