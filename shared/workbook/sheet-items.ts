import type { Bilingual, Locale } from '../i18n/locale';
import type { Answer, Inspection } from '../inspection/schema';
import { own } from '../own';
import type { ItemResult } from '../template/engine';
import { EFFECT_LABELS, STATUS_LABELS, YES_NO_LABELS } from '../template/labels';
import type { Item } from '../template/schema';
import { date, num, text } from './cells';
import type { WorkbookCell } from './cells';
import type { WorkbookInput } from './input';
import { sheetTitle } from './input';
import type { WorkbookSheet } from './sheet';

const SEPARATOR: Readonly<Record<Locale, string>> = { 'zh-CN': '；', 'en-US': '; ' };
const LIST: Readonly<Record<Locale, string>> = { 'zh-CN': '、', 'en-US': ', ' };

/** 检查项: every item of the checklist, in its order, with its id, whether it was asked or not. */
export function itemsSheet(input: WorkbookInput, name: string): WorkbookSheet {
  const { template, inspection, evaluation, say, language } = input;
  const rows: WorkbookCell[][] = [];
  template.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      const answer = own(inspection.answers, item.id);
      const result = evaluation.items[item.id];
      rows.push([
        text(`${s + 1}.${i + 1}`),
        text(section.title[language]),
        text(item.id),
        text(item.prompt[language]),
        answerCell(item, inspection, answer, input),
        text(statusText(result, input)),
        text(reasonText(result, language)),
        text(answer?.note),
        text(evidenceNames(item, inspection, answer, language)),
      ]);
    });
  });
  const columns: [string, string, number][] = [
    ['序号', 'No.', 6],
    ['部分', 'Section', 14],
    ['检查项编号', 'Item id', 22],
    ['检查内容', 'Item', 44],
    ['回答', 'Answer', 18],
    ['结论', 'Status', 10],
    ['原因', 'Reason', 32],
    ['备注', 'Note', 26],
    ['佐证材料', 'Evidence', 24],
  ];
  return {
    id: 'items',
    name,
    title: sheetTitle(input, say('检查项', 'Items')),
    columns: columns.map(([zh, en, width]) => ({ header: say(zh, en), width })),
    rows,
  };
}

function answerCell(
  item: Item,
  inspection: Inspection,
  answer: Answer | undefined,
  { say, language }: WorkbookInput,
): WorkbookCell {
  if (item.kind === 'register') {
    const rows = own(inspection.registers, item.id);
    if (!rows) return null;
    return text(
      rows.length === 0
        ? say('本学期没有', 'None this term')
        : say(`${rows.length} 行`, `${rows.length} row(s)`),
    );
  }
  const value = answer?.value;
  if (value === undefined) return null;
  if (typeof value === 'number') return num(value);
  if (Array.isArray(value)) {
    const labels = value.map((v) => choiceLabel(item, v, language));
    return text(labels.join(LIST[language]));
  }
  switch (item.kind) {
    case 'check':
      return text(own<Bilingual>(STATUS_LABELS, value)?.[language] ?? value);
    case 'yesno':
      return text(own<Bilingual>(YES_NO_LABELS, value)?.[language] ?? value);
    case 'date':
      return date(value);
    case 'choice':
      return text(choiceLabel(item, value, language));
    default:
      return text(value);
  }
}

function choiceLabel(item: Item, value: string, language: Locale): string {
  if (item.kind !== 'choice' && item.kind !== 'multi') return value;
  return item.choices.find((c) => c.value === value)?.label[language] ?? value;
}

function statusText(result: ItemResult | undefined, { say, language }: WorkbookInput): string {
  if (!result) return '';
  if (!result.visible) return say('不需回答', 'Not asked');
  return STATUS_LABELS[result.status][language];
}

function reasonText(result: ItemResult | undefined, language: Locale): string {
  if (!result || !result.visible) return '';
  const reasons = result.reasons.map((f) => f.message[language]);
  const warnings = result.warnings.map(
    (f) =>
      `${EFFECT_LABELS.warning[language]}${language === 'zh-CN' ? '：' : ': '}${f.message[language]}`,
  );
  return [...new Set([...reasons, ...warnings])].join(SEPARATOR[language]);
}

/** The item's files and, for a register, every row's, by name. */
function evidenceNames(
  item: Item,
  inspection: Inspection,
  answer: Answer | undefined,
  language: Locale,
): string {
  const names = (answer?.evidence ?? []).map((e) => e.name);
  if (item.kind === 'register') {
    for (const row of own(inspection.registers, item.id) ?? [])
      names.push(...row.evidence.map((e) => e.name));
  }
  return names.join(LIST[language]);
}
