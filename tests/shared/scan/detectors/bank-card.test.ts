import { describe, expect, it } from 'vitest';
import { bankCards, luhnValid } from '../../../../shared/scan/detectors/bank-card';
import { foldText } from '../../../../shared/scan/text/fold';
import { withCheckDigit } from './id-fixtures';

const found = (text: string): string[] => bankCards(foldText(text)).map((hit) => hit.raw);

/** A card number with its Luhn digit, from all its other digits. */
function luhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

const UNIONPAY = luhn('622202123456789'); // 16
const UNIONPAY19 = luhn('622848001234567890'); // 19
const VISA = '4111111111111111';
const MASTER = '5500000000000004';
const AMEX = '378282246310005';

describe('luhnValid', () => {
  it('accepts valid numbers and refuses one wrong digit', () => {
    expect(luhnValid(VISA)).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('the bank-card detector', () => {
  it('finds valid numbers of each issuer', () => {
    expect(found(`卡号 ${UNIONPAY}`)).toEqual([UNIONPAY]);
    expect(found(`卡号 ${UNIONPAY19}`)).toEqual([UNIONPAY19]);
    expect(found(`visa ${VISA}`)).toEqual([VISA]);
    expect(found(`mc ${MASTER}`)).toEqual([MASTER]);
    expect(found(`amex ${AMEX}`)).toEqual([AMEX]);
    expect(found(`mc2 ${luhn('222100000000000')}`)).toHaveLength(1);
    expect(found(`jcb ${luhn('353011133330000')}`)).toHaveLength(1);
  });

  it('finds numbers grouped by 4 with spaces or dashes, and full-width digits', () => {
    const spaced = UNIONPAY.replace(/(\d{4})(?=\d)/g, '$1 ');
    const dashed = UNIONPAY19.replace(/(\d{4})(?=\d)/g, '$1-');
    expect(found(`卡号：${spaced}。`)).toEqual([spaced]);
    expect(found(`卡号：${dashed}`)).toEqual([dashed]);
    const wide = [...VISA].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(found(`卡号 ${wide}`)).toEqual([VISA]);
  });

  it('refuses a failed Luhn check, unknown issuers and wrong lengths', () => {
    expect(found('卡号 4111111111111112')).toEqual([]);
    expect(found(`卡号 ${luhn('911111111111111')}`)).toEqual([]);
    expect(found(`卡号 ${luhn('41111111111111111111')}`)).toEqual([]);
    expect(found(`卡号 ${luhn('55000000000000000')}`)).toEqual([]); // Mastercard is 16 digits
  });

  it('refuses numbers inside longer numbers, URLs and after order words', () => {
    expect(found(`9${VISA}`)).toEqual([]);
    expect(found(`${VISA}x1`)).toEqual([]);
    expect(found(`https://school.cn/a/${VISA}.html`)).toEqual([]);
    expect(found(`订单号 ${VISA}`)).toEqual([]);
    expect(found(`4111 1111 1111 1111 1111`)).toEqual([]);
  });

  it('never reports a valid ID number as a card', () => {
    // A Gansu (62…) ID whose digits also pass Luhn with UnionPay's prefix.
    let id = '';
    for (let n = 100; n < 1000; n++) {
      id = withCheckDigit(`62010119900307${n}`);
      if (luhnValid(id)) break;
    }
    expect(luhnValid(id)).toBe(true);
    expect(found(`身份证 ${id}`)).toEqual([]);
  });
});
