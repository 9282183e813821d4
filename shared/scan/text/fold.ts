/**
 * Folding before matching (issue 13): full-width ASCII forms (U+FF01–FF5E) become half-width,
 * the ideographic space (U+3000) and the no-break space (U+00A0) become a space, ASCII capitals
 * (half-width or full-width) become small letters, and the dash family (U+2010–2015, U+2212, U+FF0D) becomes '-'.
 *
 * Every change maps one UTF-16 code unit to one, so the folded text has exactly the length of
 * the original and an offset into one is the same offset into the other: detectors match the
 * folded text and report offsets the page's own text can be sliced with.
 */

const FOLDABLE = /[A-Z\u00A0\u2010-\u2015\u2212\u3000\uFF01-\uFF5E]/;
const FOLDABLE_ALL = /[A-Z\u00A0\u2010-\u2015\u2212\u3000\uFF01-\uFF5E]/g;

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code <= 0x5a) return String.fromCharCode(code + 0x20); // A–Z
  if (code === 0x00a0 || code === 0x3000) return ' ';
  if (code >= 0xff01) return String.fromCharCode(foldCode(code));
  return '-'; // U+2010–2015, U+2212
}

/** The text folded for matching, the same length as the text. */
export function foldText(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  return text.replace(FOLDABLE_ALL, foldChar);
}

/** One UTF-16 code unit folded (the same mapping as foldText), for callers walking code units. */
export function foldCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code === 0x00a0 || code === 0x3000) return 0x20;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xff0d) return 0x2d;
  if (code >= 0xff21 && code <= 0xff3a) return code - 0xfee0 + 0x20; // Ａ–Ｚ → a–z
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code;
}
