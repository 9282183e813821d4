import type { Locale } from '../../shared/i18n/locale';
import { formatIsoDate } from './dates';

/** 2026年11月29日 / 29 Nov 2026, from an ISO instant or date, in the user's time zone. */
export function formatDate(iso: string, locale: Locale): string {
  // A calendar date reads exactly as a date field shows it.
  if (iso.length === 10) return formatIsoDate(iso, locale);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
  }).format(date);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** 87.5%, the same on screen and in the printed report. */
export { formatPercent } from '../../shared/i18n/format';

/** A reason written to follow a name ("file: not a workbook") as a sentence of its own. */
export function asSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
