import type { Locale } from '../i18n/locale';
import { evaluateInspection } from '../inspection/summary';
import type { Inspection } from '../inspection/schema';
import type { Evaluation } from '../template/engine';
import type { Template } from '../template/schema';
import { periodLabel } from '../inspection/period';
import { WORKBOOK_UTC_OFFSET_HOURS } from './cells';
import type { Pick2 } from './sheet';
import { pickerFor } from './sheet';

/** What every sheet is made from: nothing here depends on the clock or the computer. */
export interface WorkbookInput {
  readonly inspection: Inspection;
  readonly template: Template;
  readonly language: Locale;
  readonly appVersion: string;
  /** The day the inspection is judged as of, overdue actions too: the day signed, or last changed. */
  readonly asOf: string;
  readonly evaluation: Evaluation;
  readonly say: Pick2;
  /** "学校 · 2026 秋季学期", the start of every sheet's title. */
  readonly heading: string;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: string): string {
  return new Date(Date.parse(instant) + WORKBOOK_UTC_OFFSET_HOURS * 3_600_000)
    .toISOString()
    .slice(0, 10);
}

export function workbookInput(
  inspection: Inspection,
  template: Template,
  language: Locale,
  appVersion: string,
): WorkbookInput {
  const asOf = inspection.signoff?.date ?? beijingDate(inspection.updatedAt);
  const say = pickerFor(language);
  return {
    inspection,
    template,
    language,
    appVersion,
    asOf,
    evaluation: evaluateInspection(template, inspection, asOf),
    say,
    heading: `${inspection.school.name} · ${periodLabel(inspection.period)[language]}`,
  };
}

/** Row 1 of a sheet: what it is, and while unsigned, that it is a draft. */
export function sheetTitle(input: WorkbookInput, what: string): string {
  const draft = input.inspection.signoff
    ? ''
    : input.say(
        '【草稿 DRAFT：未经校长签字，不是正式报告】',
        '[DRAFT 草稿: not signed by the principal; not an official report] ',
      );
  return `${draft}${input.heading} · ${what}`;
}
