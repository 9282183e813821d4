import { describe, expect, it } from 'vitest';
import { filingNumbers } from '../../../../shared/scan/detectors/filing';
import { foldText } from '../../../../shared/scan/text/fold';

const filing = (text: string): ReturnType<typeof filingNumbers> => filingNumbers(foldText(text));

describe('filingNumbers', () => {
  it('finds ICP filing and licence numbers as footers write them', () => {
    expect(filing('版权所有 京ICP备12345678号').icp).toBe(true);
    expect(filing('粤ICP备12345678号-1').icp).toBe(true);
    expect(filing('京ICP证000001号').icp).toBe(true);
    expect(filing('ICP备案号：京 ICP 备 12345678 号').icp).toBe(true);
    expect(filing('京ＩＣＰ备１２３４５６７８号').icp).toBe(true);
  });

  it('finds public-security filing numbers of 14 digits, spaces allowed', () => {
    expect(filing('京公网安备 11010802012345号').publicSecurity).toBe(true);
    expect(filing('京公网安备11010802012345号').publicSecurity).toBe(true);
    expect(filing('京公网安备 1101 0802 0123 45号').publicSecurity).toBe(true);
  });

  it('finds neither where there is none, or where the number is missing or malformed', () => {
    expect(filing('版权所有 某某学校 地址：某路1号')).toEqual({
      icp: false,
      publicSecurity: false,
    });
    expect(filing('京ICP备号').icp).toBe(false);
    expect(filing('京公网安备 1101080201234号').publicSecurity).toBe(false);
    expect(filing('京公网安备 110108020123456号').publicSecurity).toBe(false);
  });
});
