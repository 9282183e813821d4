import type { Bilingual } from '../i18n/locale';
import type { Period } from './schema';

/** "2026 秋季学期" / "Autumn term 2026". */
export function periodLabel(period: Period): Bilingual {
  return {
    'zh-CN': `${period.year} ${period.term === 'autumn' ? '秋季' : '春季'}学期`,
    'en-US': `${period.term === 'autumn' ? 'Autumn' : 'Spring'} term ${period.year}`,
  };
}

/**
 * The term a date falls in: the autumn term runs from August to January (it ends after the
 * winter holiday starts), the spring term from February to July. `today` is an ISO date.
 */
export function periodOf(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (month === 1) return { year: year - 1, term: 'autumn' };
  return { year, term: month >= 8 ? 'autumn' : 'spring' };
}

/** A sortable key: later terms sort after earlier ones. */
export function periodKey(period: Period): string {
  return `${period.year}-${period.term === 'spring' ? 1 : 2}`;
}
