import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText, inspectionJson } from '../../../shared/inspection/canonical';
import { inspectionSchema } from '../../../shared/inspection/schema';
import { filledInspection, newInspection } from './fixtures';

describe('canonicalText', () => {
  it('sorts keys at every depth, with no whitespace', () => {
    expect(canonicalText({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code unit, not by locale', () => {
    expect(canonicalText({ b: 1, B: 2, 中: 3, a: 4, _: 5, '10': 6, '9': 7 })).toBe(
      '{"9":7,"10":6,"B":2,"_":5,"a":4,"b":1,"中":3}',
    );
  });

  it('keeps the order of arrays', () => {
    expect(canonicalText([3, 1, 2, ['b', 'a']])).toBe('[3,1,2,["b","a"]]');
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalText('文字')).toBe('"文字"');
    expect(canonicalText(1.5)).toBe('1.5');
    expect(canonicalText(null)).toBe('null');
    expect(canonicalText(true)).toBe('true');
  });

  it('keeps own keys named like Object.prototype members as plain data', () => {
    const parsed: unknown = JSON.parse(
      '{"z":0,"__proto__":{"polluted":true},"constructor":"c","toString":"t"}',
    );
    expect(canonicalText(parsed)).toBe(
      '{"__proto__":{"polluted":true},"constructor":"c","toString":"t","z":0}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is the same whatever order the keys were written in', () => {
    const inspection = filledInspection();
    const reversed = JSON.parse(
      JSON.stringify(inspection, (_key, value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as unknown;
    expect(Object.keys(reversed as object)[0]).toBe('audit');
    expect(canonicalText(reversed)).toBe(canonicalText(inspection));
  });

  it('is stable under any reordering of keys, and reads back as the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalText(value);
        const shuffled = JSON.parse(
          JSON.stringify(value, (_key, v: unknown) =>
            typeof v === 'object' && v !== null && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).reverse())
              : v,
          ),
        ) as unknown;
        expect(canonicalText(shuffled)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalText(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('writes what JSON.stringify writes of a copy with sorted keys, for any value (property)', () => {
    // The definition the direct writer must match byte for byte: signatures made before it hash this.
    const sortKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortKeys);
      if (typeof value !== 'object' || value === null) return value;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort())
        Object.defineProperty(sorted, key, {
          value: sortKeys((value as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return sorted;
    };
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '0',
        '1',
        '9',
        '10',
        '01',
        '4294967294',
        '4294967295',
        '-1',
        '1.5',
        '__proto__',
      ),
      fc.nat().map(String),
    );
    const leaf = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(undefined, Number.NaN, -0, Infinity, 1e21, 5e-7),
      fc.double(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 5 }),
      object: fc.array(fc.tuple(key, tie('node')), { maxLength: 6 }).map((entries) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of entries)
          Object.defineProperty(o, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return o;
      }),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalText(v)).toBe(JSON.stringify(sortKeys(v)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('inspectionJson', () => {
  it('writes two-space indented JSON ending with one newline', () => {
    const text = inspectionJson(newInspection());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toBe('  "format": "qinglang-inspection/2",');
  });

  it("round-trips through the schema, keys in the schema's order", () => {
    for (const inspection of [newInspection(), filledInspection()]) {
      const text = inspectionJson(inspection);
      const parsed = inspectionSchema.parse(JSON.parse(text));
      expect(parsed).toEqual(inspection);
      expect(inspectionJson(parsed)).toBe(text);
    }
  });

  it('comes out the same for a file whose keys were in another order, once parsed', () => {
    const inspection = filledInspection();
    const reordered = Object.fromEntries(Object.entries(inspection).reverse());
    expect(inspectionJson(inspectionSchema.parse(reordered))).toBe(inspectionJson(inspection));
  });
});
