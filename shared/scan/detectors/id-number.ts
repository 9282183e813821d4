import type { TextDetector, TextHit } from '../page';
import { forEachDigitRun, forEachSpan, spanStandsAlone, type DigitRun } from './digit-runs';

/**
 * Resident ID numbers (居民身份证号码), over folded text.
 *
 * Finds: 18-digit numbers (GB 11643-1999) whose check digit is right (weights 7 9 10 5 8 4 2 1 6 3
 * 7 9 10 5 8 4 2, sum mod 11 → "10X98765432"; X or x), whose first two digits are a province code
 * as issued (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82) and whose digits 7–14 are a
 * real date from 1900-01-01 to the end of `maxYear`; and 15-digit old numbers with a province code
 * and a real YYMMDD birth date in 19YY. The digits may be split by spaces or dashes in any grouping
 * (6-8-4, 3-3-8-4, 4-4-4-4-2…), the same separator throughout.
 *
 * Cannot find: numbers split by anything else (dots, line breaks, table cells), IDs written in
 * Chinese numerals or as pictures, foreign or Hong Kong/Macao/Taiwan documents, and an ID with a
 * wrong check digit (a typo, or a deliberately altered one). A 15-digit number that happens to
 * start with a province code and a date is reported (about 1 in 200 random 15-digit numbers would
 * pass); an ID inside a longer run of digits or letters never is (see digit-runs.ts).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10x98765432';
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

export interface IdNumberOptions {
  /** The latest birth year a real ID can carry: the year of the scan's clock. */
  readonly maxYear: number;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const num = (digits: string, from: number, to: number): number =>
  Number.parseInt(digits.slice(from, to), 10);

/** Whether 18 characters (digits, the last may be x/X) are a valid resident ID number. */
export function isIdNumber18(value: string, maxYear: number): boolean {
  const digits = value.toLowerCase();
  if (!/^\d{17}[\dx]$/.test(digits)) return false;
  if (!PROVINCES.has(num(digits, 0, 2))) return false;
  const year = num(digits, 6, 10);
  if (year < 1900 || year > maxYear) return false;
  if (!isRealDate(year, num(digits, 10, 12), num(digits, 12, 14))) return false;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += (digits.charCodeAt(k) - 48) * (WEIGHTS[k] ?? 0);
  return CHECK[sum % 11] === digits[17];
}

/** Whether 15 digits are a valid old (first-generation) resident ID number. */
export function isIdNumber15(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  if (!PROVINCES.has(num(value, 0, 2))) return false;
  return isRealDate(1900 + num(value, 6, 8), num(value, 8, 10), num(value, 10, 12));
}

/** Adds the ID numbers in one run of digit groups to `hits`. */
export function idNumbersInRun(
  text: string,
  run: DigitRun,
  maxYear: number,
  hits: TextHit[],
): void {
  forEachSpan(run, 15, 18, (first, last, digits) => {
    const valid =
      digits.length === 18
        ? isIdNumber18(digits, maxYear)
        : digits.length === 15 && isIdNumber15(digits);
    if (!valid || !spanStandsAlone(run, first, last)) return false;
    const start = run.groups[first]?.start ?? 0;
    const end = run.groups[last]?.end ?? 0;
    hits.push({ detector: 'id-number', start, end, raw: text.slice(start, end) });
    return true;
  });
}

/** The ID-number detector for a scan whose clock reads `maxYear`. */
export function createIdNumberDetector(options: IdNumberOptions): TextDetector {
  return (text) => {
    const hits: TextHit[] = [];
    forEachDigitRun(text, 15, (run) => idNumbersInRun(text, run, options.maxYear, hits));
    return hits;
  };
}
