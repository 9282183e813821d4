import { isoDateText } from '../i18n/date-text';
import type { Locale } from '../i18n/locale';
import type { RegisterRow } from '../inspection/schema';
import { own } from '../own';
import type { Column, RegisterItem } from '../template/schema';
import { T } from './report-text';

const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { 'zh-CN': '、', 'en-US': ', ' };

/** One register cell as a person reads it: choice labels, 是/否, dates in the report's language. */
export function cellText(column: Column, row: RegisterRow, language: Locale): string {
  const value = own(row.cells, column.id);
  if (value === undefined || value === '') return '';
  if (column.kind === 'file') {
    const hashes = Array.isArray(value) ? value : [];
    const names = hashes.map(
      (sha) => row.evidence.find((e) => e.sha256 === sha)?.name ?? `${String(sha).slice(0, 8)}…`,
    );
    return names.join(LIST_SEPARATOR[language]);
  }
  const one = (v: string | number): string => {
    if (typeof v === 'number') {
      const unit = column.unit?.[language];
      return unit === undefined ? String(v) : `${v} ${unit}`;
    }
    if (column.kind === 'date') return isoDateText(v)[language];
    if (column.kind === 'yesno' && (v === 'yes' || v === 'no'))
      return (v === 'yes' ? T.yes : T.no_)[language];
    if (column.kind === 'choice')
      return column.choices?.find((c) => c.value === v)?.label[language] ?? v;
    return v;
  };
  return Array.isArray(value)
    ? value.map((v) => one(v)).join(LIST_SEPARATOR[language])
    : one(value);
}

/** What names a row in a sentence: its first filled-in text cell (a device, an account, an issue). */
export function rowName(item: RegisterItem, row: RegisterRow | undefined): string | undefined {
  if (!row) return undefined;
  for (const column of item.columns) {
    if (column.kind !== 'text') continue;
    const value = own(row.cells, column.id);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
