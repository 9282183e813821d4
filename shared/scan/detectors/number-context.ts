/**
 * The context that says a number is not a person's (issue 13): shared by the phone and bank-card
 * detectors, over folded text.
 */

/** Characters that end the token a number sits in (besides spaces and anything non-ASCII). */
const TOKEN_END = new Set([...',;()[]<>"\'`|']);
/** A token holding one of these is a URL, a path, a query string or an e-mail address. */
const ADDRESS_MARKS = /[/\\@=?&%_#]|\.[a-z]/;

/**
 * Whether [start, end) sits in a URL, a file path, a query string or an e-mail address: the
 * run of printable ASCII around it (up to spaces, non-ASCII text and brackets/quotes/commas)
 * holds '/', '\', '@', '=', '?', '&', '%', '_', '#' or a dot before a letter.
 */
export function inAddress(text: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && start - left < 2048) {
    const code = text.charCodeAt(left - 1);
    if (code <= 32 || code > 126 || TOKEN_END.has(text[left - 1] ?? '')) break;
    left--;
  }
  let right = end;
  while (right < text.length && right - end < 2048) {
    const code = text.charCodeAt(right);
    if (code <= 32 || code > 126 || TOKEN_END.has(text[right] ?? '')) break;
    right++;
  }
  return ADDRESS_MARKS.test(text.slice(left, start)) || ADDRESS_MARKS.test(text.slice(end, right));
}

/**
 * Whether the words right before `start` on its line (spaces, ':', '#', '=' and '.' skipped)
 * end with one of `words`; an ASCII word counts only when no letter precedes it ("id" yes,
 * "paid" no).
 */
export function afterWord(text: string, start: number, words: readonly string[]): boolean {
  let end = start;
  while (end > 0 && start - end < 16 && ' :#=\t'.includes(text[end - 1] ?? '\n')) end--;
  const before = text.slice(Math.max(0, end - 8), end);
  return words.some((word) => {
    if (!before.endsWith(word)) return false;
    const code = before.charCodeAt(before.length - word.length - 1);
    return !/^[a-z]/.test(word) || !(code >= 97 && code <= 122);
  });
}
