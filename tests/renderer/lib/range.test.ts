import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/i18n';
import { rangeText } from '../../../renderer/lib/range';

describe('a number’s range in words', () => {
  beforeEach(async () => {
    await initI18n('zh-CN');
  });

  it('names only the bounds there are, never a dash for a missing one', () => {
    const t = i18next.t;
    expect(rangeText(t, 0, 100)).toBe('0 – 100');
    expect(rangeText(t, 0, undefined)).toBe('不小于 0');
    expect(rangeText(t, undefined, 10)).toBe('不大于 10');
    expect(rangeText(t, undefined, undefined)).toBeNull();
  });

  it('in English too', async () => {
    await i18next.changeLanguage('en-US');
    expect(rangeText(i18next.t, 0, undefined)).toBe('at least 0');
    expect(rangeText(i18next.t, undefined, 10)).toBe('at most 10');
  });
});
