/**
 * Where an offset is, as a 1-based line and column (issue 13): built once per text in O(n), each
 * look-up a binary search over the line starts. A line ends at '\n', at '\r\n' or at a lone '\r';
 * columns count UTF-16 code units from 1.
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface LineIndex {
  /** The line and column of an offset (clamped into the text). */
  position(offset: number): TextPosition;
  /** The offsets [start, end) of the line holding an offset, without its line break. */
  lineBounds(offset: number): { readonly start: number; readonly end: number };
  readonly lines: number;
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const lineAt = (offset: number): number => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    lines: starts.length,
    position(offset) {
      const line = lineAt(offset);
      const at = Math.max(0, Math.min(offset, text.length));
      return { line: line + 1, column: at - (starts[line] ?? 0) + 1 };
    },
    lineBounds(offset) {
      const line = lineAt(offset);
      const start = starts[line] ?? 0;
      let end = line + 1 < starts.length ? (starts[line + 1] ?? text.length) : text.length;
      if (end > start && text.charCodeAt(end - 1) === 10) end--;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      return { start, end };
    },
  };
}
