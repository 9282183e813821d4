import { describe, expect, it } from 'vitest';
import { HOST_PATTERN, parseHostList } from '../../../shared/scan/hosts';

describe('host lists', () => {
  it('reads one host a line, or separated by commas and spaces, lower-cased and once each', () => {
    expect(
      parseHostList(' www.XXZX.edu.cn\nxxzx.edu.cn，www.xxzx.edu.cn  127.0.0.1:8080\n\n'),
    ).toEqual(['www.xxzx.edu.cn', 'xxzx.edu.cn', '127.0.0.1:8080']);
    expect(parseHostList('  \n ')).toEqual([]);
  });

  it('accepts names and ports, and refuses paths, schemes and spaces', () => {
    expect(HOST_PATTERN.test('www.xxzx.edu.cn')).toBe(true);
    expect(HOST_PATTERN.test('127.0.0.1:8080')).toBe(true);
    expect(HOST_PATTERN.test('http://x.cn')).toBe(false);
    expect(HOST_PATTERN.test('x.cn/a')).toBe(false);
    expect(HOST_PATTERN.test('a b')).toBe(false);
  });
});
