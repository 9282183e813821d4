import type { TextDetector, TextHit } from '../page';
import {
  forEachDigitRun,
  forEachSpan,
  spanShape,
  spanStandsAlone,
  type DigitRun,
} from './digit-runs';
import { afterWord, inAddress } from './number-context';

/**
 * Mainland mobile numbers (手机号码), over folded text.
 *
 * Finds 11 digits starting with a segment in use (130–139, 145–149, 150–153, 155–159, 162,
 * 165–167, 170–178, 180–189, 190–193, 195–199), written whole or split 3-4-4 by spaces or by
 * dashes, optionally after +86, 86 or 0086 (joined by a space or dash, or not at all).
 *
 * The context that makes a false positive unlikely — a hit must be a standalone token:
 * - not part of a longer number or word: no letter or digit glued to it, no further group joined
 *   the way its own groups are (see digit-runs.ts), so "138123456789" and "1381234567812" are not
 *   phones and neither is any 11 digits inside an 18-digit ID number;
 * - not inside a URL, file path, query string or e-mail address (inAddress: the printable ASCII
 *   token around it holds / \ @ = ? & % _ # or a dot before a letter): "?tel=13812345678",
 *   "13812345678@qq.com", "/img/13812345678.jpg" are not reported;
 * - not right after a word that says the number is something else: 编号, 单号, 订单, 学号, 工号,
 *   证号, 账号, 帐号, 卡号, 流水, 序号, 批号, 票号, 考号, 准考证, 条码, 运单, 快递, 发票, 邮编,
 *   no., no, id, uid, qq, order (spaces and ':' between are skipped);
 * - never an ID number's digits: an ID is one group, or groups joined alike, which no 11 digits
 *   inside it stand apart from.
 *
 * Cannot find: landlines, numbers split any other way (3-3-5, dots, line breaks), numbers in
 * pictures or written with Chinese numerals, and a real phone number right after one of the
 * words above ("学号 13812345678" is taken for a student number).
 */

const SEGMENTS = new Set([
  130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 146, 147, 148, 149, 150, 151, 152, 153,
  155, 156, 157, 158, 159, 162, 165, 166, 167, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180,
  181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 195, 196, 197, 198, 199,
]);

const NOT_PHONE_WORDS = [
  '编号',
  '单号',
  '订单',
  '学号',
  '工号',
  '证号',
  '账号',
  '帐号',
  '卡号',
  '流水',
  '序号',
  '批号',
  '票号',
  '考号',
  '准考证',
  '条码',
  '运单',
  '快递',
  '发票',
  '邮编',
  'no.',
  'no',
  'id',
  'uid',
  'qq',
  'order',
] as const;

const COUNTRY = new Set(['86', '0086']);

/** Whether the span stands alone, or would but for a country code (86, 0086) before it. */
function standsAlone(run: DigitRun, first: number, last: number): boolean {
  if (spanStandsAlone(run, first, last)) return true;
  if (first !== 1 || !COUNTRY.has(run.groups[0]?.digits ?? '')) return false;
  const rest = { ...run, seps: run.seps.slice(1), groups: run.groups.slice(1), gluedBefore: false };
  return spanStandsAlone(rest, 0, last - 1);
}

/** The mobile number a span writes, if any: 11 digits whole or 3-4-4, or 86/0086 glued to 11. */
function mobileOf(run: DigitRun, first: number, last: number, digits: string): string | null {
  if (
    !SEGMENTS.has(Number.parseInt(digits.slice(0, 3), 10)) &&
    !digits.startsWith('86') &&
    !digits.startsWith('0086')
  )
    return null;
  const shape = spanShape(run, first, last).join('-');
  let number: string | null = null;
  if (shape === '11' || shape === '3-4-4') number = digits;
  else if (shape === '13' && digits.startsWith('86')) number = digits.slice(2);
  else if (shape === '15' && digits.startsWith('0086')) number = digits.slice(4);
  return number !== null && SEGMENTS.has(Number.parseInt(number.slice(0, 3), 10)) ? number : null;
}

/** Adds the mobile numbers in one run of digit groups to `hits`. */
export function phonesInRun(text: string, run: DigitRun, hits: TextHit[]): void {
  forEachSpan(run, 11, 15, (first, last, digits) => {
    const number = mobileOf(run, first, last, digits);
    const group = run.groups[last];
    if (number === null || !group || !standsAlone(run, first, last)) return false;
    const start =
      number.length === digits.length ? (run.groups[first]?.start ?? 0) : group.end - 11;
    if (inAddress(text, start, group.end) || afterWord(text, start, NOT_PHONE_WORDS)) return false;
    hits.push({ detector: 'phone', start, end: group.end, raw: text.slice(start, group.end) });
    return true;
  });
}

/** Mainland mobile numbers standing alone (see the file's comment). */
export const phoneNumbers: TextDetector = (text) => {
  const hits: TextHit[] = [];
  forEachDigitRun(text, 11, (run) => phonesInRun(text, run, hits));
  return hits;
};
