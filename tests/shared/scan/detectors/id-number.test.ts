import { describe, expect, it } from 'vitest';
import {
  createIdNumberDetector,
  isIdNumber15,
  isIdNumber18,
} from '../../../../shared/scan/detectors/id-number';
import { foldText } from '../../../../shared/scan/text/fold';
import { ID, withCheckDigit, withWrongCheckDigit } from './id-fixtures';

const detect = createIdNumberDetector({ maxYear: 2026 });
const found = (text: string): string[] => detect(foldText(text)).map((hit) => hit.raw);

describe('isIdNumber18', () => {
  it('accepts a right check digit, X or x included', () => {
    expect(isIdNumber18(ID, 2026)).toBe(true);
    expect(isIdNumber18('11010519491231002X', 2026)).toBe(true);
    expect(isIdNumber18('11010519491231002x', 2026)).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isIdNumber18(withWrongCheckDigit('11010119900307123'), 2026)).toBe(false);
    expect(isIdNumber18('110105194912310021', 2026)).toBe(false);
  });

  it('refuses impossible dates, years out of range and unknown provinces', () => {
    expect(isIdNumber18(withCheckDigit('11010119900230123'), 2026)).toBe(false); // 30 Feb
    expect(isIdNumber18(withCheckDigit('11010119901301123'), 2026)).toBe(false); // month 13
    expect(isIdNumber18(withCheckDigit('11010118991231123'), 2026)).toBe(false); // 1899
    expect(isIdNumber18(withCheckDigit('11010120300101123'), 2026)).toBe(false); // after maxYear
    expect(isIdNumber18(withCheckDigit('11010120300101123'), 2030)).toBe(true);
    expect(isIdNumber18(withCheckDigit('99010119900307123'), 2026)).toBe(false); // province 99
    expect(isIdNumber18(withCheckDigit('11010120000229123'), 2026)).toBe(true); // leap day 2000
    expect(isIdNumber18(withCheckDigit('11010119000229123'), 2026)).toBe(false); // 1900 not leap
  });

  it('checks old 15-digit numbers by region and birth date', () => {
    expect(isIdNumber15('110101900307123')).toBe(true);
    expect(isIdNumber15('110101901307123')).toBe(false);
    expect(isIdNumber15('990101900307123')).toBe(false);
  });
});

describe('the ID-number detector', () => {
  it('finds IDs in running text with offsets into it', () => {
    const text = `学生张三，身份证号${ID}，已录取。`;
    const hits = detect(foldText(text));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.detector).toBe('id-number');
    expect(text.slice(hits[0]?.start, hits[0]?.end)).toBe(ID);
  });

  it('finds IDs split by spaces or dashes in the usual groupings', () => {
    const sixEightFour = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    const threeThree = `${ID.slice(0, 3)}-${ID.slice(3, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}`;
    const fours = ID.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(found(`号码 ${sixEightFour} 。`)).toEqual([sixEightFour]);
    expect(found(`号码 ${threeThree} 。`)).toEqual([threeThree]);
    expect(found(`号码 ${fours}`)).toEqual([fours]);
  });

  it('finds full-width digits', () => {
    const wide = [...ID].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(detect(foldText(`身份证：${wide}`))).toHaveLength(1);
  });

  it('finds an ID ending in X, and one next to another number across a space', () => {
    expect(found('证件 11010519491231002X 号')).toEqual(['11010519491231002x']);
    expect(found(`${ID} 13812345678`)).toEqual([ID]);
  });

  it('never reports an ID inside a longer run of digits or letters', () => {
    expect(found(`1${ID}`)).toEqual([]);
    expect(found(`${ID}0`)).toEqual([]);
    expect(found(`abc${ID}`)).toEqual([]);
    expect(found(`${ID}abc`)).toEqual([]);
    expect(found(`3.${ID}`)).toEqual([]);
    expect(found(`${ID.slice(0, 9)} ${ID.slice(9)} 1234`)).toEqual([]);
    expect(found(`${ID.slice(0, 9)}-${ID.slice(9)}-12`)).toEqual([]);
  });

  it('refuses wrong check digits and impossible dates', () => {
    expect(found(`身份证 ${withWrongCheckDigit('11010119900307123')}`)).toEqual([]);
    expect(found(`身份证 ${withCheckDigit('11010119900231123')}`)).toEqual([]);
  });

  it('finds old 15-digit IDs', () => {
    expect(found('旧身份证 110101900307123 。')).toEqual(['110101900307123']);
    expect(found('旧身份证 110101901332123')).toEqual([]);
  });

  it('finds several IDs, in order', () => {
    const other = withCheckDigit('44030120050615002');
    expect(found(`${ID}\n${other}`)).toEqual([ID, other]);
  });
});
