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

/** The runs of digit groups in folded text, in order. */
export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A digit right after a letter or digit is no run's start (the previous char ends a word).
    const gluedBefore = i > 0 && gluedAt(text, i - 1, -1);
    const groups: DigitGroup[] = [];
    const seps: string[] = [];
    let gluedAfter = false;
    for (;;) {
      const start = i;
      while (i < length && isDigit(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      if (next === 120 && !isWordChar(text.charCodeAt(i + 1))) {
        groups.push({ start, end: i + 1, digits: text.slice(start, i + 1) });
        i++;
        gluedAfter = gluedAt(text, i, 1);
        break;
      }
      groups.push({ start, end: i, digits: text.slice(start, i) });
      if ((next === 32 || next === 45) && isDigit(text.charCodeAt(i + 1))) {
        seps.push(next === 32 ? ' ' : '-');
        i++;
        continue;
      }
      gluedAfter = gluedAt(text, i, 1);
      break;
    }
    // Skip the rest of a word the run ran into, so its digits start no run of their own.
    while (i < length && isWordChar(text.charCodeAt(i))) i++;
    runs.push({ groups, seps, gluedBefore, gluedAfter });
  }
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
  let first = 0;
  while (first < run.groups.length) {
    let taken = -1;
    let count = 0;
    for (let last = first; last < run.groups.length; last++) {
      count += run.groups[last]?.digits.length ?? 0;
      if (count > max) break;
      if (count >= min && visit(first, last, spanDigits(run, first, last))) {
        taken = last;
        break;
      }
    }
    first = taken >= 0 ? taken + 1 : first + 1;
  }
}
