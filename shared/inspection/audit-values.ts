import { isoDateText } from '../i18n/date-text';
import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import { STATUS_LABELS, YES_NO_LABELS } from '../template/labels';
import type { Choice, Column, Item } from '../template/schema';
import { periodLabel } from './period';
import type { AuditValue } from './schema';

/**
 * How a value of the audit trail reads, the way the walk-through shows it: the label of a choice
 * rather than its value, 符合 / Compliant for a check, a date in each language's own way, a
 * number with its unit, a list joined. A value that does not fit its kind (a number typed
 * halfway, a choice the template no longer has) is shown as it was stored.
 */
export type ValueShape =
  | { readonly kind: 'check' | 'yesno' | 'date' | 'text' | 'state' | 'period' }
  | { readonly kind: 'number'; readonly unit?: Bilingual }
  | { readonly kind: 'choice'; readonly choices: readonly Choice[] };

const both = (text: string): Bilingual => ({ 'zh-CN': text, 'en-US': text });

/** What an absent `from` means: there was nothing before. */
export const EMPTY: Bilingual = { 'zh-CN': '（空）', 'en-US': '(empty)' };
/** What an absent `to` means: it was cleared. */
export const CLEARED: Bilingual = { 'zh-CN': '（已清除）', 'en-US': '(cleared)' };

export const STATE_LABELS: Readonly<Record<string, Bilingual>> = {
  draft: { 'zh-CN': '填写中', 'en-US': 'Draft' },
  ready: { 'zh-CN': '待签字', 'en-US': 'Ready for sign-off' },
  signed: { 'zh-CN': '已签字', 'en-US': 'Signed' },
};

/** The shape of an item's answer. A register's answers are its rows; a stray value reads as text. */
export function itemShape(item: Item | undefined): ValueShape {
  if (!item) return { kind: 'text' };
  switch (item.kind) {
    case 'check':
    case 'yesno':
    case 'date':
    case 'text':
      return { kind: item.kind };
    case 'number':
      return item.unit ? { kind: 'number', unit: item.unit } : { kind: 'number' };
    case 'choice':
    case 'multi':
      return { kind: 'choice', choices: item.choices };
    case 'register':
      return { kind: 'text' };
  }
}

/** The shape of a register cell. A file column holds no text; whatever is there reads as text. */
export function columnShape(column: Column | undefined): ValueShape {
  if (!column) return { kind: 'text' };
  switch (column.kind) {
    case 'yesno':
    case 'date':
    case 'text':
      return { kind: column.kind };
    case 'number':
      return column.unit ? { kind: 'number', unit: column.unit } : { kind: 'number' };
    case 'choice':
      return column.choices ? { kind: 'choice', choices: column.choices } : { kind: 'text' };
    case 'file':
      return { kind: 'text' };
  }
}

/** One text or number of a value, by its shape. */
function oneText(value: string | number, shape: ValueShape): Bilingual {
  if (typeof value === 'number') {
    const text = String(value);
    if (shape.kind !== 'number' || !shape.unit) return both(text);
    // 95%, but 180 天 / 180 days.
    const unit = (u: string) => (/^[%‰°]/.test(u) ? `${text}${u}` : `${text} ${u}`);
    return { 'zh-CN': unit(shape.unit['zh-CN']), 'en-US': unit(shape.unit['en-US']) };
  }
  switch (shape.kind) {
    case 'check':
      return own(STATUS_LABELS, value) ?? both(value);
    case 'yesno':
      return own(YES_NO_LABELS, value) ?? both(value);
    case 'date':
      return isoDateText(value);
    case 'state':
      return own(STATE_LABELS, value) ?? both(value);
    case 'period': {
      const m = /^(\d{4})-(spring|autumn)$/.exec(value);
      return m
        ? periodLabel({ year: Number(m[1]), term: m[2] as 'spring' | 'autumn' })
        : both(value);
    }
    case 'choice':
      return shape.choices.find((c) => c.value === value)?.label ?? both(value);
    case 'number':
    case 'text':
      return both(value);
  }
}

/**
 * A value before or after a change, as people read it. `undefined` is "(empty)" as the value
 * before and "(cleared)" as the value after; an empty list is "(empty)".
 */
export function valueText(
  value: AuditValue | undefined,
  shape: ValueShape,
  side: 'from' | 'to',
): Bilingual {
  if (value === undefined) return side === 'from' ? EMPTY : CLEARED;
  if (!Array.isArray(value)) return oneText(value, shape);
  if (value.length === 0) return EMPTY;
  const texts = value.map((v) => oneText(v, shape));
  return {
    'zh-CN': texts.map((t) => t['zh-CN']).join('、'),
    'en-US': texts.map((t) => t['en-US']).join(', '),
  };
}
