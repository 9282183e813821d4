import { describe, expect, it } from 'vitest';
import {
  jsonSyntaxProblem,
  parseJsonBytes,
  readJsonBytes,
  withoutByteOrderMark,
} from '../../../electron/services/json-text';

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

  it('says why bytes are not JSON: another encoding, or where the JSON goes wrong', () => {
    expect(readJsonBytes(bytes('[1]'))).toEqual({ ok: true, value: [1] });
    expect(readJsonBytes(bytes('{"a":"', [0xc7, 0xe5], '"}'))).toEqual({
      ok: false,
      problem: {
        'zh-CN': '不是 UTF-8 编码的文本（可能是二进制文件，或用 GBK 等其他编码保存）',
        'en-US': 'not UTF-8 text (a binary file, or saved in another encoding such as GBK)',
      },
    });
    expect(readJsonBytes(bytes('{\n  "a": 1,\n  "b": }'))).toEqual({
      ok: false,
      problem: {
        'zh-CN': '不是有效的 JSON（第 3 行第 8 列）',
        'en-US': 'not valid JSON (line 3, column 8)',
      },
    });
  });

  it.each([
    // V8 names a position for these …
    ['{"a": 1,\n  x}', 'line 2, column 3'],
    ['[1, 2] 3', 'line 1, column 8'],
    // … and only a snippet for an unexpected token, here and deep in a long file.
    ['hello', 'line 1, column 1'],
    ['{"a}": }', 'line 1, column 8'],
    [`[${'1,'.repeat(50_000)}\n}`, 'line 2, column 1'],
    // Cut short, wherever V8 notices it.
    ['{"a": 1', 'the file ends too early'],
    ['{"a": [1, 2', 'the file ends too early'],
    ['{"a": "text', 'the file ends too early'],
  ])('finds where %j goes wrong: %s', (text, where) => {
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught;
    }
    expect(jsonSyntaxProblem(text, error)['en-US']).toBe(`not valid JSON (${where})`);
  });
});
