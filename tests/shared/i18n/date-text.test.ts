import { describe, expect, it } from 'vitest';
import { isoDateText } from '../../../shared/i18n/date-text';

describe('a calendar date as people read it', () => {
  it('is written one way per language, the month never in digits in English', () => {
    expect(isoDateText('2026-11-29')).toEqual({
      'zh-CN': '2026年11月29日',
      'en-US': '29 Nov 2026',
    });
    expect(isoDateText('2026-01-05')).toEqual({ 'zh-CN': '2026年1月5日', 'en-US': '5 Jan 2026' });
    expect(isoDateText('2024-02-29')['en-US']).toBe('29 Feb 2024');
  });

  it('gives back what is not a real day as it is', () => {
    expect(isoDateText('2026-02-30')).toEqual({ 'zh-CN': '2026-02-30', 'en-US': '2026-02-30' });
    expect(isoDateText('下周一')).toEqual({ 'zh-CN': '下周一', 'en-US': '下周一' });
  });
});
