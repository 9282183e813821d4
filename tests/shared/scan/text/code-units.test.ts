import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scratchUnits, stringOfUnits } from '../../../../shared/scan/text/code-units';

describe('stringOfUnits', () => {
  it('is the string of the code units, surrogate pairs included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const units = scratchUnits(text.length);
        for (let k = 0; k < text.length; k++) units[k] = text.charCodeAt(k);
        expect(stringOfUnits(units, text.length)).toBe(text);
      }),
    );
  });

  it('grows its scratch buffer and reads only the length asked', () => {
    const units = scratchUnits(100_000);
    expect(units.length).toBeGreaterThanOrEqual(100_000);
    units.fill(0x6821, 0, 100_000); // 校
    expect(stringOfUnits(units, 3)).toBe('校校校');
    expect(stringOfUnits(units, 100_000).length).toBe(100_000);
  });
});
