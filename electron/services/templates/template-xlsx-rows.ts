import type { Choice } from '../../../shared/template/schema';
import { own } from '../../../shared/own';
import { COLUMN_TYPES, ITEM_TYPES, SURVEY_COLUMNS } from './template-xlsx-layout';
import type { Problems, SheetRow } from './template-xlsx-sheet';
import { bilingual, flag, optionalBilingual, readCondition } from './template-xlsx-sheet';
import { effectOf, parseRules } from './rules-text';

/**
 * One spreadsheet row read into the template's JSON shape: an item, a register's column, a row
 * rule, a choice. The result is loose on purpose: checkTemplate judges it afterwards, so a row
 * with a wrong value still yields its other problems.
 */

const UNIT = ['unit::zh-CN', 'unit::en-US'];
/** The survey columns only some types use; every item row may fill the rest. */
const TYPE_SPECIFIC: readonly string[] = [...UNIT, 'min', 'max', 'min_rows', 'multiline'];
const ITEM_COLUMNS: readonly string[] = SURVEY_COLUMNS.filter((c) => !TYPE_SPECIFIC.includes(c));

/** The columns a row of a given type may fill; anything else would be silently ignored. */
function columnsFor(type: string, inRegister: boolean): readonly string[] {
  if (type === 'end_section' || type === 'end_register') return ['type', 'name'];
  if (type === 'begin_section') return ['type', 'name', 'label::zh-CN', 'label::en-US'];
  if (inRegister)
    return [
      'type',
      'name',
      'label::zh-CN',
      'label::en-US',
      'required',
      // min / max on a number column: qinglang-template/2 (checkTemplate asks for the format).
      ...(type === 'number' ? [...UNIT, 'min', 'max'] : []),
    ];
  if (type === 'number') return [...ITEM_COLUMNS, ...UNIT, 'min', 'max'];
  if (type === 'text') return [...ITEM_COLUMNS, 'multiline'];
  if (type === 'begin_register') return [...ITEM_COLUMNS, 'min_rows'];
  return ITEM_COLUMNS;
}

export function checkCellsApply(
  row: SheetRow,
  type: string,
  inRegister: boolean,
  problems: Problems,
): void {
  const allowed = columnsFor(type, inRegister);
  for (const column of row.filled()) {
    if (allowed.includes(column)) continue;
    problems.add(
      `${row.get(column).at} (${column})`,
      `“${column}”列不适用于 ${type} 行，请清空`,
      `column "${column}" does not apply to a ${type} row; leave it empty`,
    );
  }
}

/** An end_section / end_register row that names something must name what it closes. */
export function closes(row: SheetRow, open: string | undefined, problems: Problems): void {
  const name = row.get('name');
  if (name.value !== '' && open !== undefined && name.value !== open) {
    problems.add(
      `${name.at} (name)`,
      `这一行关闭的是“${open}”，而不是“${name.value}”`,
      `this row closes "${open}", not "${name.value}"`,
    );
  }
}

export function readChoices(rows: SheetRow[], problems: Problems): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>();
  for (const row of rows) {
    const list = row.get('list_name').value;
    if (!list) {
      problems.add(
        `${row.get('list_name').at} (list_name)`,
        '选项缺少 list_name',
        'a choice has no list_name',
      );
      continue;
    }
    const entries = lists.get(list) ?? [];
    entries.push({ value: row.get('name').value, label: bilingual(row, 'label') });
    lists.set(list, entries);
  }
  return lists;
}

function choicesFor(
  list: string | undefined,
  row: SheetRow,
  lists: Map<string, Choice[]>,
  problems: Problems,
): Choice[] {
  const choices = list ? lists.get(list) : undefined;
  if (!choices) {
    problems.add(
      `${row.get('type').at} (type)`,
      list
        ? `choices 工作表中没有选项列表“${list}”`
        : 'select_one / select_multiple 后应写选项列表名',
      list
        ? `the choices sheet has no list "${list}"`
        : 'select_one / select_multiple must name a choice list',
    );
    return [];
  }
  return choices;
}

/** A register's column, or null when its type is not a column type (the problem is recorded). */
export function readColumn(
  row: SheetRow,
  type: string,
  list: string | undefined,
  lists: Map<string, Choice[]>,
  problems: Problems,
): Record<string, unknown> | null {
  const kind = own(COLUMN_TYPES, type);
  if (!kind) {
    problems.add(
      `${row.get('type').at} (type)`,
      `登记表中的列类型“${type}”无效，可用：${Object.keys(COLUMN_TYPES).join('、')}`,
      `"${type}" is not a register column type; use ${Object.keys(COLUMN_TYPES).join(', ')}`,
    );
    return null;
  }
  const column: Record<string, unknown> = {
    id: row.get('name').value,
    kind,
    label: bilingual(row, 'label'),
    required: flag(row, 'required', problems),
  };
  if (kind === 'choice') column.choices = choicesFor(list, row, lists, problems);
  const unit = optionalBilingual(row, 'unit', problems);
  if (unit) column.unit = unit;
  if (kind === 'number') readBounds(row, column, problems);
  return column;
}

