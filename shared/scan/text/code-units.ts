/**
 * Strings from UTF-16 code units held in a Uint16Array, for the content review's hot paths
 * (folding, a page's head as Latin-1): a 'utf-16le' TextDecoder turns a whole buffer into a
 * string natively, several times faster than String.fromCharCode over chunks or a replace.
 *
 * The decoder replaces a lone surrogate by U+FFFD (one code unit for one, so the length is kept
 * but the text is not): callers hand it code units with no lone surrogate, or check first.
 */

/** The WHATWG TextDecoder of every runtime this code runs in (see shared/scan/charset.ts). */
declare const TextDecoder: new (label: string) => { decode(input: Uint16Array): string };

let decoder: { decode(input: Uint16Array): string } | null = null;
let units = new Uint16Array(4096);

/** A scratch buffer of at least `length` code units, reused between calls (not re-entrant). */
export function scratchUnits(length: number): Uint16Array {
  if (units.length < length) units = new Uint16Array(Math.max(length, units.length * 2));
  return units;
}

/** The string of the first `length` code units of `buffer` (none a lone surrogate). */
export function stringOfUnits(buffer: Uint16Array, length: number): string {
  decoder ??= new TextDecoder('utf-16le');
  return decoder.decode(buffer.subarray(0, length));
}
