import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { AuditFilter } from '../../../shared/inspection/audit-filter';
import { filterAuditLines, NO_FILTER, searchTextOf } from '../../../shared/inspection/audit-filter';
import type { AuditLine } from '../../../shared/inspection/audit-text';
import type { Locale } from '../../../shared/i18n/locale';
import { isIsoDate } from '../../../shared/template/dates';

/** Entries shown a page at a time: a trail of thousands stays quick to open and to filter. */
export const ENTRIES_PER_PAGE = 50;

export type Order = 'newest' | 'oldest';

/** What the filter form holds: the dates as typed (ISO, '' or a text that is not a date). */
export interface AuditForm extends Omit<AuditFilter, 'from' | 'until'> {
  readonly fromDay: string;
  readonly toDay: string;
}

export const EMPTY_FORM: AuditForm = { ...NO_FILTER, fromDay: '', toDay: '' };

/** The first instant of a calendar day on this computer's clock, or null for no date. */
function dayStart(iso: string, daysLater = 0): number | null {
  if (!isIsoDate(iso)) return null;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + daysLater).getTime();
}

/** The filter a form asks for: from the start of its first day to the end of its last. */
export function filterOf(form: AuditForm): AuditFilter {
  const { fromDay, toDay, ...rest } = form;
  return { ...rest, from: dayStart(fromDay), until: dayStart(toDay, 1) };
}

/**
 * The trail as the page shows it: filtered, in the order asked for, one page of it. Changing
 * the filter or the order goes back to the first page.
 */
export function useAuditView(lines: readonly AuditLine[], locale: Locale) {
  const [form, setFormState] = useState<AuditForm>(EMPTY_FORM);
  const [order, setOrderState] = useState<Order>('newest');
  const [page, setPage] = useState(0);

  // Typing stays quick: the field shows each key at once, the list follows when it can.
  const deferred = useDeferredValue(form);
  const filter = useMemo(() => filterOf(deferred), [deferred]);
  useSearchWarmUp(lines, locale);
  const shown = useMemo(() => {
    const kept = filterAuditLines(lines, filter, locale);
    return order === 'newest' ? kept.reverse() : kept;
  }, [lines, filter, locale, order]);

  const pages = Math.max(1, Math.ceil(shown.length / ENTRIES_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const visible = shown.slice(current * ENTRIES_PER_PAGE, (current + 1) * ENTRIES_PER_PAGE);

  return {
    form,
    setForm(next: AuditForm) {
      setFormState(next);
      setPage(0);
    },
    order,
    setOrder(next: Order) {
      setOrderState(next);
      setPage(0);
    },
    shownCount: shown.length,
    visible,
    page: current,
    pages,
    setPage,
  };
}

/** Lines whose search text is made at a time, between other work. */
const WARM_UP_CHUNK = 500;

/**
 * Makes every line's search text in small chunks while the page is idle, so the first letter
 * typed into the search does not have to make 5,000 of them at once.
 */
function useSearchWarmUp(lines: readonly AuditLine[], locale: Locale): void {
  useEffect(() => {
    let next = 0;
    let timer = 0;
    const step = () => {
      const end = Math.min(lines.length, next + WARM_UP_CHUNK);
      for (; next < end; next++) searchTextOf(lines[next]!, locale);
      if (next < lines.length) timer = window.setTimeout(step, 0);
    };
    timer = window.setTimeout(step, 0);
    return () => window.clearTimeout(timer);
  }, [lines, locale]);
}
