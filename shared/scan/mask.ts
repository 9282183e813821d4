import type { DetectorName } from './detectors';
import { PERSONAL_DETECTORS } from './detectors';
import { SCAN_LIMITS } from './finding';
import type { TextHit } from './page';
import { foldText } from './text/fold';

/**
 * Masking personal data (issue 13): what a finding's `match` and `context` show of an ID number,
 * a mobile number or a bank card, wherever they are shown, saved or exported.
 * - ID number: the first 3 and last 4 characters, a '*' for each hidden digit (110***********1234);
 * - mobile: the number's first 3 and last 4 digits, country code dropped (138****5678);
 * - bank card: the first 4 and last 4 digits, a '*' for each hidden digit in groups of 4
 *   (6222 **** **** 1234; 19 digits: 6222 **** **** *** 1234);
 * - any other detector's match unchanged.
 * Separators (spaces, dashes) are dropped from masked matches.
 */

/** The longest a context may be (the finding schema's limit). */
const CONTEXT_MAX = 400;

function digitsOf(raw: string): string {
  return foldText(raw).replace(/[^0-9x]/g, '');
}

function keepEnds(digits: string, head: number, tail: number): string {
  if (digits.length <= head + tail) return '*'.repeat(digits.length);
  return digits.slice(0, head) + '*'.repeat(digits.length - head - tail) + digits.slice(-tail);
}

/** A match as it may be shown: masked when its detector is about personal data. */
export function maskMatch(detector: DetectorName, raw: string): string {
  switch (detector) {
    case 'id-number':
      return keepEnds(digitsOf(raw).toUpperCase(), 3, 4);
    case 'phone':
      return keepEnds(digitsOf(raw).slice(-11), 3, 4);
    case 'bank-card': {
      const digits = digitsOf(raw);
      if (digits.length <= 8) return '*'.repeat(digits.length);
      const stars = '*'.repeat(digits.length - 8).match(/\*{1,4}/g) ?? [];
      return [digits.slice(0, 4), ...stars, digits.slice(-4)].join(' ');
    }
    default:
      return raw;
  }
}

/** Digits (ASCII or full-width) with at most one space or dash between two: a number as written. */
const NUMBER = /[0-9\uFF10-\uFF19](?:[ \t\u00A0\u3000\-\u2010-\u2015\uFF0D]?[0-9\uFF10-\uFF19])*/g;
const DIGIT = /[0-9\uFF10-\uFF19]/g;

/**
 * Every number of 11 or more digits in `text` (one space or dash allowed between two digits)
 * with all but its first 3 and last 4 digits starred, its separators kept: the same length, so
 * offsets still hold. The backstop for what no detector took or masked: a number in a link's
 * URL (a dead or external link's match and target), a phone split by dashes in a footer or a
 * table's caption, a number in the markup around a link.
 */
export function maskLongNumbers(text: string): string {
  return text.replace(NUMBER, (run) => {
    const digits = run.match(DIGIT)?.length ?? 0;
    if (digits < 11) return run;
    let seen = 0;
    return run.replace(DIGIT, (digit) => {
      seen += 1;
      return seen <= 3 || seen > digits - 4 ? digit : '*';
    });
  });
}

/**
 * Marks that change how text is displayed without being seen: the bidirectional embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069), the zero-width space, joiners and
 * direction marks (U+200B–200F) and the byte-order mark (U+FEFF).
 */
const HIDDEN_MARKS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * `text` without the marks that would make it display otherwise than it reads (a page's
 * `\u202e反转` shows as 转反; a zero-width space splits a number so no mask sees it whole).
 */
export function withoutHiddenMarks(text: string): string {
  HIDDEN_MARKS.lastIndex = 0;
  return HIDDEN_MARKS.test(text) ? text.replace(HIDDEN_MARKS, '') : text;
}

/** Every digit (ASCII or full-width) hidden: the visible part of a hit cut by the window's edge. */
function starDigits(text: string): string {
  return text.replace(/[0-9\uFF10-\uFF19]/g, '*');
}

function windowBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < SCAN_LIMITS.contextChars) {
    const code = text.charCodeAt(from - 1);
    if (code === 10 || code === 13) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < SCAN_LIMITS.contextChars) {
    const code = text.charCodeAt(to);
    if (code === 10 || code === 13) break;
    to++;
  }
  return [from, to];
}

/**
 * The text around [start, end): up to SCAN_LIMITS.contextChars characters either side on the
 * same line, with every personal hit in it masked (the match itself when it is one of `hits`;
 * a hit cut by the window's edge has all its visible digits starred), whitespace runs collapsed
 * to one space, and — belt and braces — any run of 11 or more digits left masked too. `text` may
 * be the folded text or the original (they have the same offsets).
 */
export function maskContext(
  text: string,
  start: number,
  end: number,
  hits: readonly TextHit[],
): string {
  const [from, to] = windowBounds(text, start, end);
  // The window's text with long numbers masked as a whole before it is cut: a number the
  // window's edge cuts shows no more of its digits than a whole one would.
  const reach = Math.min(from, 24);
  const around = maskLongNumbers(text.slice(from - reach, Math.min(text.length, to + 24)));
  const plain = (a: number, b: number) => around.slice(a - from + reach, b - from + reach);
  const inside = hits
    .filter((hit) => PERSONAL_DETECTORS.has(hit.detector) && hit.end > from && hit.start < to)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = from;
  for (const hit of inside) {
    if (hit.end <= at) continue; // inside one already masked
    const whole = hit.start >= at && hit.end <= to;
    out += plain(at, Math.max(at, hit.start));
    out += whole
      ? maskMatch(hit.detector, text.slice(hit.start, hit.end))
      : starDigits(text.slice(Math.max(hit.start, at), Math.min(hit.end, to)));
    at = Math.min(hit.end, to);
  }
  out += plain(at, to);
  const collapsed = out.replace(/\s+/g, ' ').trim();
  return maskLongNumbers(collapsed).slice(0, CONTEXT_MAX);
}
