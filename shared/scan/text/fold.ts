import { scratchUnits, stringOfUnits } from './code-units';

/**
 * Folding before matching (issue 13): full-width ASCII forms (U+FF01–FF5E) become half-width,
 * the ideographic space (U+3000) and the no-break space (U+00A0) become a space, ASCII capitals
 * (half-width or full-width) become small letters, and the dash family (U+2010–2015, U+2212, U+FF0D) becomes '-'.
 *
 * Every change maps one UTF-16 code unit to one, so the folded text has exactly the length of
 * the original and an offset into one is the same offset into the other: detectors match the
 * folded text and report offsets the page's own text can be sliced with.
 *
 * Chinese text nearly always has something to fold (full-width punctuation: ，；：（）), so
 * foldText is on the content review's hot path: it reads each code unit through a 64K table
 * (FOLD_TABLE) into a reused buffer and makes the string of it in one native call.
 */

/** One UTF-16 code unit folded (the same mapping as foldText), for callers walking code units. */
export function foldCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code === 0x00a0 || code === 0x3000) return 0x20;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xff0d) return 0x2d;
  if (code >= 0xff21 && code <= 0xff3a) return code - 0xfee0 + 0x20; // Ａ–Ｚ → a–z
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code;
}

/** foldCode of every UTF-16 code unit (128 KB), for loops that fold as they go. */
export const FOLD_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) table[code] = foldCode(code);
  return table;
})();

const FOLDABLE_ALL = /[A-Z\u00A0\u2010-\u2015\u2212\u3000\uFF01-\uFF5E]/g;

const foldChar = (char: string): string => String.fromCharCode(foldCode(char.charCodeAt(0)));

/** The text folded for matching, the same length as the text (the text itself if nothing folds). */
export function foldText(text: string): string {
  const length = text.length;
  const table = FOLD_TABLE;
  let k = 0;
  while (k < length && table[text.charCodeAt(k)] === text.charCodeAt(k)) k++;
  if (k === length) return text;
  const units = scratchUnits(length);
  let surrogate = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) surrogate = true;
    units[i] = table[code] as number;
  }
  // A lone surrogate would not survive the UTF-16 decoder (it would become U+FFFD): text with
  // one (never decoded text; perhaps a document's extracted text) is folded by a replace instead.
  if (surrogate && hasLoneSurrogate(text)) return text.replace(FOLDABLE_ALL, foldChar);
  return stringOfUnits(units, length);
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code > 0xdbff) return true;
    const low = text.charCodeAt(i + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return true;
    i++;
  }
  return false;
}
