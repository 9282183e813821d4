import type { Locale } from '../i18n/locale';
import type { RegisterRow } from '../inspection/schema';
import { own } from '../own';
import { cellText } from '../report/report-cells';
import type { Column, RegisterItem } from '../template/schema';
import { allItems } from '../template/items';
import { date, num, text } from './cells';
import type { WorkbookCell } from './cells';
import type { WorkbookInput } from './input';
import { sheetTitle } from './input';
import type { SheetColumn, WorkbookSheet } from './sheet';

const LIST: Readonly<Record<Locale, string>> = { 'zh-CN': '；', 'en-US': '; ' };

/** The checklist's registers, each with its name for a sheet. */
export function registerItems(input: WorkbookInput): RegisterItem[] {
  return allItems(input.template).filter((item): item is RegisterItem => item.kind === 'register');
}

/**
 * One sheet per register: the row's id, its cells in the template's columns (dates as dates,
 * numbers as numbers, choices by label), and what the row rules found in it.
 */
export function registerSheet(
  input: WorkbookInput,
  item: RegisterItem,
  name: string,
): WorkbookSheet {
  const { inspection, evaluation, say, language } = input;
  const rows = own(inspection.registers, item.id) ?? [];
  const found = new Map<number, string[]>();
  for (const finding of evaluation.items[item.id]?.reasons ?? [])
    addFinding(found, finding.row, finding.message[language]);
  for (const finding of evaluation.items[item.id]?.warnings ?? [])
    addFinding(found, finding.row, finding.message[language]);
  const columns: SheetColumn[] = [
    { header: say('序号', 'No.'), width: 6 },
    { header: say('行编号', 'Row id'), width: 12 },
    ...item.columns.map((column) => ({
      header: columnHeader(column, language),
      width: widthOf(column),
    })),
    { header: say('检查发现', 'Issues'), width: 36 },
  ];
  return {
    id: `register:${item.id}`,
    name,
    title: sheetTitle(
      input,
      say(`${item.prompt[language]}（${item.id}）`, `${item.prompt[language]} (${item.id})`),
    ),
    columns,
    rows: rows.map((row, index) => [
      num(index + 1),
      text(row.id),
      ...item.columns.map((column) => registerCell(column, row, language)),
      text((found.get(index) ?? []).join(LIST[language])),
    ]),
  };
}

function addFinding(found: Map<number, string[]>, row: number | undefined, message: string) {
  if (row === undefined) return;
  const list = found.get(row) ?? [];
  if (!list.includes(message)) list.push(message);
  found.set(row, list);
}

function columnHeader(column: Column, language: Locale): string {
  const unit = column.unit?.[language];
  return unit === undefined ? column.label[language] : `${column.label[language]}（${unit}）`;
}

const widthOf = (column: Column): number =>
  column.kind === 'date' ? 12 : column.kind === 'number' || column.kind === 'yesno' ? 10 : 20;

function registerCell(column: Column, row: RegisterRow, language: Locale): WorkbookCell {
  const value = own(row.cells, column.id);
  if (typeof value === 'number') return num(value);
  if (column.kind === 'date' && typeof value === 'string') return date(value);
  if (column.kind === 'number' && typeof value === 'string') return text(value);
  // Numbers were written above, bare (units are in the header); the rest as the report reads them.
  return text(cellText(column, row, language));
}
