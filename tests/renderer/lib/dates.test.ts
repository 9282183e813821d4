import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, parseDateText, readDateText } from '../../../renderer/lib/dates';
import { formatDate } from '../../../renderer/lib/format';

describe('dates as people read them', () => {
  it('are written one way per language, day and month never in digits both', () => {
    expect(formatIsoDate('2026-11-29', 'zh-CN')).toBe('2026年11月29日');
    expect(formatIsoDate('2026-01-05', 'zh-CN')).toBe('2026年1月5日');
    expect(formatIsoDate('2026-11-29', 'en-US')).toBe('29 Nov 2026');
    expect(formatIsoDate('2026-09-01', 'en-US')).toBe('1 Sep 2026');
    expect(formatIsoDate('not a date', 'en-US')).toBe('not a date');
    expect(formatIsoDate('2026-02-30', 'zh-CN')).toBe('2026-02-30');
  });

  it('read the same in the rest of the UI', () => {
    expect(formatDate('2026-09-01', 'en-US')).toBe('1 Sep 2026');
    expect(formatDate('2026-09-01', 'zh-CN')).toBe('2026年9月1日');
  });

  it.each([
    ['2026-11-29', '2026-11-29'],
    ['2026/11/29', '2026-11-29'],
    ['2026.11.29', '2026-11-29'],
    ['2026-1-5', '2026-01-05'],
    ['2026年11月29日', '2026-11-29'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    ['２０２６－１１－２９', '2026-11-29'],
    ['20261129', '2026-11-29'],
    ['29 Nov 2026', '2026-11-29'],
    ['29 nov. 2026', '2026-11-29'],
    ['1 Sept 2026', '2026-09-01'],
    ['29 November 2026', '2026-11-29'],
    ['Nov 29, 2026', '2026-11-29'],
    ['  29  Nov  2026 ', '2026-11-29'],
    ['2028-02-29', '2028-02-29'],
  ])('take %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    '',
    '上周五',
    '11/29/2026',
    '29/11/2026',
    '2026-13-01',
    '2026-02-30',
    '2027-02-29',
    '29 Novx 2026',
    '29 No 2026',
    '2026-11',
    '26-11-29',
  ])('refuse %j', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('keep what is not a date as typed, so nothing typed is lost', () => {
    expect(readDateText(' 2026/11/29 ')).toBe('2026-11-29');
    expect(readDateText(' 上周五 ')).toBe('上周五');
    expect(readDateText('   ')).toBe('');
  });

  it('step a day at a time across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
