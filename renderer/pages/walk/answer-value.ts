import type { AnswerValue } from '../../../shared/inspection/schema';
import type { Item } from '../../../shared/template/schema';

/** What a form control holds: text for most kinds, a list for multiple choice. */
export type FormValue = string | string[];

export function toFormValue(value: AnswerValue | undefined): FormValue {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value;
  return String(value);
}

/**
 * The stored answer for what the control holds; null clears it. A number that does not parse is
 * kept as its text, so the engine reports it and nothing typed is lost.
 */
export function fromFormValue(
  item: Item,
  value: FormValue | false | undefined,
): AnswerValue | null {
  if (value === undefined || value === false) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value;
  if (value.trim() === '') return null;
  if (item.kind === 'number') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : value;
  }
  return value;
}
