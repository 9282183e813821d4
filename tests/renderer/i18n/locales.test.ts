import { describe, expect, it } from 'vitest';
import enUS from '../../../renderer/i18n/locales/en-US.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) =>
      leaves(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [[prefix, value]];
}

describe('the UI texts', () => {
  const zh = new Map(leaves(zhCN));
  const en = new Map(leaves(enUS));

  it('exist in both languages, key for key', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('are never empty, and lists have as many lines in both', () => {
    for (const [key, value] of zh) {
      const other = en.get(key);
      if (Array.isArray(value)) {
        expect(Array.isArray(other), key).toBe(true);
        expect((other as unknown[]).length, key).toBe(value.length);
      } else {
        expect(typeof value, key).toBe('string');
        expect((value as string).trim(), key).not.toBe('');
        expect((other as string).trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh)
      expect(placeholders(en.get(key)), key).toEqual(placeholders(value));
  });

  it('are Chinese in the Chinese file', () => {
    expect(zh.get('nav.inspections')).toBe('检查');
    expect(zh.get('app.title')).toBe('清朗校园网络安全检查');
  });
});