/** A number item's or number column's `min` / `max` cells, when filled. */
function readBounds(row: SheetRow, into: Record<string, unknown>, problems: Problems): void {
  for (const bound of ['min', 'max'] as const) {
    const cell = row.get(bound);
    if (cell.value === '') continue;
    const n = Number(cell.value);
    if (Number.isFinite(n)) into[bound] = n;
    else
      problems.add(
        `${cell.at} (${bound})`,
        `“${cell.value}”不是数字`,
        `"${cell.value}" is not a number`,
      );
  }
}

export function readItem(
  row: SheetRow,
  type: string,
  list: string | undefined,
  lists: Map<string, Choice[]>,
  problems: Problems,
): Record<string, unknown> | null {
  const kind = type === 'begin_register' ? 'register' : own(ITEM_TYPES, type);
  if (!kind) {
    problems.add(
      `${row.get('type').at} (type)`,
      `类型“${type}”无效，可用：${[...Object.keys(ITEM_TYPES), 'begin_register', 'begin_section'].join('、')}`,
      `"${type}" is not a type; use ${[...Object.keys(ITEM_TYPES), 'begin_register', 'begin_section'].join(', ')}`,
    );
    return null;
  }
  const item: Record<string, unknown> = {
    id: row.get('name').value,
    kind,
    prompt: bilingual(row, 'label'),
  };
  const guidance = optionalBilingual(row, 'hint', problems);
  if (guidance) item.guidance = guidance;
  item.basis = readBasis(row, problems);
  item.required = flag(row, 'required', problems);
  item.evidence = row.get('evidence').value || 'none';
  if (row.get('relevant').value) {
    const condition = readCondition(row, 'relevant', problems);
    if (condition) item.visibleIf = condition;
  }
  const rules = parseRules(row.get('rules').value);
  if (rules.ok) item.rules = rules.rules;
  else {
    problems.add(`${row.get('rules').at} (rules)`, rules.message['zh-CN'], rules.message['en-US']);
    item.rules = [];
  }
  if (kind === 'choice' || kind === 'multi') item.choices = choicesFor(list, row, lists, problems);
  if (kind === 'number') {
    const unit = optionalBilingual(row, 'unit', problems);
    if (unit) item.unit = unit;
    readBounds(row, item, problems);
  }
  if (kind === 'text') item.multiline = flag(row, 'multiline', problems);
  if (kind === 'register') {
    item.columns = [];
    const minRows = row.get('min_rows');
    item.minRows = minRows.value === '' ? 0 : Number(minRows.value);
    if (!Number.isInteger(item.minRows))
      problems.add(
        `${minRows.at} (min_rows)`,
        'min_rows 应为整数',
        'min_rows must be a whole number',
      );
  }
  return item;
}

function readBasis(row: SheetRow, problems: Problems): unknown[] {
  const split = (column: string) =>
    row.get(column).value === ''
      ? []
      : row
          .get(column)
          .value.split(/\r?\n/)
          .map((s) => s.trim());
  const [zh, en, confirmed] = [
    split('basis::zh-CN'),
    split('basis::en-US'),
    split('basis_confirmed'),
  ];
  if (zh.length !== en.length || zh.length !== confirmed.length) {
    problems.add(
      `${row.get('basis::zh-CN').at} (basis)`,
      `法律依据的中文（${zh.length} 行）、英文（${en.length} 行）和 basis_confirmed（${confirmed.length} 行）行数应相同，每行一条`,
      `basis::zh-CN (${zh.length} lines), basis::en-US (${en.length}) and basis_confirmed (${confirmed.length}) must have one line per basis`,
    );
    return [];
  }
  return zh.map((text, i) => ({
    'zh-CN': text,
    'en-US': en[i],
    confirmed: confirmed[i] === 'yes' ? true : confirmed[i] === 'no' ? false : confirmed[i],
  }));
}

/** A row rule, or null when its cells are wrong (the problems are recorded). */
export function readRowRule(row: SheetRow, problems: Problems): Record<string, unknown> | null {
  const when = readCondition(row, 'when', problems);
  const effectCell = row.get('effect');
  const effect = effectOf(effectCell.value);
  if (!effect) {
    problems.add(
      `${effectCell.at} (effect)`,
      `结果应为 non_compliant、partial 或 warning，而不是“${effectCell.value}”`,
      `the effect must be non_compliant, partial or warning, not "${effectCell.value}"`,
    );
  }
  if (!when || !effect) return null;
  return {
    id: row.get('name').value,
    when,
    effect,
    message: bilingual(row, 'message'),
  };
}
