import type { TextDetector, TextHit } from '../page';
import {
  forEachDigitRun,
  forEachSpan,
  spanShape,
  spanStandsAlone,
  type DigitRun,
} from './digit-runs';
import { isIdNumber18 } from './id-number';
import { afterWord, inAddress } from './number-context';

/**
 * Bank card numbers (银行卡号), over folded text.
 *
 * Finds 16–19 digits (15 for American Express) that pass the Luhn check and start with an issuer
 * prefix: UnionPay 62, Visa 4, Mastercard 51–55 and 2221–2720, American Express 34 and 37, JCB 35;
 * written whole or grouped by 4 (the last group 1–4 digits; Amex 4-6-5) with spaces or dashes.
 * The number stands alone (digit-runs.ts), is not in a URL, path, query string or e-mail address,
 * and does not follow 订单, 单号, 编号, 流水, 运单, 快递, 条码, 发票, no., order (number-context.ts).
 * 18 digits that are a valid resident ID number are never a card (the ID detector reports them).
 *
 * Cannot find: cards from other issuers (Diners 36, Discover 6011…), numbers grouped other ways,
 * numbers with a wrong digit. One in ten random numbers with an issuer's prefix passes Luhn, so a
 * long reference number that stands alone can still be reported: mark it 误报.
 */

const NOT_CARD_WORDS = [
  '订单',
  '单号',
  '编号',
  '流水',
  '运单',
  '快递',
  '条码',
  '发票',
  'no.',
  'order',
] as const;

/** Whether digits pass the Luhn check. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let k = digits.length - 1; k >= 0; k--) {
    let digit = digits.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function issuerFits(digits: string): boolean {
  const length = digits.length;
  const two = Number.parseInt(digits.slice(0, 2), 10);
  const four = Number.parseInt(digits.slice(0, 4), 10);
  if (two === 34 || two === 37) return length === 15;
  if (length < 16 || length > 19) return false;
  if (two === 62 || two === 35 || digits[0] === '4') return true;
  return length === 16 && ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720));
}

function shapeFits(shape: readonly number[]): boolean {
  if (shape.length === 1) return true;
  if (shape.join('-') === '4-6-5') return true;
  const last = shape.length - 1;
  return shape.every((size, k) => (k < last ? size === 4 : size >= 1 && size <= 4)) && last >= 3;
}

/** Adds the bank card numbers in one run of digit groups to `hits`. */
export function cardsInRun(text: string, run: DigitRun, hits: TextHit[]): void {
  forEachSpan(run, 15, 19, (first, last, digits) => {
    if (!issuerFits(digits) || !luhnValid(digits) || isIdNumber18(digits, 9999)) return false;
    if (!shapeFits(spanShape(run, first, last)) || !spanStandsAlone(run, first, last)) return false;
    const start = run.groups[first]?.start ?? 0;
    const end = run.groups[last]?.end ?? 0;
    if (inAddress(text, start, end) || afterWord(text, start, NOT_CARD_WORDS)) return false;
    hits.push({ detector: 'bank-card', start, end, raw: text.slice(start, end) });
    return true;
  });
}

/** Bank card numbers standing alone (see the file's comment). */
export const bankCards: TextDetector = (text) => {
  const hits: TextHit[] = [];
  forEachDigitRun(text, 15, (run) => cardsInRun(text, run, hits));
  return hits;
};
