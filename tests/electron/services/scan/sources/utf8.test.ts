import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strictUtf8 } from '../../../../../electron/services/scan/sources/utf8';

const fatal = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
};

describe('strictUtf8', () => {
  it('gives what a fatal TextDecoder gives on valid text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(strictUtf8(bytes)).toBe(text);
      }),
    );
  });

  it('is null exactly where a fatal TextDecoder fails, on any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(strictUtf8(bytes)).toBe(fatal(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a view into a larger buffer, and keeps a BOM as text', () => {
    const whole = new TextEncoder().encode('xx校园网，ＡＢ😀yy');
    expect(strictUtf8(whole.subarray(2, whole.length - 2))).toBe('校园网，ＡＢ😀');
    expect(strictUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
    expect(strictUtf8(new Uint8Array(0))).toBe('');
    expect(strictUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(null); // an encoded surrogate
  });
});
