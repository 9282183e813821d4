import type { Locale } from '../../shared/i18n/locale';
import { isoDateText } from '../../shared/i18n/date-text';
import { dayNumber } from '../../shared/template/dates';

/**
 * Calendar dates as people read and type them. One display per language, the same everywhere:
 * 2026年11月29日 in Chinese, 29 Nov 2026 in English (day, month name, year: never 11/29 or 29/11,
 * which read differently in different places). Stored as ISO YYYY-MM-DD.
 */

/** English month names from the platform (January … December), to read what is typed. */
const LONG_MONTHS = (() => {
  const format = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2000, m, 1)).toLowerCase());
})();

/** 2026-11-29 → 2026年11月29日 / 29 Nov 2026; anything that is not an ISO date is given back. */
export function formatIsoDate(iso: string, locale: Locale): string {
  return isoDateText(iso)[locale];
}

/** A month typed as a name: three letters or more of it (Nov, Sept, November), any case. */
function monthOf(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = LONG_MONTHS.findIndex((m) => m.startsWith(lower));
  return index === -1 ? null : index + 1;
}

function iso(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return dayNumber(text) === null ? null : text;
}

/** Full-width digits and punctuation (typed with a Chinese input method) as their ASCII twins. */
const narrow = (text: string) =>
  text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A date as typed, in either language, or null when it is not one: 2026-11-29, 2026/11/29,
 * 2026.11.29, 2026年11月29日, 20261129, 29 Nov 2026, Nov 29, 2026. Day-month-year in digits
 * (11/29/2026, 29/11/2026) is refused: it reads one way in one country and another elsewhere.
 */
export function parseDateText(text: string): string | null {
  const t = narrow(text).trim().replace(/\s+/g, ' ');
  let m = /^(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2}) ?日?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    return month === null ? null : iso(Number(m[3]), month, Number(m[1]));
  }
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    return month === null ? null : iso(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

/** What a date field holds for what was typed: the ISO date, '' for nothing, else the text. */
export function readDateText(text: string): string {
  return parseDateText(text) ?? text.trim();
}

/** The ISO date `days` days after (or before) another. */
export function addDays(isoDate: string, days: number): string {
  const day = dayNumber(isoDate);
  if (day === null) return isoDate;
  return new Date((day + days) * 86_400_000).toISOString().slice(0, 10);
}
