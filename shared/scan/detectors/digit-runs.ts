/**
 * Numbers as they are written (issue 13): a run is digit groups joined by one space or one dash
 * ("138 1234 5678", "6222-0212-3456-7890"); an ID's final X ends a group and its run. The number
 * detectors (id-number, phone, bank-card) look for spans of whole groups in a run, over folded
 * text (shared/scan/text/fold.ts), so full-width digits and dashes are already ASCII.
 *
 * A span stands alone when it is not part of a longer number or word:
 * - the text before the run and after it is not a letter or digit, nor a decimal point between
 *   digits (3.1415…; a comma is not: '，' folds to ',' and Chinese text puts it between numbers);
 * - a span of one group may sit next to other groups only across a space ("电话 138… 139…");
 *   a span of several groups may do so only across a space when its own groups are joined by
 *   dashes; groups joined the way the span's own are make one longer number, which it is part of.
 */

export interface DigitGroup {
  readonly start: number;
  readonly end: number;
  /** The group's digits; an ID's last group may end in 'x'. */
  readonly digits: string;
}

export interface DigitRun {
  readonly groups: readonly DigitGroup[];
  /** seps[i] joins groups[i] and groups[i + 1]: ' ' or '-'. */
  readonly seps: readonly string[];
  /** Whether the run is glued to a letter, a digit or a decimal before it, and after it. */
  readonly gluedBefore: boolean;
  readonly gluedAfter: boolean;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLetter = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isWordChar = (code: number): boolean => isDigit(code) || isLetter(code);

function gluedAt(text: string, at: number, away: number): boolean {
  const code = text.charCodeAt(at);
  if (Number.isNaN(code)) return false;
  if (isWordChar(code)) return true;
  return code === 46 && isDigit(text.charCodeAt(at + away));
}

function makeRun(
  text: string,
  bounds: readonly number[],
  seps: string,
  glued: [boolean, boolean],
): DigitRun {
  const groups: DigitGroup[] = [];
  for (let k = 0; k < bounds.length; k += 2) {
    const start = bounds[k] ?? 0;
    const end = bounds[k + 1] ?? 0;
    groups.push({ start, end, digits: text.slice(start, end) });
  }
  return { groups, seps: [...seps], gluedBefore: glued[0], gluedAfter: glued[1] };
}

/**
 * Each run of digit groups in folded text, in order, handed to `visit` (and not kept, so a page
 * of numbers costs no memory); runs with fewer than `minDigits` digits in all are passed over
 * without being built (the number detectors need 11 or more).
 */
export function forEachDigitRun(
  text: string,
  minDigits: number,
  visit: (run: DigitRun) => void,
): void {
  const length = text.length;
  const nextDigit = /[0-9]/g;
  const bounds: number[] = [];
  let i = 0;
  while (i < length) {
    nextDigit.lastIndex = i;
    const found = nextDigit.exec(text);
    if (!found) break;
    i = found.index;
    // A digit right after a letter or digit is no run's start (the previous char ends a word).
    const gluedBefore = i > 0 && gluedAt(text, i - 1, -1);
    bounds.length = 0;
    let seps = '';
    let digits = 0;
    for (;;) {
      const start = i;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      const x = next === 120 && !isWordChar(text.charCodeAt(i + 1));
      if (x) i++;
      bounds.push(start, i);
      digits += i - start;
      if (!x && (next === 32 || next === 45) && isDigit(text.charCodeAt(i + 1))) {
        seps += next === 32 ? ' ' : '-';
        i++;
        continue;
      }
      break;
    }
    const gluedAfter = gluedAt(text, i, 1);
    // Skip the rest of a word the run ran into, so its digits start no run of their own.
    while (i < length && isWordChar(text.charCodeAt(i))) i++;
    if (digits >= minDigits) visit(makeRun(text, bounds, seps, [gluedBefore, gluedAfter]));
  }
}

/** The runs of digit groups in folded text, in order (see forEachDigitRun). */
export function digitRuns(text: string, minDigits = 1): DigitRun[] {
  const runs: DigitRun[] = [];
  forEachDigitRun(text, minDigits, (run) => runs.push(run));
  return runs;
}

/** Whether groups first..last of a run make a number that stands alone (see the file's comment). */
export function spanStandsAlone(run: DigitRun, first: number, last: number): boolean {
  const inner = first < last ? run.seps[first] : undefined;
  for (let k = first; k < last; k++) if (run.seps[k] !== inner) return false;
  const joinOk = (sep: string | undefined): boolean =>
    sep === ' ' && (inner === undefined || inner === '-');
  if (first === 0 ? run.gluedBefore : !joinOk(run.seps[first - 1])) return false;
  const lastIndex = run.groups.length - 1;
  return last === lastIndex ? !run.gluedAfter : joinOk(run.seps[last]);
}

/** The digits of groups first..last, separators dropped. */
export function spanDigits(run: DigitRun, first: number, last: number): string {
  let digits = '';
  for (let k = first; k <= last; k++) digits += run.groups[k]?.digits ?? '';
  return digits;
}

/** The group sizes of a span ("3-4-4" → [3, 4, 4]). */
export function spanShape(run: DigitRun, first: number, last: number): number[] {
  const shape: number[] = [];
  for (let k = first; k <= last; k++) shape.push(run.groups[k]?.digits.length ?? 0);
  return shape;
}

/**
 * Every span of whole groups whose digits number between min and max, in order of its start;
 * `visit` returns true when it took the span, and the search goes on after it.
 */
export function forEachSpan(
  run: DigitRun,
  min: number,
  max: number,
  visit: (first: number, last: number, digits: string) => boolean,
): void {
  const groups = run.groups;
  let first = 0;
  while (first < groups.length) {
    let taken = -1;
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      digits += groups[last]?.digits ?? '';
      if (digits.length > max) break;
      if (digits.length >= min && visit(first, last, digits)) {
        taken = last;
        break;
      }
    }
    first = taken >= 0 ? taken + 1 : first + 1;
  }
}
