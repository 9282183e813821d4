/** Dates are ISO calendar dates (YYYY-MM-DD) with no time zone; "today" is always passed in. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date, or null. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    return null;
  }
  return Math.round(ms / 86_400_000);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== null;
}

/** Whole days from `from` to `to` (positive when `to` is later), or null if either is invalid. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/**
 * The date `months` calendar months before a valid ISO date, or null. A day the earlier month
 * lacks becomes its last day: 2026-08-31 minus 6 months is 2026-02-28 (2028-02-29 in a leap year).
 */
export function monthsBefore(iso: string, months: number): string | null {
  if (dayNumber(iso) === null || !Number.isInteger(months)) return null;
  const m = ISO_DATE.exec(iso)!;
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) - months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  if (year < 0 || year > 9999) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const day = Math.min(Number(m[3]), lastDay);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
