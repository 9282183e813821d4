import { isIsoDate } from '../template/dates';
import type { Bilingual } from './locale';

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/**
 * A calendar date as people read it, one way per language: 2026年11月29日 / 29 Nov 2026 (day,
 * month name, year: never 11/29 or 29/11, which read differently in different places). Anything
 * that is not an ISO date (YYYY-MM-DD, a real day) is given back as it is, in both.
 */
export function isoDateText(iso: string): Bilingual {
  if (!isIsoDate(iso)) return { 'zh-CN': iso, 'en-US': iso };
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return {
    'zh-CN': `${year}年${month}月${day}日`,
    'en-US': `${day} ${EN_MONTHS[month - 1]} ${year}`,
  };
}
