import { describe, expect, it } from 'vitest';
import { redact } from '../../../electron/services/redact';

const HOME = '/home/zhangsan';

describe('redact', () => {
  it.each([
    ['a Windows user folder', 'at C:\\Users\\Zhang\\AppData\\x.js:1:2', 'at ~\\AppData\\x.js:1:2'],
    [
      'the same inside JSON',
      '{"stack":"at C:\\\\Users\\\\Zhang\\\\AppData"}',
      '{"stack":"at ~\\\\AppData"}',
    ],
    ['a file URL', 'at file:///C:/Users/%E5%BC%A0/app/index.js:3:4', 'at ~/app/index.js:3:4'],
    ['a Linux home', 'ENOENT: open /home/lisi/data.json', 'ENOENT: open ~/data.json'],
    ['a macOS home', 'at /Users/wang/Library/x', 'at ~/Library/x'],
    ['the current home, wherever it is', `open ${HOME}/x`, 'open ~/x'],
    ['a phone number', 'call 13800138000 now', 'call [number] now'],
    ['an ID-card number', 'id 11010519491231002X', 'id [number]'],
    ['an e-mail address', 'mail it@school.edu.cn', 'mail [email]'],
    [
      'a Chinese name',
      "Cannot read properties of 张三's record",
      "Cannot read properties of [text]'s record",
    ],
  ])('removes %s', (_label, input, expected) => {
    expect(redact(input, HOME)).toBe(expected);
  });

  it('keeps what support needs: event names, codes, line numbers, versions', () => {
    const line =
      'ipc.refused {"channel":"settings:set","code":"storage-failed"} at main.js:120:17 v0.1.0';
    expect(redact(line, HOME)).toBe(line);
  });

  it('gets through long lines that almost match (a quadratic pattern would hang here)', () => {
    const line = `${'x'.repeat(200_000)} ${'1'.repeat(5)}a ${'/home/'.repeat(20_000)}`;
    expect(redact(line, HOME)).toHaveLength(line.length);
  });
});
