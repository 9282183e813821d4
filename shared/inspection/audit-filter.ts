import type { Locale } from '../i18n/locale';
import type { AuditKind, AuditLine } from './audit-text';
import { AUDIT_KINDS } from './audit-text';

/** Which entries of the trail a person wants to see. Every part left open lets all through. */
export interface AuditFilter {
  readonly kind: AuditKind | null;
  readonly sectionId: string | null;
  /** Words that must all appear (any case) in what the entry says, in the UI's language. */
  readonly text: string;
  /** From this instant (ms, inclusive) … */
  readonly from: number | null;
  /** … to this one (ms, exclusive). */
  readonly until: number | null;
}

export const NO_FILTER: AuditFilter = {
  kind: null,
  sectionId: null,
  text: '',
  from: null,
  until: null,
};

export function isFiltered(filter: AuditFilter): boolean {
  return (
    filter.kind !== null ||
    filter.sectionId !== null ||
    filter.text.trim() !== '' ||
    filter.from !== null ||
    filter.until !== null
  );
}

const searchable = new WeakMap<AuditLine, Partial<Record<Locale, string>>>();

/**
 * Everything a search looks through, in one language, lower-cased: what happened, where, the
 * values before and after and the particulars in full (however a display shortens them), the
 * file's name and hash, and the ids the entry names. Kept per line, so typing stays quick over
 * a long trail.
 */
export function searchTextOf(line: AuditLine, locale: Locale): string {
  const cached = searchable.get(line) ?? {};
  const hit = cached[locale];
  if (hit !== undefined) return hit;
  const { entry } = line;
  const text = [
    line.what[locale],
    ...line.where.map((w) => w[locale]),
    line.change?.from[locale],
    line.change?.to[locale],
    ...line.details.flatMap((d) => [d.label?.[locale], d.text[locale]]),
    line.file?.name,
    line.file?.sha256,
    entry.itemId,
    entry.rowId,
    entry.columnId,
    entry.actionId,
  ]
    .filter((part) => part !== undefined && part !== null)
    .join('\n')
    .toLowerCase();
  searchable.set(line, { ...cached, [locale]: text });
  return text;
}

/** The lines the filter lets through, in their order. */
export function filterAuditLines(
  lines: readonly AuditLine[],
  filter: AuditFilter,
  locale: Locale,
): AuditLine[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return lines.filter(
    (line) =>
      (filter.kind === null || line.kind === filter.kind) &&
      (filter.sectionId === null || line.sectionId === filter.sectionId) &&
      (filter.from === null || line.time >= filter.from) &&
      (filter.until === null || line.time < filter.until) &&
      (words.length === 0 || words.every((w) => searchTextOf(line, locale).includes(w))),
  );
}

/** How many lines there are of each kind. */
export function countByKind(lines: readonly AuditLine[]): Record<AuditKind, number> {
  const counts = Object.fromEntries(AUDIT_KINDS.map((k) => [k, 0])) as Record<AuditKind, number>;
  for (const line of lines) counts[line.kind] += 1;
  return counts;
}
