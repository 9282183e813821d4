import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodKey, periodLabel, periodOf } from '../../../shared/inspection/period';
import type { Period } from '../../../shared/inspection/schema';

describe('periodOf', () => {
  it('puts January in the autumn term that began the year before', () => {
    expect(periodOf('2027-01-01')).toEqual({ year: 2026, term: 'autumn' });
    expect(periodOf('2027-01-31')).toEqual({ year: 2026, term: 'autumn' });
    expect(periodOf('2000-01-15')).toEqual({ year: 1999, term: 'autumn' });
  });

  it.each([
    ['2027-02-01', 2027, 'spring'],
    ['2027-03-15', 2027, 'spring'],
    ['2027-04-30', 2027, 'spring'],
    ['2027-05-01', 2027, 'spring'],
    ['2027-06-20', 2027, 'spring'],
    ['2027-07-31', 2027, 'spring'],
    ['2027-08-01', 2027, 'autumn'],
    ['2027-09-01', 2027, 'autumn'],
    ['2027-10-10', 2027, 'autumn'],
    ['2027-11-29', 2027, 'autumn'],
    ['2027-12-31', 2027, 'autumn'],
  ] as const)('puts %s in the %i %s term', (date, year, term) => {
    expect(periodOf(date)).toEqual({ year, term });
  });

  it('never goes backwards as the days go by (property)', () => {
    const day = fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2099, 11, 31) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (ms, gap) => {
        const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
        const earlier = periodKey(periodOf(iso(ms)));
        const later = periodKey(periodOf(iso(ms + gap * 86_400_000)));
        expect(earlier <= later).toBe(true);
      }),
    );
  });
});

describe('periodLabel', () => {
  it('names the term in both languages', () => {
    expect(periodLabel({ year: 2026, term: 'autumn' })).toEqual({
      'zh-CN': '2026 秋季学期',
      'en-US': 'Autumn term 2026',
    });
    expect(periodLabel({ year: 2027, term: 'spring' })).toEqual({
      'zh-CN': '2027 春季学期',
      'en-US': 'Spring term 2027',
    });
  });
});

describe('periodKey', () => {
  it('is one text per term', () => {
    expect(periodKey({ year: 2026, term: 'spring' })).toBe('2026-1');
    expect(periodKey({ year: 2026, term: 'autumn' })).toBe('2026-2');
  });

  it('sorts terms in time order: spring before autumn, years in order', () => {
    const periods: Period[] = [
      { year: 2027, term: 'spring' },
      { year: 2026, term: 'autumn' },
      { year: 2100, term: 'spring' },
      { year: 2000, term: 'autumn' },
      { year: 2026, term: 'spring' },
    ];
    const sorted = [...periods].sort((a, c) => periodKey(a).localeCompare(periodKey(c)));
    expect(sorted).toEqual([
      { year: 2000, term: 'autumn' },
      { year: 2026, term: 'spring' },
      { year: 2026, term: 'autumn' },
      { year: 2027, term: 'spring' },
      { year: 2100, term: 'spring' },
    ]);
  });

  it('orders any two periods the schema allows as their years and terms do (property)', () => {
    const period = fc.record({
      year: fc.integer({ min: 2000, max: 2100 }),
      term: fc.constantFrom('spring' as const, 'autumn' as const),
    });
    const rank = (p: Period) => p.year * 2 + (p.term === 'autumn' ? 1 : 0);
    fc.assert(
      fc.property(period, period, (a, c) => {
        expect(
          Math.sign(periodKey(a) < periodKey(c) ? -1 : periodKey(a) > periodKey(c) ? 1 : 0),
        ).toBe(Math.sign(rank(a) - rank(c)));
      }),
    );
  });
});
