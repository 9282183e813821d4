import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLineIndex } from '../../../../shared/scan/text/lines';

function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  const lines = before.split('\n');
  const line = lines.length;
  // Columns count code units in the original: measure from the last line start.
  const head = text.slice(0, offset);
  const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return { line, column: offset - (lastBreak + 1) + 1 };
}

describe('createLineIndex', () => {
  it('gives 1-based lines and columns', () => {
    const index = createLineIndex('ab\ncd\r\nef\rgh');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 2 });
    expect(index.position(7)).toEqual({ line: 3, column: 1 });
    expect(index.position(11)).toEqual({ line: 4, column: 2 });
    expect(index.lines).toBe(4);
    expect(index.lineBounds(4)).toEqual({ start: 3, end: 5 });
  });

  it('clamps offsets outside the text', () => {
    const index = createLineIndex('a\nb');
    expect(index.position(-5)).toEqual({ line: 1, column: 1 });
    expect(index.position(99)).toEqual({ line: 2, column: 2 });
  });

  it('agrees with a naive count on random texts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\r\n]{0,60}$/), fc.nat(60), (text, at) => {
        const offset = Math.min(at, text.length);
        // An offset between \r and \n belongs to the line the \r ends; skip that one spot.
        if (text[offset - 1] === '\r' && text[offset] === '\n') return;
        expect(createLineIndex(text).position(offset)).toEqual(naive(text, offset));
      }),
    );
  });
});
