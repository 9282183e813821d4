import { isoDateText } from './date-text';
import type { Locale } from './locale';

/**
 * Instants and figures as people read them, the same on screen and on paper. Calendar dates are
 * isoDateText's (date-text.ts): 2026年11月29日 / 29 Nov 2026.
 */

/**
 * An instant as a date and a time of day in the given time zone (IANA name): 2026年11月30日 10:10 /
 * 30 Nov 2026 10:10. The zone is passed in, so the same inputs always read the same.
 */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    // An unknown zone: say it in UTC rather than not at all.
    return formatInstant(iso, locale, 'UTC');
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  return `${isoDateText(day)[locale]} ${part('hour')}:${part('minute')}`;
}

/** 0.875 → 87.5%; null (nothing judged yet) → —. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 1000) / 10}%`;
}
