import { describe, expect, it } from 'vitest';
import { parseJsonBytes, withoutByteOrderMark } from '../../../electron/services/json-text';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('JSON files as people save them', () => {
  it('reads a file saved with a byte-order mark (Notepad, WPS) like one without', () => {
    expect(parseJsonBytes(bytes([0xef, 0xbb, 0xbf], '{"学校":"清朗"}'))).toEqual({
      value: { 学校: '清朗' },
    });
    expect(parseJsonBytes(bytes('{"a":1}'))).toEqual({ value: { a: 1 } });
    expect(withoutByteOrderMark('\uFEFF[1]')).toBe('[1]');
    expect(withoutByteOrderMark('[1]\uFEFF')).toBe('[1]\uFEFF');
  });

  it('refuses bytes that are not UTF-8 rather than change them, and anything not JSON', () => {
    // "清朗" in GBK, as an old Chinese Windows editor would save it.
    expect(parseJsonBytes(bytes('{"a":"', [0xc7, 0xe5, 0xc0, 0xca], '"}'))).toBeNull();
    expect(parseJsonBytes(bytes('{"a":'))).toBeNull();
    expect(parseJsonBytes(bytes([0xef, 0xbb, 0xbf]))).toBeNull();
    expect(parseJsonBytes(new Uint8Array())).toBeNull();
  });
});
